package io.kalpana.bridge.protocol;

import java.util.Arrays;
import java.util.Optional;

/** Machine-readable reason of an error reply; callers branch on it, humans read the message. */
public enum ErrorCode {
    BAD_REQUEST("bad_request"),
    MALFORMED_JSON("malformed_json"),
    UNKNOWN_OP("unknown_op"),
    UNSUPPORTED_VERSION("unsupported_version"),
    PATH_OUTSIDE_WORKSPACE("path_outside_workspace"),
    NOT_FOUND("not_found"),
    ALREADY_EXISTS("already_exists"),
    IS_DIRECTORY("is_directory"),
    NOT_DIRECTORY("not_directory"),
    DIRECTORY_NOT_EMPTY("directory_not_empty"),
    FILE_TOO_LARGE("file_too_large"),
    EDIT_NO_MATCH("edit_no_match"),
    EDIT_AMBIGUOUS("edit_ambiguous"),
    INVALID_PATTERN("invalid_pattern"),
    TOO_MANY_COMMANDS("too_many_commands"),
    UNKNOWN_COMMAND("unknown_command"),
    EXEC_FAILED("exec_failed"),
    IO_ERROR("io_error"),
    INTERNAL_ERROR("internal_error");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Unknown codes from a newer server map to INTERNAL_ERROR instead of failing the client. */
    public static ErrorCode fromWire(String name) {
        return find(name).orElse(INTERNAL_ERROR);
    }

    public static Optional<ErrorCode> find(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
