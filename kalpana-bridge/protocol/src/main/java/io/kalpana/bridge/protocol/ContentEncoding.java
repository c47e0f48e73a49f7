package io.kalpana.bridge.protocol;

import java.util.Arrays;

/** How file content or command output is carried in a JSON string. */
public enum ContentEncoding {
    /** Read only: text when the file is valid UTF-8 without NUL bytes, base64 otherwise. */
    AUTO("auto"),
    TEXT("text"),
    BASE64("base64");

    private final String wireName;

    ContentEncoding(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ContentEncoding fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.BAD_REQUEST,
                        "encoding must be one of auto, text, base64; got '" + name + "'"));
    }
}
