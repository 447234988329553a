package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.LoadTools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Petition signatures at national rate, on loopback, bounded in time. A fresh open petition of the demo process
 * (default rate limits on: 20 per IP, 200 per /24 per hour; clients come from many addresses through a trusted
 * proxy, X-Forwarded-For, as behind a load balancer) gets:
 * <ol>
 * <li>a warm-up of submissions to another petition (so the JIT has compiled the path; not counted, never confirmed);</li>
 * <li>{@code bench.rounds} rounds of: the baseline, PostgreSQL's raw single-row insert rate (pgbench, one INSERT
 * per transaction into a plain table, as many clients as wrk has connections), then Parley's signature
 * submissions through the HTTP API (wrk, every request a new email), {@code bench.seconds} each;</li>
 * <li>every mailed link confirmed through the API (wrk; the response threshold is set to fall inside this phase);</li>
 * <li>the check: the count equals the number of distinct confirmed emails exactly, every acknowledged submission
 * is stored, and the response threshold was crossed exactly once.</li>
 * </ol>
 * {@code ./mvnw -B -o -pl app test -Dtest=SignatureLoadBenchmark -Dparley.bench=true [-Dbench.seconds=20 -Dbench.rounds=3
 * -Dbench.connections=64 -Dbench.warmup=90]}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.data-dir=target/bench-data-petitions", "parley.demo.password=bench-password-1",
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

    @Test
    void signaturesUnderLoad() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int connections = Integer.getInteger("bench.connections", 64);
        int warmup = Integer.getInteger("bench.warmup", 90);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long firstAddress = (System.currentTimeMillis() / 1000) % 2_000_000 * 8; // new addresses every run: the limits count an hour back

        var acc = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        Viewer mediator = new Viewer(acc.id(), acc.email(), acc.displayName(), Role.MEDIATOR, null);
        long pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        petitions.updateSettings(pid, new PetitionSettings(1, 30, 1_000_000, 30, 100_000_000, 20, 200, 60), mediator);
        long warmPetition = openPetition(pid, "warm-" + run, mediator); // the warm-up's signatures stay apart, unconfirmed
        long petition = openPetition(pid, run, mediator);
        System.out.printf("== Petition signatures: wrk -t2 -c%d, %d s phases, %d rounds, loopback, fsync=%s synchronous_commit=%s, %d cores, load %s ==%n",
                connections, seconds, rounds, jdbc.sql("SHOW fsync").query(String.class).single(),
                jdbc.sql("SHOW synchronous_commit").query(String.class).single(), Runtime.getRuntime().availableProcessors(), LoadTools.loadAverage());

        String base = "http://127.0.0.1:" + port;
        String signPath = "/api/v1/processes/" + pid + "/petitions/" + petition + "/signatures";
        Path sign = LoadTools.script("sign.lua");
        LoadTools.WrkResult warm = LoadTools.wrk(2, connections, Duration.ofSeconds(warmup), sign, base,
                "/api/v1/processes/" + pid + "/petitions/" + warmPetition + "/signatures", "warm-" + run,
                String.valueOf(firstAddress));
        System.out.println("warm-up submissions: " + warm);

        jdbc.sql("CREATE TABLE IF NOT EXISTS bench_signature_baseline (id BIGSERIAL PRIMARY KEY, email TEXT NOT NULL, region TEXT NOT NULL, "
                + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())").update();
        String insert = "INSERT INTO bench_signature_baseline (email, region) VALUES ('base-' || :client_id || '-' || random(1, 1000000000) "
                + "|| '@example.org', 'Kyiv');\n";
        List<LoadTools.PgBenchResult> baselines = new ArrayList<>();
        List<LoadTools.WrkResult> submissions = new ArrayList<>();
        long acked = 0;
        for (int r = 0; r < rounds; r++) {
            LoadTools.PgBenchResult b = LoadTools.pgbench(dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), connections, Duration.ofSeconds(seconds), insert);
            System.out.printf("round %d baseline pgbench single-row INSERT, %d clients: %s (load %s)%n", r + 1, connections, b, LoadTools.loadAverage());
            int round = r;
            LoadTools.statements(dataSource, true, 0, null);
            LoadTools.CpuMeter cpu = LoadTools.CpuMeter.start(backendPid());
            LoadTools.WrkResult s = LoadTools.profiled("signatures-" + (r + 1), () -> LoadTools.wrk(2, connections, Duration.ofSeconds(seconds), sign,
                    base, signPath, "bench-" + run + "-" + round, String.valueOf(firstAddress + 100_000_000L * (round + 1))));
            LoadTools.Cpu used = cpu.stop();
            System.out.printf("round %d Parley signature submissions: %s; ratio to baseline %.3f (load %s)%n  %s%n", r + 1, s, s.rate() / b.tps(),
                    LoadTools.loadAverage(), used.per(s.requests(), "submission"));
            LoadTools.statements(dataSource, false, s.requests(), "submission");
            baselines.add(b);
            submissions.add(s);
            acked += s.ok();
        }
        double baseline = LoadTools.median(baselines.stream().mapToDouble(LoadTools.PgBenchResult::tps).toArray());
        double rate = LoadTools.median(submissions.stream().mapToDouble(LoadTools.WrkResult::rate).toArray());
        System.out.printf("RESULT medians of %d rounds: submissions %,.0f/s (p50 %.1f ms, p99 %.1f ms; failed %d), baseline %,.0f/s, ratio %.3f%n",
                rounds, rate, LoadTools.median(submissions.stream().mapToDouble(LoadTools.WrkResult::p50Ms).toArray()),
                LoadTools.median(submissions.stream().mapToDouble(LoadTools.WrkResult::p99Ms).toArray()),
                submissions.stream().mapToLong(LoadTools.WrkResult::failed).sum(), baseline, rate / baseline);

        // every acknowledged submission is stored (a request still open when wrk stopped may be stored unacknowledged,
        // a moment later: wait for those before counting and reading the links)
        Thread.sleep(2000);
        long stored = jdbc.sql("SELECT count(*) FROM petition_signature WHERE petition_id = ? AND email LIKE ?")
                .params(petition, "bench-" + run + "-%").query(Long.class).single();
        System.out.printf("RESULT acknowledged %,d, stored %,d%n", acked, stored);
        assertThat(stored).isBetween(acked, acked + (long) connections * rounds);

        // all confirmations, with the response threshold set to be crossed half-way
        List<String> tokens = tokens(petition);
        int before = count(pid, petition, mediator);
        petitions.updateSettings(pid, new PetitionSettings(1, 30, before + tokens.size() / 2, 30, 100_000_000, 20, 200, 60), mediator);
        Path tokenFile = Files.createTempFile("tokens", ".txt");
        Files.write(tokenFile, tokens);
        LoadTools.statements(dataSource, true, 0, null);
        LoadTools.CpuMeter cpu = LoadTools.CpuMeter.start(backendPid());
        LoadTools.WrkResult confirm = LoadTools.profiled("confirmations", () -> LoadTools.wrkUntil(2, connections, Duration.ofMinutes(5),
                () -> unconfirmed(petition) == 0, LoadTools.script("confirm.lua"), base, "/api/v1/petitions/signatures/confirm",
                tokenFile.toString(), "2"));
        LoadTools.Cpu used = cpu.stop();
        Files.delete(tokenFile);
        // the rate is the links over the time until the last was counted (wrk then sent replays of its last links until stopped)
        System.out.printf("RESULT confirmations of %,d links in %.1f s = %,.0f/s; wrk: %s (load %s)%n", tokens.size(), confirm.seconds(),
                tokens.size() / confirm.seconds(), confirm, LoadTools.loadAverage());
        System.out.println("  " + used.per(tokens.size(), "confirmation"));
        LoadTools.statements(dataSource, false, tokens.size(), "confirmation");

        int after = count(pid, petition, mediator);
        long distinct = jdbc.sql("""
                SELECT count(DISTINCT email_norm) FROM petition_signature WHERE petition_id = ? AND confirmed_at IS NOT NULL
                  AND withdrawn_at IS NULL AND invalidated_at IS NULL""").param(petition).query(Long.class).single();
        long unconfirmed = unconfirmed(petition);
        long crossings = jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.response_due'")
                .param("petition/" + petition).query(Long.class).single();
        System.out.printf("RESULT count before %,d, links %,d, count after %,d, distinct confirmed emails %,d, unconfirmed %d, "
                + "response threshold crossings %d: %s%n", before, tokens.size(), after, distinct, unconfirmed, crossings,
                after == distinct && after - before == tokens.size() && crossings == 1 ? "EXACT" : "MISMATCH");
        assertThat((long) after).isEqualTo(distinct);
        assertThat(after - before).isEqualTo(tokens.size());
        assertThat(unconfirmed).isZero();
        assertThat(crossings).isEqualTo(1);
    }

    /** A new petition of the process, confirmed by its creator, backed by one supporter and published. */
    private long openPetition(long pid, String run, Viewer mediator) {
        String creator = "creator-" + run + "@example.org";
        long id = petitions.create(pid, new NewPetition("Load test petition " + run, "Signed by the benchmark.", "Bench", creator, true, List.of(),
                "en"), "192.0.2.1");
        petitions.confirmCreation(lastToken(creator));
        String supporter = "supporter-" + run + "@example.org";
        petitions.sign(pid, id, new NewSignature("Supporter", supporter, "Kyiv", true), "192.0.2.2");
        petitions.confirmSignature(lastToken(supporter));
        petitions.moderate(pid, id, new Moderation(true, null), mediator);
        return id;
    }

    private String lastToken(String recipient) {
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(recipient).query(String.class).single();
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The tokens in every mail sent for signatures of this petition that are not confirmed yet. */
    private List<String> tokens(long petition) {
        return jdbc.sql("""
                SELECT substring(m.body from '[?&]t=([A-Za-z0-9_-]+)') FROM mail_outbox m
                WHERE m.recipient IN (SELECT email FROM petition_signature WHERE petition_id = ? AND confirmed_at IS NULL) ORDER BY m.id""")
                .param(petition).query(String.class).list();
    }

    private long backendPid() {
        return jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
    }

    private long unconfirmed(long petition) {
        return jdbc.sql("SELECT count(*) FROM petition_signature WHERE petition_id = ? AND confirmed_at IS NULL").param(petition).query(Long.class).single();
    }

    private int count(long pid, long petition, Viewer viewer) {
        return petitions.get(pid, petition, viewer).signatures();
    }
}
