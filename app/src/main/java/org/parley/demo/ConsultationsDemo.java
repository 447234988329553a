package org.parley.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.parley.engagement.Consultation;
import org.parley.engagement.Consultations;
import org.parley.engagement.Demographics;
import org.parley.engagement.NewConsultation;
import org.parley.engagement.NewQuestion;
import org.parley.engagement.NewVote;
import org.parley.engagement.Question;
import org.parley.engagement.Statement;
import org.parley.engagement.VoteChoice;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo consultations for the demo process, loaded once through the consultation service as user
 * input would go: an open one with seed statements and simulated votes from two camps who share a
 * few bridging statements (and answer the optional demographic questions), and a closed one whose results
 * are on the public record. The votes and answers are synthetic (labelled so), not anybody's opinion.
 */
@Component
@Order(20)
class ConsultationsDemo implements ApplicationRunner {

    static final String MARKER = "demo.consultations.loaded";
    private static final long LOCK = 0x5041524c4559L; // the DemoLoader's lock
    private static final Logger log = LoggerFactory.getLogger(ConsultationsDemo.class);

    private final boolean enabled;
    private final Consultations consultations;
    private final Demographics demographics;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConsultationsDemo(@Value("${parley.demo.enabled:true}") boolean enabled, Consultations consultations, Demographics demographics,
                      Accounts accounts, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.enabled = enabled;
        this.consultations = consultations;
        this.demographics = demographics;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Boolean loaded = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM installation_setting WHERE setting_key = ?)").param(MARKER).query(Boolean.class).single()) {
                return false;
            }
            Optional<Long> process = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1")
                    .query(Long.class).optional();
            Optional<Accounts.Account> mediator = accounts.findByEmail("mediator@demo.parley");
            if (process.isEmpty() || mediator.isEmpty()) {
                return false;
            }
            load(process.get(), mediator.get());
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(MARKER, LocalDate.now(clock).toString()).update();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded the demo consultations");
        }
    }

    private void load(long pid, Accounts.Account m) {
        Viewer mediator = new Viewer(m.id(), m.email(), m.displayName(), Role.MEDIATOR, null);
        Instant now = clock.instant();
        Consultation open = consultations.create(pid, new NewConsultation(
                "What should a ceasefire agreement guarantee first?",
                "Demo consultation with simulated votes. Write short statements, vote on others’, and see where opinion groups form and what bridges them.",
                List.of("en", "uk", "ru"), now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(30)), Consultation.Moderation.AFTER, false,
                List.of(
                        "All prisoners of war should be exchanged all for all, as the first step.",          // bridging
                        "Civilians deported or detained must be able to return home, verified by the ICRC.", // bridging
                        "Humanitarian corridors must stay open whatever happens at the negotiating table.",  // bridging
                        "International monitors must be in place before any troops withdraw.",
                        "Sanctions should be lifted step by step as commitments are met.",
                        "Territorial questions should be settled before the ceasefire is signed.",
                        "A demilitarised zone should separate the forces along the whole contact line.",
                        "Security guarantees must come from named states with binding commitments.",
                        "Reconstruction funds should be tied to verified compliance.",
                        "Elections should be held within a year of the ceasefire.",
                        "Frozen assets should pay for reconstruction.",
                        "The ceasefire should start at once, before the other questions are settled."), Consultation.Access.OPEN,
                List.of(new NewQuestion("Age", List.of("under 30", "30–59", "60 or older")),
                        new NewQuestion("Where do you live?", List.of("in a city", "in a town or village", "abroad")))), mediator);
        vote(pid, open, 40, 11);
        Consultation past = consultations.create(pid, new NewConsultation(
                "Which humanitarian needs should the talks address first?",
                "Demo consultation, closed: its result counts and hashes are on the public record.",
                List.of("en", "uk", "ru"), now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(1)), Consultation.Moderation.BEFORE, false,
                List.of(
                        "Medical evacuation of the wounded and sick must never be blocked.",
                        "Demining of farmland should be the first joint project.",
                        "Water and power plants must be off limits to attacks.",
                        "Aid should be delivered only by international agencies.",
                        "Local authorities should decide where aid goes first.",
                        "Family reunification should come before any exchange of territory.",
                        "Winter heating for front-line towns is the most urgent need.",
                        "Compensation for destroyed homes should be agreed in the talks.")), mediator);
        vote(pid, past, 16, 23);
        consultations.close(pid, past.id(), mediator);
    }

    /** Two camps: both agree with the first three (bridging) statements and split on the rest. */
    private void vote(long pid, Consultation c, int people, long seed) {
        List<Statement> statements = consultations.statements(pid, c.id());
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int p = 0; p < people; p++) {
            String token = consultations.join(pid, c.id(), null, null);
            long participant = consultations.participant(c.id(), token, false).orElseThrow();
            boolean camp = p % 2 == 0;
            for (int j = 0; j < statements.size(); j++) {
                if (rnd.nextDouble() < 0.15) {
                    continue; // not everybody sees every statement
                }
                int stance = j < 3 ? 1 : ((j % 2 == 0) == camp ? 1 : -1);
                double r = rnd.nextDouble();
                VoteChoice v = r < 0.08 ? VoteChoice.PASS : r < 0.88 ? VoteChoice.of(stance) : VoteChoice.of(-stance);
                consultations.vote(pid, c.id(), participant, new NewVote(statements.get(j).id(), v));
            }
            // most answer the optional questions; the answers lean a little with the camp
            Map<Long, Integer> answers = new LinkedHashMap<>();
            for (Question q : demographics.questions(pid, c.id())) {
                if (rnd.nextDouble() < 0.8) {
                    int n = q.options().size();
                    answers.put(q.id(), rnd.nextDouble() < 0.5 ? (camp ? 0 : n - 1) : rnd.nextInt(n));
                }
            }
            demographics.answer(pid, c.id(), participant, answers);
        }
    }
}
