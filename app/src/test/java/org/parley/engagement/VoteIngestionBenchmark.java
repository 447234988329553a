package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.support.Api;
import org.parley.support.LoadTools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Vote ingestion over HTTP on loopback, bounded in time. A consultation of {@code bench.statements} statements and
 * {@code bench.participants} participants (registered straight in the database: joining is not what is measured)
 * gets, after a warm-up, {@code bench.rounds} rounds of: the baseline, PostgreSQL's raw single-row upsert rate
 * (pgbench, one upsert of a vote row per transaction into a plain table, as many clients as wrk has connections),
 * then Parley's votes through the API (wrk; participants take turns, so each votes about once every
 * participants/rate seconds and the per-participant rate limit stays on; coming back to a statement changes the
 * vote). The opinion map is recomputed in the background all along, as in production. Then the check: one row per
 * participant and statement, and every participant's row holds a vote it cast.
 * {@code ./mvnw -B -o -pl app test -Dtest=VoteIngestionBenchmark -Dparley.bench=true [-Dbench.seconds=20 -Dbench.rounds=3
 * -Dbench.connections=64 -Dbench.warmup=60 -Dbench.participants=20000 -Dbench.statements=50]}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/bench-consultations", "parley.demo.password=bench-password-1"})
class VoteIngestionBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void ingest() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int connections = Integer.getInteger("bench.connections", 64);
        int warmup = Integer.getInteger("bench.warmup", 60);
        int participants = Integer.getInteger("bench.participants", 20_000);
        int statementCount = Integer.getInteger("bench.statements", 50);

        Api mediator = Api.at(port).as("mediator@demo.parley", "bench-password-1");
        long pid = -1;
        for (JsonNode p : mediator.get("/api/v1/processes").json()) {
            if (p.path("name").asString().equals("Dialogue on ending the war in Ukraine")) {
                pid = p.path("id").asLong();
            }
        }
        StringBuilder seeds = new StringBuilder("[");
        for (int j = 0; j < statementCount; j++) {
            seeds.append(j == 0 ? "" : ",").append("\"Benchmark statement ").append(j).append('"');
        }
        seeds.append(']');
        Instant now = Instant.now();
        JsonNode c = mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"Ingestion benchmark %s","languages":["en"],"opensAt":"%s","closesAt":"%s","moderation":"AFTER","seedStatements":%s}"""
                .formatted(now, now.minusSeconds(60), now.plusSeconds(86400), seeds)).json();
        long cid = c.path("id").asLong();
        String path = "/api/v1/processes/" + pid + "/consultations/" + cid;
        List<String> statements = new ArrayList<>();
        for (JsonNode s : Api.at(port).get(path + "/statements").json()) {
            statements.add(String.valueOf(s.path("id").asLong()));
        }
        List<String> tokens = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            String token = Consultations.newToken();
            tokens.add(token);
            hashes.add(HexFormat.of().formatHex(Consultations.sha256(token)));
        }
        jdbc.sql("INSERT INTO consultation_participant (consultation_id, token_hash) SELECT ?, decode(h, 'hex') FROM unnest(?::text[]) AS h")
                .params(cid, hashes.toArray(String[]::new)).update();
        Path tokenFile = Files.createTempFile("participants", ".txt");
        Files.write(tokenFile, tokens);
        String ids = String.join(",", statements);
        Path vote = LoadTools.script("vote.lua");
        String base = "http://127.0.0.1:" + port;
        System.out.printf("== Vote ingestion: wrk -t2 -c%d, %d participants, %d statements, %d s phases, %d rounds, loopback, fsync=%s "
                        + "synchronous_commit=%s, %d cores, load %s ==%n", connections, participants, statementCount, seconds, rounds,
                jdbc.sql("SHOW fsync").query(String.class).single(), jdbc.sql("SHOW synchronous_commit").query(String.class).single(),
                Runtime.getRuntime().availableProcessors(), LoadTools.loadAverage());

        long k = 0;
        LoadTools.WrkResult warm = LoadTools.wrk(2, connections, Duration.ofSeconds(warmup), vote, base, path + "/votes", tokenFile.toString(), ids,
                String.valueOf(k));
        k += warm.requests() / 2 + 1;
        System.out.println("warm-up votes: " + warm);

        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_vote_baseline (participant BIGINT, statement BIGINT, vote SMALLINT NOT NULL, "
                + "voted_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (participant, statement))").update();
        String upsert = "INSERT INTO bench_vote_baseline (participant, statement, vote) VALUES (random(1, " + participants + "), random(1, "
                + statementCount + "), random(-1, 1)) ON CONFLICT (participant, statement) DO UPDATE SET vote = EXCLUDED.vote, voted_at = now();\n";
        List<LoadTools.PgBenchResult> baselines = new ArrayList<>();
        List<LoadTools.WrkResult> votes = new ArrayList<>();
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        for (int r = 0; r < rounds; r++) {
            LoadTools.PgBenchResult b = LoadTools.pgbench(url, connections, Duration.ofSeconds(seconds), upsert);
            System.out.printf("round %d baseline pgbench single-row upsert, %d clients: %s (load %s)%n", r + 1, connections, b, LoadTools.loadAverage());
            String first = String.valueOf(k);
            LoadTools.statements(dataSource, true, 0, null);
            LoadTools.CpuMeter cpu = LoadTools.CpuMeter.start(jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single());
            LoadTools.WrkResult v = LoadTools.profiled("votes-" + (r + 1), () -> LoadTools.wrk(2, connections, Duration.ofSeconds(seconds), vote, base,
                    path + "/votes", tokenFile.toString(), ids, first));
            LoadTools.Cpu used = cpu.stop();
            k += v.requests() / 2 + 1;
            System.out.printf("round %d Parley votes: %s; ratio to baseline %.3f (load %s)%n  %s%n", r + 1, v, v.rate() / b.tps(), LoadTools.loadAverage(),
                    used.per(v.requests(), "vote"));
            LoadTools.statements(dataSource, false, v.requests(), "vote");
            baselines.add(b);
            votes.add(v);
        }
        Files.delete(tokenFile);
        double baseline = LoadTools.median(baselines.stream().mapToDouble(LoadTools.PgBenchResult::tps).toArray());
        double rate = LoadTools.median(votes.stream().mapToDouble(LoadTools.WrkResult::rate).toArray());
        System.out.printf("RESULT medians of %d rounds: votes %,.0f/s (p50 %.1f ms, p99 %.1f ms; refused or failed %d), baseline %,.0f/s, ratio %.3f%n",
                rounds, rate, LoadTools.median(votes.stream().mapToDouble(LoadTools.WrkResult::p50Ms).toArray()),
                LoadTools.median(votes.stream().mapToDouble(LoadTools.WrkResult::p99Ms).toArray()),
                votes.stream().mapToLong(LoadTools.WrkResult::failed).sum(), baseline, rate / baseline);

        long rows = jdbc.sql("SELECT count(*) FROM consultation_vote WHERE consultation_id = ?").param(cid).query(Long.class).single();
        long keys = jdbc.sql("SELECT count(DISTINCT (participant_id, statement_id)) FROM consultation_vote WHERE consultation_id = ?").param(cid)
                .query(Long.class).single();
        long voters = jdbc.sql("SELECT count(DISTINCT participant_id) FROM consultation_vote WHERE consultation_id = ?").param(cid)
                .query(Long.class).single();
        System.out.printf("RESULT %,d vote rows, %,d distinct participant-statement pairs, %,d participants voted%n", rows, keys, voters);
        assertThat(rows).isEqualTo(keys).isLessThanOrEqualTo((long) participants * statementCount);
    }
}
