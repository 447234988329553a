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

    /**
     * CPU seconds spent between {@link CpuMeter#start} and {@link CpuMeter#stop}: by this JVM, by the PostgreSQL
     * server (the postmaster and its children at the end), by the children this JVM reaped (wrk, pgbench), and by
     * the whole machine (so what is left is everybody else); and the wall time.
     */
    public record Cpu(double jvm, double postgres, double children, double machine, double wall) {
        /** Microseconds of each per unit of work (a request). */
        public String per(long units, String unit) {
            return String.format("CPU per %s: JVM %.0f µs, PostgreSQL %.0f µs, load generator %.0f µs, rest of the machine %.0f µs "
                            + "(machine busy %.0f%% of %d cores over %.1f s)", unit, 1e6 * jvm / units, 1e6 * postgres / units,
                    1e6 * children / units, 1e6 * Math.max(0, machine - jvm - postgres - children) / units,
                    100 * machine / wall / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(), wall);
        }
    }

    /** Counts CPU time on Linux from /proc; the database's processes are found from one of its backends. */
    public static final class CpuMeter {
        private static final double TICK = 100.0; // USER_HZ
        private final long postmaster;
        private final long nanos;
        private final long[] self;
        private final long pg;
        private final long machine;

        private CpuMeter(long postmaster) {
            this.postmaster = postmaster;
            this.nanos = System.nanoTime();
            this.self = selfTicks();
            this.pg = postgresTicks(postmaster);
            this.machine = machineBusyTicks();
        }

        /** Starts counting; {@code backendPid} is any backend of the server ({@code SELECT pg_backend_pid()}). */
        public static CpuMeter start(long backendPid) {
            return new CpuMeter(Long.parseLong(stat(backendPid)[1]));
        }

        public Cpu stop() {
            long[] s = selfTicks();
            return new Cpu((s[0] - self[0]) / TICK, (postgresTicks(postmaster) - pg) / TICK, (s[1] - self[1]) / TICK,
                    (machineBusyTicks() - machine) / TICK, (System.nanoTime() - nanos) / 1e9);
        }

        /** The fields of /proc/PID/stat after the command name (index 0 is the state, 1 the parent). */
        private static String[] stat(long pid) {
            try {
                String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return text.substring(text.lastIndexOf(')') + 2).split(" ");
            } catch (IOException e) {
                return null;
            }
        }

        /** This JVM's own ticks, and those of its reaped children. */
        private static long[] selfTicks() {
            String[] f = stat(ProcessHandle.current().pid());
            return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
        }

        private static long postgresTicks(long postmaster) {
            long sum = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = stat(Long.parseLong(name));
                    if (f != null && (Long.parseLong(name) == postmaster || Long.parseLong(f[1]) == postmaster)) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return sum;
        }

        private static long machineBusyTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * Profiles this JVM while {@code phase} runs, when the system property {@code bench.jfr} names a directory: with
     * Java Flight Recorder (the "profile" settings) into {@code name}.jfr there; or, when {@code bench.asprof} names
     * async-profiler's {@code libasyncProfiler.so} (its jar, {@code tools.profiler:async-profiler}, on the test class
     * path through {@code -Dmaven.test.additionalClasspath}), as CPU samples with native and kernel frames into
     * {@code name}.collapsed. JFR samples few virtual threads and no kernel time; async-profiler sees both.
     */
    public static <T> T profiled(String name, java.util.concurrent.Callable<T> phase) throws Exception {
        String dir = System.getProperty("bench.jfr");
        if (dir == null || dir.isBlank()) {
            return phase.call();
        }
        Files.createDirectories(Path.of(dir));
        String asprof = System.getProperty("bench.asprof");
        if (asprof != null && !asprof.isBlank()) {
            Object profiler = Class.forName("one.profiler.AsyncProfiler").getMethod("getInstance", String.class).invoke(null, asprof);
            var execute = profiler.getClass().getMethod("execute", String.class);
            execute.invoke(profiler, "start,event=cpu,interval=997us");
            try {
                return phase.call();
            } finally {
                execute.invoke(profiler, "stop,collapsed,file=" + Path.of(dir, name + ".collapsed").toAbsolutePath());
            }
        }
        try (jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            r.start();
            T result = phase.call();
            r.stop();
            r.dump(Path.of(dir, name + ".jfr"));
            return result;
        }
    }

    /**
     * What each statement cost the database (pg_stat_statements, when the server preloads it: run the benchmark with
     * {@code -Dparley.embedded-db.settings.shared_preload_libraries=pg_stat_statements}): reset by
     * {@code reset}, then the costliest printed, per unit of work. Nothing happens when the extension is missing.
     */
    public static void statements(javax.sql.DataSource db, boolean reset, long units, String unit) {
        try (var c = db.getConnection(); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SHOW shared_preload_libraries")) {
                if (!rs.next() || !rs.getString(1).contains("pg_stat_statements")) {
                    return;
                }
            }
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            if (reset) {
                st.execute("SELECT pg_stat_statements_reset()");
                return;
            }
            System.out.printf("  statements by total time (per %s: µs of execution, WAL bytes, full-page images):%n", unit);
            try (var rs = st.executeQuery("""
                    SELECT calls, rows, total_exec_time, wal_bytes, wal_fpi, regexp_replace(query, '\\s+', ' ', 'g')
                    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12""")) {
                while (rs.next()) {
                    String q = rs.getString(6);
                    System.out.printf("  %8.1f µs %8.0f B %6.3f fpi  calls %,d rows %,d  %s%n", 1000 * rs.getDouble(3) / units,
                            rs.getDouble(4) / units, rs.getDouble(5) / units, rs.getLong(1), rs.getLong(2), q.length() > 150 ? q.substring(0, 150) : q);
                }
            }
        } catch (java.sql.SQLException e) {
            System.out.println("  (no statement statistics: " + e.getMessage() + ")");
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
