package org.parley.engagement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.support.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Vote ingestion over HTTP on loopback, against the embedded PostgreSQL (fsync and synchronous_commit
 * on): participants (each with its own token) POST votes concurrently; every vote is its own durable
 * transaction. The baseline, in the same run, is the same clients GETting the consultation (one
 * indexed read, no commit). Never part of the normal test run:
 * {@code ./mvnw -B -pl app test -Dtest=VoteIngestionBenchmark -Dparley.bench=true}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/bench-consultations", "parley.demo.password=bench-password-1", "parley.database.pool-size=24"})
class VoteIngestionBenchmark {

    static final int PARTICIPANTS = Integer.getInteger("bench.participants", 4000);
    static final int STATEMENTS = Integer.getInteger("bench.statements", 50);
    static final int CLIENTS = Integer.getInteger("bench.clients", 48);

    @LocalServerPort
    int port;

    @Test
    void ingest() throws Exception {
        Api mediator = Api.at(port).as("mediator@demo.parley", "bench-password-1");
        long pid = -1;
        for (JsonNode p : mediator.get("/api/v1/processes").json()) {
            if (p.path("name").asString().equals("Dialogue on ending the war in Ukraine")) {
                pid = p.path("id").asLong();
            }
        }
        StringBuilder seeds = new StringBuilder("[");
        for (int j = 0; j < STATEMENTS; j++) {
            seeds.append(j == 0 ? "" : ",").append("\"Benchmark statement ").append(j).append('"');
        }
        seeds.append(']');
        Instant now = Instant.now();
        JsonNode c = mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"Ingestion benchmark %s","languages":["en"],"opensAt":"%s","closesAt":"%s","moderation":"AFTER","seedStatements":%s}"""
                .formatted(now, now.minusSeconds(60), now.plusSeconds(86400), seeds)).json();
        String path = "/api/v1/processes/" + pid + "/consultations/" + c.path("id").asLong();
        List<Long> statements = new ArrayList<>();
        for (JsonNode s : Api.at(port).get(path + "/statements").json()) {
            statements.add(s.path("id").asLong());
        }
        long j0 = System.nanoTime();
        String[] tokens = new String[PARTICIPANTS];
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                int at = i;
                fs.add(pool.submit(() -> tokens[at] = ParticipantClient.join(port, path, null).token));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        System.out.printf("== Vote ingestion over HTTP: %d participants joined in %d ms; %d statements; %d client threads; %d cores ==%n",
                PARTICIPANTS, (System.nanoTime() - j0) / 1_000_000, STATEMENTS, CLIENTS, Runtime.getRuntime().availableProcessors());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        // warm-up, then the baseline and the votes, alternating, three rounds each
        run("warm-up reads", http, path, tokens, statements, false, 0, 5_000);
        List<double[]> reads = new ArrayList<>();
        List<double[]> votes = new ArrayList<>();
        int perRound = PARTICIPANTS * STATEMENTS / 3;
        for (int round = 0; round < 3; round++) {
            reads.add(run("baseline: GET the consultation", http, path, tokens, statements, false, 0, perRound));
            votes.add(run("POST votes", http, path, tokens, statements, true, round * perRound, perRound));
        }
        double[] r = median(reads);
        double[] v = median(votes);
        System.out.printf("RESULT medians of 3: votes %.0f/s (p50 %.1f ms, p99 %.1f ms, errors %d); baseline reads %.0f/s (p50 %.1f ms, p99 %.1f ms); votes/reads throughput ratio %.2f%n",
                v[0], v[1], v[2], (long) v[3], r[0], r[1], r[2], v[0] / r[0]);
    }

    /** Returns {requests per second, p50 ms, p99 ms, errors}. */
    private double[] run(String name, HttpClient http, String path, String[] tokens, List<Long> statements, boolean vote, int offset, int count)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[count];
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        // vote k goes to participant k mod P on statement k / P: each participant's votes are spread in time
                        int k = offset + i;
                        int participant = k % tokens.length;
                        long statement = statements.get((k / tokens.length) % statements.size());
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + (vote ? path + "/votes" : path)))
                                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
                        if (vote) {
                            b.header("Content-Type", "application/json").header("X-Participant-Token", tokens[participant])
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"statementId\":" + statement + ",\"vote\":\""
                                            + (k % 3 == 0 ? "AGREE" : k % 3 == 1 ? "DISAGREE" : "PASS") + "\"}"));
                        } else {
                            b.GET();
                        }
                        long s = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double[] result = {count / seconds, sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6, errors.get()};
        System.out.printf("%-32s %7d requests in %6.2f s: %7.0f/s, p50 %6.1f ms, p99 %6.1f ms, errors %d%n", name, count, seconds, result[0], result[1],
                result[2], errors.get());
        return result;
    }

    private static double[] median(List<double[]> runs) {
        double[] out = new double[4];
        for (int f = 0; f < 4; f++) {
            int field = f;
            out[f] = runs.stream().mapToDouble(r -> r[field]).sorted().toArray()[runs.size() / 2];
        }
        return out;
    }
}
