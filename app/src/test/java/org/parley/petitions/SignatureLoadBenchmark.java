package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bounded load generator on loopback: for a fixed time, C clients submit signatures to one open petition
 * through the HTTP API (each with its own address); then every mailed link is confirmed through the API;
 * then the count must equal the number of distinct confirmed emails exactly. In the same run, the baseline:
 * the same clients doing raw single-row JDBC inserts (one row per transaction) into a plain table of the
 * same database for the same time. Run on demand:
 * {@code ./mvnw -B -pl app test -Dtest=SignatureLoadBenchmark -Dparley.bench=true [-Dbench.seconds=15 -Dbench.clients=16]}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/bench-data-petitions", "parley.demo.password=bench-password-1", "parley.database.pool-size=24",
                "server.forward-headers-strategy=native"})
class SignatureLoadBenchmark {

    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Petitions petitions;

    @Autowired
    Processes processes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    record Result(long ok, long failed, double seconds, long[] latenciesNanos) {
        double rate() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    interface Call {
        boolean run(int client, int seq) throws Exception;
    }

    @Test
    void signaturesUnderLoad() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int clients = Integer.getInteger("bench.clients", 16);
        int warmup = Integer.getInteger("bench.warmup", 15);
        var acc = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        Viewer mediator = new Viewer(acc.id(), acc.email(), acc.displayName(), Role.MEDIATOR, null);
        long pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        // the default rate limits (20 per IP, 200 per /24 per petition per hour) stay on; clients come from many addresses
        // through a trusted proxy on loopback (X-Forwarded-For), as behind a load balancer
        petitions.updateSettings(pid, new PetitionSettings(1, 30, 100_000_000, 30, 100_000_000, 20, 200, 60), mediator);
        long petition = jdbc.sql("SELECT id FROM petition WHERE process_id = ? AND status = 'OPEN' ORDER BY id LIMIT 1").param(pid)
                .query(Long.class).single();
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("== Petition signatures under load: %d clients, %d s per phase, loopback, fsync=%s synchronous_commit=%s, %d cores ==%n",
                clients, seconds, jdbc.sql("SHOW fsync").query(String.class).single(),
                jdbc.sql("SHOW synchronous_commit").query(String.class).single(), Runtime.getRuntime().availableProcessors());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String url = "http://127.0.0.1:" + port + "/api/v1/processes/" + pid + "/petitions/" + petition + "/signatures";
        String confirmUrl = "http://127.0.0.1:" + port + "/api/v1/petitions/signatures/confirm";
        AtomicLong addresses = new AtomicLong();

        // Warm-up (not measured): the same calls, so that the JIT has compiled the request path.
        Result warm = submit(http, url, "warm-" + run, clients, Duration.ofSeconds(warmup), addresses);
        confirmAll(http, confirmUrl, tokens("warm-" + run), clients);
        System.out.printf("warm-up: %,d submissions and their confirmations%n", warm.ok());

        // Baseline: raw single-row inserts, one per transaction, same clients, same time, same database.
        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_signature_baseline (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL, region TEXT NOT NULL, "
                + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())").update();
        Result baseline = load(clients, Duration.ofSeconds(seconds), (c, i) -> {
            try (var con = dataSource.getConnection(); var st = con.prepareStatement("INSERT INTO bench_signature_baseline (email, region) VALUES (?, ?)")) {
                con.setAutoCommit(true);
                st.setString(1, "base-" + run + "-" + c + "-" + i + "@example.org");
                st.setString(2, "Kyiv");
                return st.executeUpdate() == 1;
            }
        });
        report("baseline raw JDBC single-row inserts", baseline);

        // Parley: signature submissions through the HTTP API.
        Result submitted = submit(http, url, "bench-" + run, clients, Duration.ofSeconds(seconds), addresses);
        report("Parley signature submissions (HTTP, validated, deduplicated, rate-limited, mail queued)", submitted);
        System.out.printf("RESULT submissions/baseline ratio %.3f%n", submitted.rate() / baseline.rate());

        // Every mailed link confirmed, through the API.
        List<String> tokens = tokens("bench-" + run);
        assertThat(tokens).hasSize((int) submitted.ok());
        int before = petitions.get(pid, petition, mediator).signatures();
        Result confirm = confirmAll(http, confirmUrl, tokens, clients);
        report("Parley confirmations (HTTP, row lock per petition, thresholds checked)", confirm);

        int after = petitions.get(pid, petition, mediator).signatures();
        long distinct = jdbc.sql("""
                SELECT count(DISTINCT email_norm) FROM petition_signature WHERE petition_id = ? AND confirmed_at IS NOT NULL
                  AND withdrawn_at IS NULL AND invalidated_at IS NULL""").param(petition).query(Long.class).single();
        System.out.printf("RESULT count before %d, confirmed now %d, count after %d, distinct confirmed emails %d: %s%n",
                before, confirm.ok(), after, distinct, after == distinct && after - before == confirm.ok() ? "EXACT" : "MISMATCH");
        assertThat((long) after).isEqualTo(distinct);
        assertThat((long) (after - before)).isEqualTo(confirm.ok());
        System.out.printf("RESULT signatures came from %d distinct addresses in %d /24 subnets%n",
                jdbc.sql("SELECT count(DISTINCT ip) FROM petition_signature WHERE petition_id = ?").param(petition).query(Long.class).single(),
                jdbc.sql("SELECT count(DISTINCT subnet) FROM petition_signature WHERE petition_id = ?").param(petition).query(Long.class).single());
    }

    private Result submit(HttpClient http, String url, String prefix, int clients, Duration time, AtomicLong addresses) throws Exception {
        return load(clients, time, (c, i) -> {
            String body = "{\"name\":\"Bench\",\"email\":\"" + prefix + "-" + c + "-" + i + "@example.org\",\"region\":\"Region " + (i % 24)
                    + "\",\"consent\":true}";
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address(addresses.getAndIncrement()))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 202;
        });
    }

    private Result confirmAll(HttpClient http, String confirmUrl, List<String> tokens, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return load(clients, Duration.ofMinutes(10), (c, i) -> {
            int k = next.getAndIncrement();
            if (k >= tokens.size()) {
                throw new StopLoad();
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(confirmUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + tokens.get(k) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("true");
        });
    }

    /** The tokens in the mailed links to addresses starting with this prefix, oldest first. */
    private List<String> tokens(String prefix) {
        List<String> tokens = new ArrayList<>();
        jdbc.sql("SELECT body FROM mail_outbox WHERE recipient LIKE ? ORDER BY id").param(prefix + "-%").query(String.class).list()
                .forEach(b -> {
                    Matcher m = TOKEN.matcher(b);
                    if (m.find()) {
                        tokens.add(m.group(1));
                    }
                });
        return tokens;
    }

    /** Consecutive numbers fall in different /24 subnets, so no subnet nears its limit in a run. */
    static String address(long k) {
        return "100." + (64 + k % 64) + "." + ((k / 64) % 256) + "." + (1 + (k / 16_384) % 250);
    }

    static final class StopLoad extends RuntimeException {
    }

    private static void report(String what, Result r) {
        System.out.printf("RESULT %s: %,d ok, %d failed in %.1f s = %,.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                what, r.ok(), r.failed(), r.seconds(), r.rate(), r.percentileMillis(0.50), r.percentileMillis(0.99), r.percentileMillis(1.0));
    }

    private static Result load(int clients, Duration limit, Call call) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    long s = System.nanoTime();
                    boolean good;
                    try {
                        good = call.run(client, i);
                    } catch (StopLoad stop) {
                        break;
                    } catch (Exception e) {
                        good = false;
                    }
                    long d = System.nanoTime() - s;
                    if (good) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        for (Future<long[]> f : futures) {
            perClient.add(f.get());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok.get(), failed.get(), secs, all);
    }
}
