package org.parley.commitments;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.NewParty;
import org.parley.process.NewProcess;
import org.parley.process.NewTrack;
import org.parley.process.PartyKind;
import org.parley.process.PartyRole;
import org.parley.process.ProcessStatus;
import org.parley.process.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The barometer roll-up over 10,000 commitments and 100,000 level changes (five reported and five verified per
 * commitment, spread over a year), as the public sees it, and filtered by party; the roll-up by theme beside it.
 * Baseline: a plain count of the same process's level changes. The barometer reads the per-day running sums kept with
 * every change (table commitment_barometer), rebuilt once after the bulk load. The data is set up in bulk SQL (the services would
 * take hours at this size) in a kept database, once: a run with {@code -Dparley.bench.fill=true} only fills it (run that under
 * {@code heavy}); a later run finds it and measures (under {@code quiet}). The measured calls are the service's.
 * Run on demand: {@code ./mvnw -B -pl app test -Dtest=BarometerBenchmark -Dparley.bench=true [-Dparley.bench.fill=true]}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=target/bench-commitments-data", "parley.demo.enabled=false"})
class BarometerBenchmark {

    static final String PROCESS = "Barometer bench";
    static final int COMMITMENTS = 10_000;
    static final int CHANGES_PER_COMMITMENT = 10;

    @Autowired
    Commitments commitments;

    @Autowired
    Processes processes;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommitmentStore store;

    @Test
    void barometerOver10000CommitmentsAnd100000LevelChanges() {
        long pid = jdbc.sql("SELECT id FROM process WHERE name = ? ORDER BY id LIMIT 1").param(PROCESS).query(Long.class).optional()
                .orElseGet(this::fill);
        long p1 = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'A'").param(pid).query(Long.class).single();
        long made = jdbc.sql("SELECT count(*) FROM commitment WHERE process_id = ?").param(pid).query(Long.class).single();
        long changes = jdbc.sql("SELECT count(*) FROM commitment_level_change WHERE process_id = ?").param(pid).query(Long.class).single();
        System.out.printf("== Barometer benchmark: %d commitments, %d level changes ==%n", made, changes);
        if (Boolean.getBoolean("parley.bench.fill")) {
            return;
        }

        Viewer anyone = Viewer.anonymous();
        Barometer b = commitments.barometer(pid, null, null, null, anyone);
        System.out.printf("barometer points: %d; last %s%n", b.points().size(), b.points().getLast());
        for (int round = 0; round < 3; round++) {
            double[] all = time(100, () -> commitments.barometer(pid, null, null, null, anyone));
            double[] party = time(100, () -> commitments.barometer(pid, null, null, p1, anyone));
            double[] theme = time(30, () -> commitments.rollup(pid, Commitments.By.THEME, anyone));
            double[] baseline = time(100, () -> jdbc.sql("SELECT count(*) FROM commitment_level_change WHERE process_id = ?").param(pid)
                    .query(Long.class).single());
            System.out.printf("RESULT round %d: barometer median %.1f ms p95 %.1f ms; barometer of one party median %.1f ms p95 %.1f ms; "
                            + "roll-up by theme median %.1f ms p95 %.1f ms; baseline count(*) of the changes median %.1f ms p95 %.1f ms; "
                            + "ratio barometer/baseline %.2f%n",
                    round + 1, all[0], all[1], party[0], party[1], theme[0], theme[1], baseline[0], baseline[1], all[0] / baseline[0]);
        }
    }

    /** The bench's process: commitments and level changes in bulk SQL, the barometer's sums rebuilt from them once. */
    private long fill() {
        Accounts.Account a = accounts.create(new Accounts.NewAccount("bench-" + System.nanoTime() + "@example.org", "Bench mediator",
                "a-long-password-1", Role.MEDIATOR, null));
        Viewer mediator = new Viewer(a.id(), a.email(), a.displayName(), Role.MEDIATOR, null);
        long pid = processes.create(new NewProcess(PROCESS, "bench", LocalDate.now().minusYears(1),
                ProcessStatus.ACTIVE, List.of("en")), mediator).id();
        long p1 = processes.addParty(pid, new NewParty(PartyKind.STATE, PartyRole.CONFLICT_PARTY, "A", "A", "A", "A"), mediator).id();
        long p2 = processes.addParty(pid, new NewParty(PartyKind.STATE, PartyRole.CONFLICT_PARTY, "B", "B", "B", "B"), mediator).id();
        long p3 = processes.addParty(pid, new NewParty(PartyKind.STATE, PartyRole.GUARANTOR, "C", "C", "C", "C"), mediator).id();
        long track = processes.addTrack(pid, new NewTrack("Security", "", null, List.of(p1, p2, p3)), mediator).id();
        long text = jdbc.sql("""
                INSERT INTO negotiating_text (process_id, track_id, title, visibility, status, version, adopted_at, adopted_sha256, entry_into_force)
                VALUES (?, ?, 'Bench agreement', 'PUBLISHED', 'ADOPTED', 1, now(), repeat('0', 64), current_date - 365) RETURNING id""")
                .params(pid, track).query(Long.class).single();
        long article = jdbc.sql("INSERT INTO text_article (text_id, position, heading) VALUES (?, 1, 'All') RETURNING id").param(text)
                .query(Long.class).single();
        long clause = jdbc.sql("INSERT INTO text_clause (text_id, article_id, position, body, changed_in_version) VALUES (?, ?, 1, 'All', 1) RETURNING id")
                .params(text, article).query(Long.class).single();
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO commitment (process_id, text_id, clause_id, action, confidential, in_force_from, theme, deadline_kind, offset_days,
                                        reported_level, verified_level, created_at)
                SELECT ?, ?, ?, 'Commitment ' || g, false, current_date - 365,
                       (ARRAY['CEASEFIRE','WEAPONS_WITHDRAWAL','PRISONERS','HUMANITARIAN_ACCESS','ECONOMIC','POLITICAL','SECURITY_GUARANTEES','CONFIDENCE_BUILDING'])[1 + g % 8],
                       'AFTER_ENTRY_INTO_FORCE', 30 + g % 300, least(3, 4 + g % 2 - 1), least(3, 3 + g % 2 - 1),
                       now() - interval '365 days' + (g % 60) * interval '1 day'
                FROM generate_series(1, ?) g""").params(pid, text, clause, COMMITMENTS).update();
        jdbc.sql("""
                INSERT INTO commitment_party (commitment_id, party_id)
                SELECT c.id, p FROM commitment c, unnest(ARRAY[?, ?, ?]::bigint[]) WITH ORDINALITY AS u(p, o)
                WHERE c.process_id = ? AND (c.id + o) % 3 <> 0""").params(p1, p2, p3, pid).update();
        // Per commitment: steps 1..5 of each kind, levels rising 0→3 and capped, each row with the level before it.
        jdbc.sql("""
                INSERT INTO commitment_level_change (process_id, commitment_id, kind, level, previous_level, reason, evidence, evidence_hash,
                                                     actor, changed_at)
                SELECT c.process_id, c.id, CASE WHEN i % 2 = 0 THEN 'VERIFIED' ELSE 'REPORTED' END,
                       least(3, (i + 1) / 2 - 1 + (c.id % 2)::int), greatest(0, least(3, (i + 1) / 2 - 2 + (c.id % 2)::int)),
                       'bench', 'bench evidence', repeat('a', 64), 'bench',
                       now() - interval '300 days' + ((c.id * 7 + i * 29) % 300) * interval '1 day'
                FROM commitment c, generate_series(1, ?) i WHERE c.process_id = ?""").params(CHANGES_PER_COMMITMENT, pid).update();
        long r0 = System.nanoTime();
        store.rebuildBarometer(pid);
        System.out.printf("barometer sums rebuilt from the raw changes in %.1f s%n", (System.nanoTime() - r0) / 1e9);
        jdbc.sql("ANALYZE commitment_barometer").update();
        jdbc.sql("ANALYZE commitment").update();
        jdbc.sql("ANALYZE commitment_level_change").update();
        jdbc.sql("ANALYZE commitment_party").update();
        System.out.printf("set up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return pid;
    }

    /** Median and p95 in milliseconds after as many warm-up runs. */
    static double[] time(int runs, Runnable r) {
        for (int i = 0; i < Math.min(runs, 20); i++) {
            r.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1]};
    }
}
