package org.parley.texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

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

/**
 * The redline of two versions of a 300-clause text (30 articles of 10 clauses, about 40 words each; version 2 changes
 * 30 clauses, adds 5 and removes 5). Measures the word-level, clause-aware diff alone and the whole call as the API
 * makes it (two JSONB snapshots read and parsed, then diffed); baseline: reading and parsing the two snapshots only.
 * Run on demand: {@code ./mvnw -B -pl app test -Dtest=RedlineBenchmark -Dparley.bench=true}
 */
@EnabledIfSystemProperty(named = "parley.bench", matches = "true")
@SpringBootTest(properties = {"parley.data-dir=target/bench-texts-data", "parley.demo.enabled=false"})
class RedlineBenchmark {

    private static final String[] WORDS = ("the parties shall withdraw heavy weapons from line of contact within days after entry into force "
            + "observers verify each site and report weekly to mediator all prisoners detainees are exchanged under supervision of "
            + "international committee humanitarian corridors open notified hours before use").split(" ");

    @Autowired
    Texts texts;

    @Autowired
    TextStore store;

    @Autowired
    Processes processes;

    @Autowired
    Accounts accounts;

    @Test
    void redlineOfA300ClauseText() {
        Accounts.Account a = accounts.create(new Accounts.NewAccount("bench-" + System.nanoTime() + "@example.org", "Bench mediator",
                "a-long-password-1", Role.MEDIATOR, null));
        Viewer mediator = new Viewer(a.id(), a.email(), a.displayName(), Role.MEDIATOR, null);
        long pid = processes.create(new NewProcess("Redline bench " + System.nanoTime(), "bench", java.time.LocalDate.now(), ProcessStatus.ACTIVE,
                List.of("en")), mediator).id();
        long p1 = processes.addParty(pid, new NewParty(PartyKind.STATE, PartyRole.CONFLICT_PARTY, "A", "A", "A", "A"), mediator).id();
        long p2 = processes.addParty(pid, new NewParty(PartyKind.STATE, PartyRole.CONFLICT_PARTY, "B", "B", "B", "B"), mediator).id();
        long track = processes.addTrack(pid, new NewTrack("Security", "", null, List.of(p1, p2)), mediator).id();
        Random random = new Random(42);
        List<DraftArticle> articles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<DraftClause> clauses = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                clauses.add(new DraftClause(null, sentence(random, 40), List.of()));
            }
            articles.add(new DraftArticle(null, "Article heading " + i, clauses));
        }
        NegotiatingText v1 = texts.create(pid, new NewText(track, "Bench text", sentence(random, 60), TextVisibility.PUBLISHED,
                List.of(p1, p2), articles), mediator);
        // Version 2: every 10th clause reworded in a few places, 5 removed, 5 added.
        List<DraftArticle> changed = new ArrayList<>();
        int n = 0;
        for (Article art : v1.articles()) {
            List<DraftClause> clauses = new ArrayList<>();
            for (Clause c : art.clauses()) {
                n++;
                if (n % 60 == 0) {
                    continue;
                }
                String body = c.body();
                if (n % 10 == 0) {
                    List<String> words = new ArrayList<>(Arrays.asList(body.split(" ")));
                    words.set(3, "promptly");
                    words.add(10, "under international supervision");
                    words.remove(20);
                    body = String.join(" ", words);
                }
                clauses.add(new DraftClause(c.id(), body, List.of()));
            }
            if (art.number() % 6 == 0) {
                clauses.add(new DraftClause(null, sentence(random, 40), List.of()));
            }
            changed.add(new DraftArticle(art.id(), art.heading(), clauses));
        }
        NegotiatingText v2 = texts.save(pid, v1.id(), new Draft("Bench text", v1.preamble(), changed, "bench"), mediator);
        System.out.printf("== Redline benchmark: %d clauses in version 1, %d in version 2 ==%n", v1.clauses().size(), v2.clauses().size());

        TextStore.Snapshot a1 = store.snapshot(v1.id(), 1).orElseThrow();
        TextStore.Snapshot a2 = store.snapshot(v1.id(), 2).orElseThrow();
        Redline check = Redlines.between(v1.id(), 1, a1, 2, a2);
        long changes = check.clauses().stream().filter(c -> c.change() != Redline.Change.UNCHANGED).count();
        System.out.printf("clause changes reported: %d%n", changes);

        for (int round = 0; round < 3; round++) {
            double[] diff = time(300, () -> Redlines.between(v1.id(), 1, a1, 2, a2));
            double[] api = time(300, () -> texts.redline(pid, v1.id(), 1, 2, null, mediator));
            double[] baseline = time(300, () -> {
                store.snapshot(v1.id(), 1).orElseThrow();
                store.snapshot(v1.id(), 2).orElseThrow();
            });
            System.out.printf("RESULT round %d: diff alone median %.2f ms p95 %.2f ms; whole redline call median %.2f ms p95 %.2f ms; "
                            + "baseline (read and parse the two snapshots) median %.2f ms p95 %.2f ms; ratio call/baseline %.2f%n",
                    round + 1, diff[0], diff[1], api[0], api[1], baseline[0], baseline[1], api[0] / baseline[0]);
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.append('.').toString();
    }

    /** Median and p95 in milliseconds after as many warm-up runs. */
    static double[] time(int runs, Runnable r) {
        for (int i = 0; i < runs; i++) {
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
