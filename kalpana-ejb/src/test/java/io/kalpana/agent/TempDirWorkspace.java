package io.kalpana.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@link WorkspaceTools} over a local directory, with bash for commands: the agent's tests need no container. */
final class TempDirWorkspace implements WorkspaceTools {

    private final Path root;
    private volatile boolean reachable = true;
    final List<Process> started = new ArrayList<>();

    TempDirWorkspace(Path root) {
        this.root = root;
    }

    /** Makes every later call fail as an unreachable bridge would. */
    void goAway() {
        reachable = false;
    }

    @Override
    public String readFile(String path) {
        try {
            return Files.readString(resolve(path));
        } catch (NoSuchFileException e) {
            throw new WorkspaceToolException("not_found: " + path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeFile(String path, String content) {
        try {
            Path file = resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void editFile(String path, String search, String replacement) {
        String content = readFile(path);
        int count = content.split(Pattern.quote(search), -1).length - 1;
        if (count != 1) {
            throw new WorkspaceToolException("edit_no_match: the search text occurs " + count + " times in " + path);
        }
        writeFile(path, content.replace(search, replacement));
    }

    @Override
    public FileListing listFiles(String path) {
        Path base = resolve(path);
        try (Stream<Path> walk = Files.walk(base, 3)) {
            return new FileListing(walk.filter(p -> !p.equals(base))
                    .map(p -> base.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<SearchHit> search(String regex) {
        checkReachable();
        Pattern pattern = Pattern.compile(regex);
        List<SearchHit> hits = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        hits.add(new SearchHit(root.relativize(file).toString(), i + 1, lines.get(i)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    @Override
    public RunningCommand runCommand(String command, Duration timeout, Consumer<String> output) {
        checkReachable();
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("setsid", "bash", "-c", command).directory(root.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (started) {
            started.add(process);
        }
        CompletableFuture<CommandExit> exit = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    output.accept(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor();
                }
                exit.complete(new CommandExit(process.exitValue(), !finished, process.exitValue() == 137,
                        Duration.ofNanos(System.nanoTime() - start)));
            } catch (IOException | InterruptedException e) {
                exit.completeExceptionally(e);
            }
        }, "temp-workspace-command");
        reader.setDaemon(true);
        reader.start();
        return new RunningCommand() {
            @Override
            public CompletableFuture<CommandExit> exit() {
                return exit;
            }

            @Override
            public void kill() {
                // the whole group at once, as the bridge does: killing shell and children one by one races
                // with the shell forking its next child or running the rest of its command line
                try {
                    new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private Path resolve(String path) {
        checkReachable();
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            throw new WorkspaceToolException("path_outside_workspace: " + path);
        }
        return resolved;
    }

    private void checkReachable() {
        if (!reachable) {
            throw new WorkspaceUnreachableException("The workspace cannot be reached: connection refused", null);
        }
    }
}
