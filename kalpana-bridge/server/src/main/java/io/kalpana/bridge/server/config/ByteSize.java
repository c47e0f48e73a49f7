package io.kalpana.bridge.server.config;

import java.util.Locale;

/** A size limit in bytes; parses "1048576", "512k", "8m", "1g" (binary units). */
public record ByteSize(long bytes) {

    public ByteSize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + bytes);
        }
    }

    public static ByteSize ofMebibytes(long mebibytes) {
        return new ByteSize(mebibytes * 1024 * 1024);
    }

    public static ByteSize parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        char unit = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        switch (unit) {
            case 'k' -> factor = 1024L;
            case 'm' -> factor = 1024L * 1024;
            case 'g' -> factor = 1024L * 1024 * 1024;
            default -> factor = 1;
        }
        String digits = factor == 1 ? value : value.substring(0, value.length() - 1);
        return new ByteSize(Math.multiplyExact(Long.parseLong(digits.trim()), factor));
    }

    public int asIntCapped() {
        return (int) Math.min(bytes, Integer.MAX_VALUE - 1024);
    }
}
