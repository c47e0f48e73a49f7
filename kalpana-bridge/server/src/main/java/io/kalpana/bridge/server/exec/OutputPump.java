package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.OutputChannel;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Copies one pipe of a command to the client in chunks of whatever is available (not per line),
 * so progress output without newlines still streams.
 */
final class OutputPump implements Runnable {

    /** A pipe holds 64 KiB; what is already waiting beyond one read is sent along, up to this size. */
    private static final int CHUNK_BYTES = 512 * 1024;
    private static final int READ_BYTES = 64 * 1024;

    private final InputStream source;
    private final OutputChannel channel;
    private final ChunkEncoder encoder;
    private final OutputBudget budget;
    private final BiConsumer<OutputChannel, EncodedOutput> sink;
    private final CountDownLatch done = new CountDownLatch(1);

    OutputPump(InputStream source, OutputChannel channel, ChunkEncoder encoder, OutputBudget budget,
               BiConsumer<OutputChannel, EncodedOutput> sink) {
        this.source = source;
        this.channel = channel;
        this.encoder = encoder;
        this.budget = budget;
        this.sink = sink;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[CHUNK_BYTES];
        try (source) {
            int read;
            while ((read = source.read(buffer, 0, READ_BYTES)) != -1) {
                // coalesce only what is already available: no waiting, so latency stays as low as one read
                int more;
                while (read + READ_BYTES <= buffer.length && source.available() > 0
                        && (more = source.read(buffer, read, READ_BYTES)) > 0) {
                    read += more;
                }
                int allowed = budget.claim(read);
                if (allowed > 0) {
                    emit(encoder.encode(buffer, allowed));
                }
            }
            emit(encoder.finish());
        } catch (IOException e) {
            // the pipe closes abruptly when the process group is killed; nothing more to copy
        } finally {
            done.countDown();
        }
    }

    boolean awaitDrained(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    private void emit(EncodedOutput data) {
        if (!data.isEmpty()) {
            sink.accept(channel, data);
        }
    }
}
