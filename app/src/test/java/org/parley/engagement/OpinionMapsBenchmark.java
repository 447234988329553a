package org.parley.engagement;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.engagement.opinion.OpinionMap;
import org.parley.engagement.opinion.SyntheticConsultation;
import org.parley.engagement.opinion.VoteMatrix;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.NewProcess;
import org.parley.process.ProcessStatus;
import org.parley.process.Processes;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The opinion map as the application recomputes it, votes read from PostgreSQL included, on a consultation
 * filled with a synthetic one (planted groups, {@link SyntheticConsultation}) by COPY. Run on demand; the
 * filled database is kept in {@code target/bench-data-consultations} and reused by later runs:
 * <pre>
 * ./mvnw -B -pl app test -Dtest=OpinionMapsBenchmark -Dparley.bench=true [-Dbench.size=33000x783x2000000] [-Dbench.rounds=4]
 * </pre>
 * {@code -Dbench.rounds=0} only fills (under heavy), so that the measuring run (under quiet) starts on the kept data.
 * Each round: a <b>cold</b> recompute (this node has no matrix and no previous map: every vote is read), then
 * the votes of a share of the participants changed ({@code -Dbench.changed}, 0.01 by default) and an <b>incremental</b>
 * one (only the votes changed since are read, with the map's safety margin: this round's and the previous round's);
 * then more votes change and the node <b>restarts</b> (forgets its matrix and starts from its copy on disk, written by
 * the cold round, reading the votes changed since). Baselines in the
 * same run: the same two computations on the matrix already in memory ({@link OpinionMap#compute}), i.e. the
 * share of the database work; the cold round's reading is reported apart.
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=target/bench-data-consultations", "parley.demo.enabled=false",
        "parley.consultations.map-interval-ms=0", "spring.flyway.out-of-order=true"})
class OpinionMapsBenchmark {

    @Autowired
    Consultations consultations;

    @Autowired
    OpinionMaps maps;

    @Autowired
    Processes processes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void refresh() throws Exception {
        String size = System.getProperty("bench.size", "33000x783x2000000");
        String question = "Opinion map benchmark " + size;
        long cid = existing(question).orElseGet(() -> fill(question, size));
        long votes = jdbc.sql("SELECT count(*) FROM consultation_vote WHERE consultation_id = ?").param(cid).query(Long.class).single();
        System.out.printf("== consultation %d: %s, %,d votes in the database; %d cores, max heap %d MB%n", cid, size, votes,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<Long> cold = new ArrayList<>();
        List<Long> incremental = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        List<Long> restart = new ArrayList<>();
        List<Long> mathCold = new ArrayList<>();
        List<Long> mathWarm = new ArrayList<>();
        int rounds = Integer.getInteger("bench.rounds", 4);
        double share = Double.parseDouble(System.getProperty("bench.changed", "0.01"));
        if (rounds == 0) { // -Dbench.rounds=0: fill only (under heavy), measure later under quiet
            return;
        }
        for (int round = 0; round < rounds; round++) {
            // cold: no matrix on this node, no previous map
            maps.retainOnly(List.of());
            jdbc.sql("DELETE FROM consultation_map WHERE consultation_id = ?").param(cid).update();
            long t0 = System.nanoTime();
            maps.refresh(cid);
            long t1 = System.nanoTime();
            OpinionMaps.Round coldRound = maps.lastRound();
            int changed = changeVotes(cid, share);
            long t2 = System.nanoTime();
            maps.refresh(cid);
            long t3 = System.nanoTime();
            OpinionMaps.Round incRound = maps.lastRound();
            // a restart: this node forgets its matrix and starts from its copy on disk (written by the cold round)
            int changedAgain = changeVotes(cid, share);
            maps.forget(cid);
            long r0 = System.nanoTime();
            maps.refresh(cid);
            long r1 = System.nanoTime();
            OpinionMaps.Round restartRound = maps.lastRound();
            // baseline: the math alone on the matrix in memory (reading alone is the cold round's readMs)
            VoteMatrix m = maps.live(cid).matrix();
            long t4 = System.nanoTime();
            OpinionMap.Result r = OpinionMap.compute(m, null);
            long t5 = System.nanoTime();
            OpinionMap.compute(m, r.state());
            long t6 = System.nanoTime();
            System.out.printf("round %d: cold %d ms %s; %,d votes changed, incremental %d ms %s; %,d more changed, restart from the copy %d ms %s; "
                    + "math alone cold %d ms, warm %d ms%n", round, ms(t1 - t0), coldRound, changed, ms(t3 - t2), incRound, changedAgain, ms(r1 - r0),
                    restartRound, ms(t5 - t4), ms(t6 - t5));
            if (round > 0) { // the first round warms the JIT up
                cold.add(ms(t1 - t0));
                incremental.add(ms(t3 - t2));
                restart.add(ms(r1 - r0));
                mathCold.add(ms(t5 - t4));
                mathWarm.add(ms(t6 - t5));
                read.add(coldRound.readMs());
            }
        }
        Report report = maps.stored(cid);
        System.out.printf("RESULT %s: %,d participants, %,d on the map, %d groups; median cold %d ms (math alone %d ms, reading alone %d ms), "
                        + "incremental %d ms (math alone %d ms), restart from the copy %d ms; heap in use %d MB%n", size, report.participants(),
                report.included(), report.groupCount(), median(cold), median(mathCold), median(read), median(incremental), median(mathWarm), median(restart),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    /** The votes of a share of the participants change (all of a participant's votes, found through the primary key). */
    private int changeVotes(long cid, double share) {
        long[] who = jdbc.sql("SELECT id FROM consultation_participant WHERE consultation_id = ? AND random() < ?").params(cid, share)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        return jdbc.sql("""
                UPDATE consultation_vote SET vote = CASE vote WHEN 1 THEN -1 WHEN -1 THEN 0 ELSE 1 END, voted_at = now()
                WHERE participant_id = ANY(?)""").param(who).update();
    }

    private Optional<Long> existing(String question) {
        return jdbc.sql("SELECT id FROM consultation WHERE question = ? ORDER BY id LIMIT 1").param(question).query(Long.class).optional();
    }

    /** A consultation with the synthetic votes, by COPY; statements and participants straight in SQL. */
    private long fill(String question, String size) {
        String[] p = size.split("x");
        int participants = Integer.parseInt(p[0]);
        int statements = Integer.parseInt(p[1]);
        long votes = Long.parseLong(p[2]);
        int avg = (int) Math.max(1, votes / participants);
        int min = Math.max(1, avg / 2);
        long t0 = System.nanoTime();
        SyntheticConsultation.Data d = SyntheticConsultation.generate(
                new SyntheticConsultation.Spec(42, participants, statements, 3, 5, min, avg * 2 - min, 0.8, 0.15));
        Viewer mediator = mediator();
        long pid = processes.create(new NewProcess("Consultation benchmark " + System.nanoTime(), "bench", LocalDate.now(), ProcessStatus.ACTIVE,
                List.of("en")), mediator).id();
        Instant now = Instant.now();
        long cid = consultations.create(pid, new NewConsultation(question, "", List.of("en"), now.minusSeconds(3600), now.plusSeconds(365L * 86_400),
                Consultation.Moderation.AFTER, false, List.of()), mediator).id();
        jdbc.sql("""
                INSERT INTO consultation_statement (consultation_id, text, language, seed, status, created_at, moderated_at)
                SELECT ?, 'Statement ' || i, 'en', true, 'ACCEPTED', now() - interval '1 hour', now() - interval '1 hour' FROM generate_series(1, ?) i""")
                .params(cid, statements).update();
        jdbc.sql("""
                INSERT INTO consultation_participant (consultation_id, token_hash) SELECT ?, sha256(('bench-' || ? || '-' || i)::bytea)
                FROM generate_series(1, ?) i""").params(cid, cid, participants).update();
        long[] statementIds = jdbc.sql("SELECT id FROM consultation_statement WHERE consultation_id = ? ORDER BY id").param(cid).query(Long.class)
                .list().stream().mapToLong(Long::longValue).toArray();
        long[] participantIds = jdbc.sql("SELECT id FROM consultation_participant WHERE consultation_id = ? ORDER BY id").param(cid).query(Long.class)
                .list().stream().mapToLong(Long::longValue).toArray();
        VoteMatrix m = d.matrix();
        try (Connection con = dataSource.getConnection()) {
            // the fill's rows reference the participants and statements just inserted: skip the per-row foreign-key
            // triggers of COPY (50M of them at a million participants); the session is reset when it goes back to the pool
            try (var st = con.createStatement()) {
                st.execute("SET session_replication_role = replica");
            }
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream pipe = new PipedOutputStream(in);
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16)) {
                    String at = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1).toString();
                    for (int r = 0; r < m.participants(); r++) {
                        for (int k = m.start(r); k < m.end(r); k++) {
                            w.write(participantIds[r] + "," + statementIds[m.column(k)] + "," + cid + "," + m.value(k) + "," + at + "\n");
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY consultation_vote (participant_id, statement_id, consultation_id, vote, voted_at) FROM STDIN WITH (FORMAT csv)", in);
            writer.join();
            try (var st = con.createStatement()) {
                st.execute("RESET session_replication_role");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("ANALYZE consultation_vote").update();
        System.out.printf("FILL %s: %,d votes by COPY in %d s%n", size, m.votes(), (System.nanoTime() - t0) / 1_000_000_000);
        return cid;
    }

    private Viewer mediator() {
        var a = accounts.findByEmail("bench.mediator@bench.parley").orElseGet(() ->
                accounts.create(new Accounts.NewAccount("bench.mediator@bench.parley", "Bench mediator", "bench-password-1", Role.MEDIATOR, null)));
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), null);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long median(List<Long> v) {
        Long[] a = v.toArray(Long[]::new);
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
