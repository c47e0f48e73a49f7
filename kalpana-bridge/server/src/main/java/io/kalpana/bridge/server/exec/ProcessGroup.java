package io.kalpana.bridge.server.exec;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process group a command leads. Commands start under {@code setsid}, which (the JVM's child never
 * being a group leader) execs bash in place: the pid Java sees is the group id, and signalling
 * {@code -pid} reaches every descendant that did not leave the group itself.
 */
public final class ProcessGroup {

    private static final Logger LOG = Logger.getLogger(ProcessGroup.class.getName());

    private final long id;

    public ProcessGroup(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    /** @return true when the signal was delivered to at least one process of the group */
    public boolean signal(Signal signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal.name(), "--", "-" + id)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot signal process group " + id, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
