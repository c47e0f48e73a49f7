package io.kalpana.agent;

import java.util.Optional;

/** Whether a command may run as asked, needs the user's approval, or is refused; and which rule said so. */
public record CommandVerdict(Decision decision, Optional<String> rule) {

    public enum Decision { ALLOW, CONFIRM, DENY }

    static CommandVerdict allow() {
        return new CommandVerdict(Decision.ALLOW, Optional.empty());
    }
}
