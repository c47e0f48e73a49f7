package io.kalpana.reaper;

import java.time.Duration;

/** A duration as a person reads it in a status line: "30 min", "1 h 30 min", "30 days". */
final class HumanDuration {

    private HumanDuration() {
    }

    static String of(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long days = duration.toDays();
        if (days > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
}
