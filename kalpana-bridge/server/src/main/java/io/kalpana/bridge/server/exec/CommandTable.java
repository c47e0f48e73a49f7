package io.kalpana.bridge.server.exec;

import io.kalpana.bridge.protocol.ErrorCode;
import io.kalpana.bridge.protocol.RequestId;
import io.kalpana.bridge.server.OperationFailedException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands one connection started, by request id. Ids are client-chosen, so they are only
 * meaningful within their connection: a client can never signal another client's command.
 */
public final class CommandTable {

    private final Map<RequestId, RunningCommand> commands = new ConcurrentHashMap<>();

    public void reserve(RequestId id) {
        if (commands.containsKey(id)) {
            throw new OperationFailedException(ErrorCode.BAD_REQUEST, "a command with id '" + id + "' is still running");
        }
    }

    public void add(RequestId id, RunningCommand command) {
        commands.put(id, command);
        command.finished().whenComplete((exit, failure) -> commands.remove(id, command));
    }

    public RunningCommand get(RequestId id) {
        RunningCommand command = commands.get(id);
        if (command == null) {
            throw new OperationFailedException(ErrorCode.UNKNOWN_COMMAND, "no running command with id '" + id + "'");
        }
        return command;
    }

    /** Nobody is left to read the output of a closed connection's commands. */
    public void killAll() {
        commands.values().forEach(RunningCommand::kill);
    }
}
