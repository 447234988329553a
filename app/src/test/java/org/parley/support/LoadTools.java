package org.parley.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generators of the benchmarks, as outside processes so the client costs as little CPU as it can:
 * {@code wrk} (Debian's, with a Lua script that makes every request different) for HTTP and {@code pgbench} for
 * the database's own rate. Both are bounded in time. The Lua scripts are in {@code src/test/resources/bench}; their
 * shared part ({@code common.lua}) prints the one summary line that {@link #wrk} reads.
 */
public final class LoadTools {

    private static final Pattern WRK = Pattern.compile(
            "WRK requests=(\\d+) duration_us=(\\d+) status_errors=(\\d+) socket_errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PGLAT = Pattern.compile("latency average = ([0-9.]+) ms");

    private LoadTools() {
    }

    /** What a wrk run did: completed requests, of which {@code failed} had a status ≥ 400 or a socket error. */
    public record WrkResult(long requests, double seconds, long failed, double p50Ms, double p99Ms, double maxMs) {
        public long ok() {
            return requests - failed;
        }

        public double rate() {
            return ok() / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,d ok, %d failed in %.1f s = %,.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    ok(), failed, seconds, rate(), p50Ms, p99Ms, maxMs);
        }
    }

    /** A benchmark script of {@code src/test/resources/bench} with {@code common.lua} in front, as a file wrk can read. */
    public static Path script(String name) throws IOException {
        Path file = Files.createTempFile(name, ".lua");
        file.toFile().deleteOnExit();
        try (var common = LoadTools.class.getResourceAsStream("/bench/common.lua"); var own = LoadTools.class.getResourceAsStream("/bench/" + name)) {
            Files.write(file, (new String(common.readAllBytes(), StandardCharsets.UTF_8) + "\n" + new String(own.readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The median of some values. */
    public static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Runs wrk with a script made by {@link #script} against the URL; {@code args} reach the script's {@code init}. */
    public static WrkResult wrk(int threads, int connections, Duration duration, Path script, String url, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), url));
        if (args.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(args));
        }
        String out = run(cmd, duration.plusMinutes(2));
        Matcher m = WRK.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk said:\n" + out);
        }
        return new WrkResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)),
                Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3, Long.parseLong(m.group(7)) / 1e3);
    }

    /**
     * Runs wrk until {@code done} says the work is finished (checked every 100 ms), then stops it as Ctrl-C does,
     * so the rate counts only the time the work took; {@code limit} bounds it.
     */
    public static WrkResult wrkUntil(int threads, int connections, Duration limit, java.util.function.BooleanSupplier done, Path script, String url,
                                     String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + limit.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), url));
        if (args.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(args));
        }
        Path out = Files.createTempFile("wrk", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            while (p.isAlive() && System.nanoTime() < deadline && !done.getAsBoolean()) {
                Thread.sleep(100);
            }
            if (p.isAlive()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("wrk did not stop");
            }
            String text = Files.readString(out);
            Matcher m = WRK.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("wrk said:\n" + text);
            }
            return new WrkResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)),
                    Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3, Long.parseLong(m.group(7)) / 1e3);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    /** What pgbench did: transactions a second and their mean latency. */
    public record PgBenchResult(double tps, double meanLatencyMs) {
        @Override
        public String toString() {
            return String.format("%,.0f/s, mean latency %.2f ms", tps, meanLatencyMs);
        }
    }

    /** Runs pgbench's custom script against the database of a JDBC URL (jdbc:postgresql://host:port/db), as user postgres. */
    public static PgBenchResult pgbench(String jdbcUrl, int clients, Duration duration, String script) throws IOException, InterruptedException {
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        Path file = Files.createTempFile("pgbench", ".sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        try {
            String out = run(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2", "-T",
                    String.valueOf(duration.toSeconds()), "-f", file.toString(), "-h", db.getHost(), "-p", String.valueOf(db.getPort()),
                    "-U", "postgres", db.getPath().substring(1)), duration.plusMinutes(2));
            Matcher t = TPS.matcher(out);
            Matcher l = PGLAT.matcher(out);
            if (!t.find() || !l.find()) {
                throw new IllegalStateException("pgbench said:\n" + out);
            }
            return new PgBenchResult(Double.parseDouble(t.group(1)), Double.parseDouble(l.group(1)));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The load average now (1, 5, 15 minutes), as /proc/loadavg has it. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String run(List<String> cmd, Duration limit) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out;
        try {
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(cmd.getFirst() + " did not end within " + limit);
            }
            out = p.getInputStream().readAllBytes();
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd.getFirst() + " exited with " + p.exitValue() + ":\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
