package io.kalpana.workspace;

import io.kalpana.problem.KalpanaException;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a person calls a workspace. Free text, so it is escaped wherever it is shown; unique per owner
 * regardless of case and Unicode form, which {@link #key()} captures.
 */
public record WorkspaceName(String value) {

    public static final int MAX_LENGTH = 64;

    public WorkspaceName {
        if (value == null || value.isBlank()) {
            throw KalpanaException.invalid("invalid_workspace_name", "Give the workspace a name");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw KalpanaException.invalid("invalid_workspace_name",
                    "A workspace name has at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw KalpanaException.invalid("invalid_workspace_name",
                    "A workspace name cannot contain control or invisible formatting characters");
        }
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
