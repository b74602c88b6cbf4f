package org.scimengine.demo.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scimengine.demo.Main;

/**
 * {@code serve} in a JVM of its own, started as the jar starts it ({@link Main}) with this test run's class path:
 * a process that can be killed.
 */
final class ChildServer implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("^Serving SCIM at (\\S+) and OAuth tokens at ");
    /** What the reader puts last, when the child's standard output ends. */
    private static final String END = "\u0000end";

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final List<String> output;

    private ChildServer(Process process, URI baseUri, Path log, List<String> output) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.output = output;
    }

    /**
     * Starts {@code serve --port 0 --data DIR ...} and returns once it says where it serves.
     *
     * @param log where the child's standard error (its log) goes
     */
    static ChildServer start(Path data, Path log, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--port", "0", "--data", data.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the child was killed
            } finally {
                lines.add(END);
            }
        }, "child-server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException((line == null ? "serve did not start in time" : "serve ended with "
                        + process.exitValue()) + "; printed " + output + "; logged:\n" + Files.readString(log));
            }
            synchronized (output) {
                output.add(line);
            }
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                return new ChildServer(process, URI.create(serving.group(1)), log, output);
            }
        }
    }

    /** The SCIM base URI, ending in {@code /}. */
    URI scim() {
        return URI.create(baseUri + "/");
    }

    /** The lines it printed up to serving. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed server did not end");
        }
    }

    /**
     * SIGTERM, as Ctrl-C: requests in progress finish, then it stops.
     *
     * @return its exit status
     */
    int stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop; logged:\n" + Files.readString(log));
        }
        return process.exitValue();
    }

    /** Kills it if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
