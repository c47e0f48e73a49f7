package io.kalpana.web.ide;

/**
 * Follows WebSocket frame headers (RFC 6455 5.2) in a byte stream that is relayed unparsed, to know whether the
 * stream is between two frames: only there can the proxy add a frame of its own (a close frame) without
 * corrupting the one in flight.
 */
final class FrameBoundary {

    private final byte[] header = new byte[14];
    private int headerLength;
    private long payloadLeft;

    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, end - i);
                payloadLeft -= skip;
                i += skip;
                continue;
            }
            header[headerLength++] = bytes[i++];
            int needed = headerSize();
            if (needed > 0 && headerLength == needed) {
                payloadLeft = payloadLength();
                headerLength = 0;
            }
        }
    }

    boolean atBoundary() {
        return headerLength == 0 && payloadLeft == 0;
    }

    /** The complete header's size once enough of it is known, else 0. */
    private int headerSize() {
        if (headerLength < 2) {
            return 0;
        }
        int mask = (header[1] & 0x80) != 0 ? 4 : 0;
        int length = header[1] & 0x7f;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + mask;
    }

    private long payloadLength() {
        int length = header[1] & 0x7f;
        if (length < 126) {
            return length;
        }
        int bytes = length == 126 ? 2 : 8;
        long value = 0;
        for (int k = 0; k < bytes; k++) {
            value = (value << 8) | (header[2 + k] & 0xff);
        }
        return value;
    }

    /** An unmasked close frame from the server's side with {@code status} and a short reason. */
    static byte[] closeFrame(int status, String reason) {
        byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + text.length];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (2 + text.length);
        frame[2] = (byte) (status >> 8);
        frame[3] = (byte) status;
        System.arraycopy(text, 0, frame, 4, text.length);
        return frame;
    }
}
