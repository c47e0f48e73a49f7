package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ExecExit;
import io.kalpana.bridge.protocol.OutputChannel;

/** Where a running command's events go (the client connection); called from several threads. */
public interface ExecEvents {

    void started(long pid);

    void output(OutputChannel channel, EncodedOutput data);

    void exited(ExecExit exit);
}
