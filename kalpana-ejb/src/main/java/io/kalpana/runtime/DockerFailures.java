package io.kalpana.runtime;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.kalpana.problem.KalpanaException;
import io.kalpana.problem.ProblemKind;

import java.io.IOException;
import java.util.Locale;

/** Turns what docker-java throws into problems a user or an administrator can act on. */
final class DockerFailures {

    private DockerFailures() {
    }

    static KalpanaException translate(RuntimeException failure, RuntimeSettings settings, String attempted) {
        if (failure instanceof KalpanaException problem) {
            return problem;
        }
        if (isUnreachable(failure)) {
            return unavailable(settings, failure);
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().strip();
        String lower = message.toLowerCase(Locale.ROOT);
        if (failure instanceof NotFoundException && lower.contains("no such image")) {
            return imageMissing(settings.image(), failure);
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return new KalpanaException(ProblemKind.CONFLICT, WorkspaceRuntime.HOST_PORT_BUSY,
                    "A host port leased to this workspace is taken by another program; start the workspace again to get other ports.",
                    failure);
        }
        return new KalpanaException(ProblemKind.UNAVAILABLE, "docker_failed",
                "Docker could not " + attempted + ": " + firstLine(message), failure);
    }

    static KalpanaException unavailable(RuntimeSettings settings, Throwable cause) {
        return KalpanaException.unavailable("docker_unavailable", "The Docker engine at " + settings.dockerHost()
                + " is not reachable, so workspaces cannot be started or stopped right now. Check that Docker is running"
                + " and that kalpana.docker.host points to it.", cause);
    }

    static KalpanaException imageMissing(String image, Throwable cause) {
        return KalpanaException.unavailable("workspace_image_missing", "The workspace image " + image
                + " is not on the Docker host. Kalpana's own images are built with ./kalpana image (or"
                + " workspace-image/build.sh --bridge-jar kalpana-bridge/server/target/kalpana-bridge.jar); an image an"
                + " admin registered must be pulled or loaded onto the Docker host, or the workspace moved to another.",
                cause);
    }

    /** Connection trouble reaches us as I/O exceptions wrapped by the transport, never as a DockerException. */
    private static boolean isUnreachable(Throwable failure) {
        if (failure instanceof DockerException) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().equals("com.sun.jna.LastErrorException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
