package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ContentEncoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns raw output chunks into JSON-safe strings. Text mode keeps an incomplete UTF-8 sequence at the
 * end of a chunk for the next one, so a character split across two reads is not garbled.
 * Base64 mode keeps the raw bytes; each event is base64-encoded on its own when it is put on the wire.
 */
public abstract class ChunkEncoder {

    public static ChunkEncoder forEncoding(ContentEncoding encoding) {
        return encoding == ContentEncoding.BASE64 ? new Base64Chunks() : new Utf8Chunks();
    }

    public abstract EncodedOutput encode(byte[] buffer, int length);

    /** Whatever is still pending at end of stream. */
    public abstract EncodedOutput finish();

    private static final class Base64Chunks extends ChunkEncoder {
        private static final EncodedOutput NOTHING = new EncodedOutput.Binary(new byte[0]);

        @Override
        public EncodedOutput encode(byte[] buffer, int length) {
            return new EncodedOutput.Binary(Arrays.copyOf(buffer, length));
        }

        @Override
        public EncodedOutput finish() {
            return NOTHING;
        }
    }

    private static final class Utf8Chunks extends ChunkEncoder {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final byte[] pending = new byte[4];
        private int pendingLength;

        @Override
        public EncodedOutput encode(byte[] buffer, int length) {
            ByteBuffer in = ByteBuffer.allocate(pendingLength + length);
            in.put(pending, 0, pendingLength).put(buffer, 0, length).flip();
            CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, out, false);
            pendingLength = in.remaining();
            in.get(pending, 0, pendingLength);
            return new EncodedOutput.Text(out.flip().toString());
        }

        @Override
        public EncodedOutput finish() {
            if (pendingLength == 0) {
                return new EncodedOutput.Text("");
            }
            ByteBuffer in = ByteBuffer.wrap(pending, 0, pendingLength);
            CharBuffer out = CharBuffer.allocate(8);
            decoder.decode(in, out, true);
            decoder.flush(out);
            pendingLength = 0;
            return new EncodedOutput.Text(out.flip().toString());
        }
    }
}
