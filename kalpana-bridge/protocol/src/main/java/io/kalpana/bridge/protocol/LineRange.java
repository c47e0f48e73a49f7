package io.kalpana.bridge.protocol;

/** Inclusive, 1-based range of lines; {@link #TO_END} as last line means "until the end of the file". */
public record LineRange(int firstLine, int lastLine) {

    public static final int TO_END = Integer.MAX_VALUE;

    public LineRange {
        if (firstLine < 1) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "startLine must be >= 1, got " + firstLine);
        }
        if (lastLine < firstLine) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "endLine (" + lastLine + ") must not be before startLine (" + firstLine + ")");
        }
    }

    public static LineRange from(int firstLine) {
        return new LineRange(firstLine, TO_END);
    }

    public boolean contains(int line) {
        return line >= firstLine && line <= lastLine;
    }

    public boolean isOpenEnded() {
        return lastLine == TO_END;
    }
}
