package io.kalpana.web.admin;

import java.util.Locale;

/** Byte counts as people read them: 1.5 GiB, 312 MiB. */
final class Bytes {

    private static final double MIB = 1024.0 * 1024;
    private static final double GIB = MIB * 1024;

    private Bytes() {
    }

    static String shown(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / MIB);
    }
}
