package io.kalpana.agent;

import io.kalpana.problem.KalpanaException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The deny and confirm rules for agent commands. A rule matches when its regex is found anywhere in the
 * command, because a dangerous command is just as dangerous after {@code cd x &&}. Deny wins over confirm.
 */
public final class CommandPolicy {

    private final List<Pattern> deny;
    private final List<Pattern> confirm;

    private CommandPolicy(List<Pattern> deny, List<Pattern> confirm) {
        this.deny = deny;
        this.confirm = confirm;
    }

    public static CommandPolicy of(List<String> denyRules, List<String> confirmRules) {
        return new CommandPolicy(compile("kalpana.agent.commands.deny", denyRules),
                compile("kalpana.agent.commands.confirm", confirmRules));
    }

    public CommandVerdict judge(String command) {
        Optional<Pattern> denied = firstFound(deny, command);
        if (denied.isPresent()) {
            return new CommandVerdict(CommandVerdict.Decision.DENY, denied.map(Pattern::pattern));
        }
        Optional<Pattern> confirmed = firstFound(confirm, command);
        if (confirmed.isPresent()) {
            return new CommandVerdict(CommandVerdict.Decision.CONFIRM, confirmed.map(Pattern::pattern));
        }
        return CommandVerdict.allow();
    }

    private static Optional<Pattern> firstFound(List<Pattern> rules, String command) {
        return rules.stream().filter(rule -> rule.matcher(command).find()).findFirst();
    }

    private static List<Pattern> compile(String key, List<String> rules) {
        return rules.stream().filter(rule -> !rule.isBlank()).map(rule -> {
            try {
                return Pattern.compile(rule.strip());
            } catch (PatternSyntaxException e) {
                throw KalpanaException.invalid("invalid_command_rule",
                        key + " holds an invalid regex '" + rule + "': " + e.getDescription());
            }
        }).toList();
    }
}
