package io.kalpana.bridge.server.exec;

import java.util.concurrent.atomic.AtomicLong;

/** Shared cap on a command's stdout+stderr bytes; once spent, output is read and dropped, not sent. */
public final class OutputBudget {

    private final long limit;
    private final AtomicLong produced = new AtomicLong();

    public OutputBudget(long limit) {
        this.limit = limit;
    }

    /** Records {@code bytes} more output and returns how many of them may still be sent. */
    public int claim(int bytes) {
        long after = produced.addAndGet(bytes);
        long before = after - bytes;
        if (after <= limit) {
            return bytes;
        }
        return (int) Math.max(0, limit - before);
    }

    public boolean truncated() {
        return produced.get() > limit;
    }

    public long produced() {
        return produced.get();
    }
}
