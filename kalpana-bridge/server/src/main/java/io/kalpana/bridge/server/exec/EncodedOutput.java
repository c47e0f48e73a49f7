package io.kalpana.bridge.server.exec;

import java.util.Base64;

/**
 * A chunk of command output ready for the wire. Binary chunks (base64 requested) keep their raw bytes:
 * a binary-frame connection sends them as they are, only a text connection pays for base64.
 */
public sealed interface EncodedOutput permits EncodedOutput.Text, EncodedOutput.Binary {

    String asString();

    boolean isEmpty();

    record Text(String value) implements EncodedOutput {
        @Override
        public String asString() {
            return value;
        }

        @Override
        public boolean isEmpty() {
            return value.isEmpty();
        }
    }

    /** Raw output bytes; their JSON form is base64. */
    record Binary(byte[] raw) implements EncodedOutput {
        @Override
        public String asString() {
            return Base64.getEncoder().encodeToString(raw);
        }

        @Override
        public boolean isEmpty() {
            return raw.length == 0;
        }
    }
}
