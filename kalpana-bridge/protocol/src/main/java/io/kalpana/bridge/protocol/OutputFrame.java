package io.kalpana.bridge.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A stdout/stderr event in the exact canonical form {@link Messages#output} writes:
 * {@code {"id":"..","type":"stdout","data":".."}}. Reading that form directly is several times faster
 * than a JSON tree; anything else (another field order, extra fields) falls back to the generic parser.
 */
public record OutputFrame(RequestId id, OutputChannel channel, String data) {

    private static final String PREFIX = "{\"id\":\"";
    public static String write(RequestId id, OutputChannel channel, String data) {
        StringBuilder out = new StringBuilder(data.length() + id.value().length() + 40);
        out.append("{\"id\":");
        JsonStrings.appendQuoted(out, id.value());
        out.append(",\"type\":\"").append(channel.messageType().wireName()).append("\",\"data\":");
        JsonStrings.appendQuoted(out, data);
        return out.append('}').toString();
    }

    /**
     * Header of a raw output message (binary-frame connections, base64 output requested):
     * {@code {"id":..,"type":"stdout","encoding":"raw"}} and a newline, followed by the raw bytes.
     */
    public static byte[] rawHeader(RequestId id, OutputChannel channel) {
        StringBuilder out = new StringBuilder(id.value().length() + 48);
        out.append("{\"id\":");
        JsonStrings.appendQuoted(out, id.value());
        out.append(",\"type\":\"").append(channel.messageType().wireName()).append("\",\"encoding\":\"raw\"}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Optional<OutputFrame> tryRead(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int[] end = new int[1];
        String id = JsonStrings.readQuoted(text, PREFIX.length(), end);
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        for (OutputChannel channel : OutputChannel.values()) {
            String middle = ",\"type\":\"" + channel.messageType().wireName() + "\",\"data\":\"";
            if (text.startsWith(middle, end[0])) {
                String data = JsonStrings.readQuoted(text, end[0] + middle.length(), end);
                if (data == null || end[0] != text.length() - 1 || text.charAt(end[0]) != '}') {
                    return Optional.empty();
                }
                return Optional.of(new OutputFrame(new RequestId(id), channel, data));
            }
        }
        return Optional.empty();
    }
}
