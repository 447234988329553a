package org.parley.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parley as a separate JVM, the way an operator runs it, so that tests can stop it, kill it with -9 and
 * start it again on the same data directory. It runs from the test class path (no packaging needed).
 */
public final class ParleyProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Map<String, String> env;
    private Process process;

    public ParleyProcess(Path dataDir, Map<String, String> extraEnv) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePort();
        this.log = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
        this.env = new HashMap<>(extraEnv);
        Files.createDirectories(this.dataDir);
    }

    public ParleyProcess start() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.parley.ParleyApplication");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("PARLEY_DATA_DIR", dataDir.toString());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("PARLEY_DEMO_PASSWORD", ParleyTest.DEMO_PASSWORD);
        pb.environment().putAll(env);
        process = pb.start();
        awaitReady(Duration.ofSeconds(240)); // first starts load every feature's demo; busy CI machines are slow
        return this;
    }

    public int port() {
        return port;
    }

    public Api api() {
        return Api.at(port);
    }

    /** SIGTERM and wait: the app shuts down gracefully and stops its PostgreSQL. */
    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Parley did not stop within 60 s; log tail:\n" + tail());
            }
        }
    }

    /** kill -9: no shutdown hook runs, the embedded PostgreSQL is left behind as after a crash. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Parley exited with " + process.exitValue() + "; log tail:\n" + tail());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Parley was not ready within " + timeout + "; log tail:\n" + tail());
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
