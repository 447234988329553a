package org.parley.publicrecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End-to-end append benchmark against the embedded PostgreSQL (fsync and synchronous_commit on):
 * durable appends per second through {@link PublicRecord#append} in the callers' transactions, with the
 * sequencer integrating and signing as it does in production, and the latency from an append's commit to
 * the signed checkpoint that includes it. Run on demand:
 * {@code ./mvnw -f app/pom.xml test -Dtest=AppendBenchmark -Dparley.bench=true}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=target/bench-data", "parley.demo.enabled=false", "parley.database.pool-size=24"})
class AppendBenchmark {

    @Autowired
    PublicRecord record;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void appendsAndCheckpoints() throws Exception {
        System.out.println("== Parley public record: end-to-end append benchmark ==");
        System.out.printf("PostgreSQL fsync=%s synchronous_commit=%s; log size at start %d%n",
                jdbc.sql("SHOW fsync").query(String.class).single(), jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                record.state().treeSize());
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, subject TEXT NOT NULL, body BYTEA NOT NULL)").update();
        compare(1, 16);      // one fact per transaction, as the features append
        compare(64, 8);      // facts in transactions of 64 (e.g. an import)
        compare(256, 8);
        latency(200, Duration.ofMillis(20));
    }

    /**
     * Median of three runs of record appends against, as the baseline, the same durable inserts of the same bytes into
     * a plain table in the same run: the ratio is what the record costs over merely storing the facts.
     */
    private void compare(int perTx, int clients) throws Exception {
        Duration each = Duration.ofSeconds(5);
        double baseline = run(perTx, clients, each, () -> jdbc.sql("INSERT INTO bench_baseline (subject, body) VALUES (?, ?)")
                .params("milestone/42", EntryEncoding.encode(fact())).update());
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(throughput(perTx, clients, each));
        }
        Collections.sort(runs);
        System.out.printf("RESULT %d facts/tx, %d clients: median %,.0f durable appends/s (runs %s); baseline plain inserts %,.0f/s; ratio %.2f%n",
                perTx, clients, runs.get(1), runs.stream().map(r -> "%,.0f".formatted(r)).toList(), baseline, runs.get(1) / baseline);
    }

    private double run(int perTx, int clients, Duration duration, Runnable insert) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    tx.executeWithoutResult(s -> {
                        for (int i = 0; i < perTx; i++) {
                            insert.run();
                        }
                    });
                    done.addAndGet(perTx);
                }
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private double throughput(int perTx, int clients, Duration duration) throws Exception {
        drain();
        long startSize = record.state().treeSize();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (!stop.get()) {
                    tx.executeWithoutResult(s -> {
                        for (int i = 0; i < perTx; i++) {
                            record.append(fact());
                        }
                    });
                    appended.addAndGet(perTx);
                }
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        drain();
        double checkpointSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long integrated = record.state().treeSize() - startSize;
        System.out.printf("  %d clients x %d facts/tx: %,d durable appends in %.1f s = %,.0f appends/s; all in a signed checkpoint after %.1f s = %,.0f entries/s end to end%n",
                clients, perTx, appended.get(), appendSeconds, appended.get() / appendSeconds, checkpointSeconds, integrated / checkpointSeconds);
        return appended.get() / appendSeconds;
    }

    private void latency(int samples, Duration gap) throws Exception {
        drain();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long id = tx.execute(s -> record.append(fact()));
            long committed = System.nanoTime();
            while (jdbc.sql("SELECT leaf_index IS NOT NULL FROM record_entry WHERE id = ?").param(id).query(Boolean.class).single() == Boolean.FALSE) {
                Thread.sleep(1);
            }
            millis.add((System.nanoTime() - committed) / 1e6);
            Thread.sleep(gap.toMillis());
        }
        Collections.sort(millis);
        System.out.printf("append commit -> signed checkpoint, %d single appends: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                samples, millis.get(samples / 2), millis.get(samples * 9 / 10), millis.get(samples * 99 / 100), millis.get(samples - 1));
    }

    private void drain() throws InterruptedException {
        while (jdbc.sql("SELECT count(*) FROM record_entry WHERE leaf_index IS NULL").query(Long.class).single() > 0) {
            Thread.sleep(5);
        }
    }

    private static Fact fact() {
        return Fact.of("milestone.status_changed", 1L, "milestone/42", Instant.now(), "MEDIATOR",
                Map.of("from", "PLANNED", "to", "IN_PROGRESS", "reason", "Talks opened in Geneva on schedule",
                        "evidenceSha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }
}
