package org.parley.engagement.opinion;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Recompute benchmark of the opinion map on synthetic consultations with planted groups, and the
 * side-by-side comparison with the scikit-learn reference ({@code scripts/opinion_sklearn.py}).
 * Never part of the normal test run. Run on demand:
 * <pre>
 * ./mvnw -B -pl app test -Dtest=OpinionMapBenchmark -Dparley.bench=true -DargLine=-Xmx4g \
 *     [-Dbench.sizes=33000x783x2000000,1000000x2000x50000000] [-Dbench.sklearn=33000x783x2000000]
 * </pre>
 * The baseline, measured in the same run, is one pass over every vote (the least any recompute must read).
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
class OpinionMapBenchmark {

    /** For runs outside Maven (java -cp target/classes:target/test-classes:… with the same -Dbench.* properties). */
    public static void main(String[] args) throws Exception {
        new OpinionMapBenchmark().recompute();
    }

    @Test
    void recompute() throws Exception {
        String sizes = System.getProperty("bench.sizes", "33000x783x2000000");
        System.out.printf("== Parley opinion map benchmark: %d cores, max heap %d MB ==%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String size : sizes.split(",")) {
            if (!size.isBlank()) {
                run(size.trim());
            }
        }
        String sk = System.getProperty("bench.sklearn", "");
        if (!sk.isBlank()) {
            sklearn(sk.trim());
        }
    }

    private static SyntheticConsultation.Data generate(String size) {
        String[] p = size.split("x");
        int participants = Integer.parseInt(p[0]);
        int statements = Integer.parseInt(p[1]);
        long votes = Long.parseLong(p[2]);
        int avg = (int) Math.max(1, votes / participants);
        int min = Math.max(1, avg / 2);
        int max = avg * 2 - min;
        return SyntheticConsultation.generate(new SyntheticConsultation.Spec(42, participants, statements, 3, 5, min, max, 0.8, 0.15));
    }

    private static void run(String size) {
        long g0 = System.nanoTime();
        SyntheticConsultation.Data d = generate(size);
        long g1 = System.nanoTime();
        VoteMatrix m = d.matrix();
        System.out.printf("%n-- %d participants x %d statements, %,d votes (generated in %d ms)%n", m.participants(), m.statements(), m.votes(), (g1 - g0) / 1_000_000);
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> base = new ArrayList<>();
        OpinionMap.Result last = null;
        int rounds = Integer.getInteger("bench.rounds", 4);
        for (int run = 0; run < rounds; run++) {
            long b0 = System.nanoTime();
            long sum = onePass(m);
            long b1 = System.nanoTime();
            OpinionMap.Result r = OpinionMap.compute(m, null);
            long b2 = System.nanoTime();
            OpinionMap.Result w = OpinionMap.compute(m, r.state());
            long b3 = System.nanoTime();
            if (run > 0) { // the first round warms the JIT up
                base.add((b1 - b0) / 1_000_000);
                cold.add((b2 - b1) / 1_000_000);
                warm.add((b3 - b2) / 1_000_000);
            }
            System.out.printf("run %d: one-pass %d ms (checksum %d); recompute cold %d ms %s; warm %d ms %s%n", run,
                    (b1 - b0) / 1_000_000, sum, (b2 - b1) / 1_000_000, r.timings(), (b3 - b2) / 1_000_000, w.timings());
            last = r;
        }
        int[] planted = new int[last.included().length];
        for (int i = 0; i < planted.length; i++) {
            planted[i] = d.plantedGroup()[last.included()[i]];
        }
        long heapUsed = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("RESULT %s: included %d, k=%d, ARI vs planted %.4f, consensus %s; median one-pass %d ms, cold recompute %d ms (%.1fx one-pass), warm recompute %d ms; heap in use %d MB%n",
                size, last.included().length, last.k(), AdjustedRand.index(planted, last.group()), last.consensus(),
                median(base), median(cold), (double) median(cold) / Math.max(1, median(base)), median(warm), heapUsed);
    }

    private static long onePass(VoteMatrix m) {
        long sum = 0;
        for (int p = 0; p < m.participants(); p++) {
            for (int k = m.start(p), e = m.end(p); k < e; k++) {
                sum += m.value(k) * (long) m.column(k);
            }
        }
        return sum;
    }

    private static long median(List<Long> v) {
        Long[] a = v.toArray(Long[]::new);
        Arrays.sort(a);
        return a[a.length / 2];
    }

    /** Writes the matrix and Parley's result, then runs the scikit-learn reference on the same matrix. */
    private static void sklearn(String size) throws IOException, InterruptedException {
        SyntheticConsultation.Data d = generate(size);
        VoteMatrix m = d.matrix();
        Path dir = Path.of("target/opinion-compare");
        Files.createDirectories(dir);
        // rows: int32 participant, int32 statement, int8 vote (little endian), for included participants only
        int[] rows = OpinionMap.included(m);
        try (FileChannel ch = FileChannel.open(dir.resolve("votes.bin"), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(9 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rows.length; i++) {
                for (int k = m.start(rows[i]), e = m.end(rows[i]); k < e; k++) {
                    if (buf.remaining() < 9) {
                        buf.flip();
                        ch.write(buf);
                        buf.clear();
                    }
                    buf.putInt(i).putInt(m.column(k)).put(m.value(k));
                }
            }
            buf.flip();
            ch.write(buf);
        }
        List<Long> times = new ArrayList<>();
        OpinionMap.Result r = null;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            r = OpinionMap.compute(m, null);
            long t1 = System.nanoTime();
            if (run > 0) {
                times.add((t1 - t0) / 1_000_000);
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(dir.resolve("parley.txt").toFile())))) {
            out.writeBytes("participants " + rows.length + "\nstatements " + m.statements() + "\nk " + r.k() + "\nmillis " + median(times) + "\nlabels");
            for (int g : r.group()) {
                out.writeBytes(" " + g);
            }
            out.writeBytes("\nplanted");
            for (int row : rows) {
                out.writeBytes(" " + d.plantedGroup()[row]);
            }
            out.writeBytes("\n");
        }
        System.out.printf("%nParley on %s: k=%d, median of 3 cold recomputes %d ms; running scripts/opinion_sklearn.py ...%n", size, r.k(), median(times));
        Path script = Path.of("../scripts/opinion_sklearn.py");
        // Debian's python3 (with python3-sklearn), not whatever python3 comes first on the PATH
        String python = Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, script.toString(), dir.toString()).redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().forEach(System.out::println);
        }
        int code = p.waitFor();
        System.out.println("python3 exited with " + code);
    }
}
