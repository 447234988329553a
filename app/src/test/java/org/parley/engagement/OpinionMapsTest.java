package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parley.engagement.opinion.VoteMatrix;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background map keeps each consultation's vote matrix between rounds and reads only the votes changed
 * since: after new participants, changed votes, a new statement and a rejected one, the matrix it holds is
 * exactly the one read afresh, and so is the report; after a restart it starts from its copy on disk and again
 * ends with the matrix read afresh; the map computed at closing is final.
 */
@ParleyTest
class OpinionMapsTest {

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

    @Test
    void roundsReadOnlyTheChangesAndEndWithTheSameMatrixAsAFreshRead() {
        long pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        Accounts.Account m = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        Viewer mediator = new Viewer(m.id(), m.email(), m.displayName(), Role.MEDIATOR, null);
        Instant now = Instant.now();
        List<String> seeds = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            seeds.add("Map statement " + j);
        }
        Consultation c = consultations.create(pid, new NewConsultation("Incremental map " + System.nanoTime(), "", List.of("en"), now.minusSeconds(60),
                now.plusSeconds(86_400), Consultation.Moderation.AFTER, false, seeds), mediator);
        List<Long> ids = consultations.statements(pid, c.id()).stream().map(Statement::id).toList();
        List<Long> people = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            people.add(join(pid, c));
            for (int j = 0; j < ids.size(); j++) {
                vote(pid, c, people.get(p), ids.get(j), (j % 2 == 0) == (p % 2 == 0) ? VoteChoice.AGREE : VoteChoice.DISAGREE);
            }
        }
        maps.refresh(c.id()); // (the background rounds may have been first: either way the map is now up to date)
        assertThat(maps.refresh(c.id())).as("nothing changed").isFalse();
        Instant firstRead = maps.live(c.id()).readAt();
        assertThat(votes(maps.live(c.id()))).isEqualTo(votes(maps.readAll(c.id())));

        // new people, changed votes, a new statement voted on: one round reads just those
        for (int p = 0; p < 5; p++) {
            long someone = join(pid, c);
            for (int j = 0; j < ids.size(); j++) {
                vote(pid, c, someone, ids.get(j), VoteChoice.PASS);
            }
        }
        vote(pid, c, people.get(0), ids.get(0), VoteChoice.DISAGREE);
        vote(pid, c, people.get(1), ids.get(3), VoteChoice.PASS);
        long added = consultations.submit(pid, c.id(), null, new NewStatement("A later statement", "en"), mediator).id();
        vote(pid, c, people.get(2), added, VoteChoice.AGREE);
        maps.refresh(c.id());
        OpinionMaps.Live incremental = maps.live(c.id());
        assertThat(incremental.readAt()).as("not read afresh").isEqualTo(firstRead);
        assertThat(incremental.matrix().participants()).isEqualTo(25);
        assertThat(incremental.statements()).extracting(Statement::id).endsWith(added);
        assertThat(votes(incremental)).isEqualTo(votes(maps.readAll(c.id())));
        Report report = maps.stored(c.id());
        assertThat(report.participants()).isEqualTo(25);
        assertThat(report.votes()).isEqualTo(25 * 10 + 1);
        assertThat(report.figures(ids.get(0)).disagree()).isEqualTo(11); // the ten odd ones, and person 0 changed its mind

        // a restart: the node starts from its copy on disk and reads only the votes changed since
        Path copy = Path.of("target/test-data/opinion-maps/consultation-" + c.id() + ".matrix");
        assertThat(copy).exists();
        int passes = maps.stored(c.id()).figures(ids.get(4)).pass();
        maps.forget(c.id());
        vote(pid, c, people.get(3), ids.get(4), VoteChoice.PASS);
        maps.refresh(c.id());
        assertThat(maps.live(c.id()).readAt()).as("started from the copy, not read afresh").isEqualTo(firstRead);
        assertThat(votes(maps.live(c.id()))).isEqualTo(votes(maps.readAll(c.id())));
        assertThat(maps.stored(c.id()).figures(ids.get(4)).pass()).isEqualTo(passes + 1);

        // a rejected statement leaves the map: read afresh
        consultations.moderate(pid, c.id(), ids.get(9), new ModerationDecision(false, "off topic"), mediator);
        maps.refresh(c.id());
        assertThat(maps.live(c.id()).readAt()).isAfter(firstRead);
        assertThat(maps.live(c.id()).statements()).extracting(Statement::id).doesNotContain(ids.get(9));
        assertThat(votes(maps.live(c.id()))).isEqualTo(votes(maps.readAll(c.id())));

        // closing computes the final map from every vote; later rounds leave it alone
        consultations.close(pid, c.id(), mediator);
        assertThat(jdbc.sql("SELECT final FROM consultation_map WHERE consultation_id = ?").param(c.id()).query(Boolean.class).single()).isTrue();
        assertThat(maps.live(c.id())).isNull();
        assertThat(copy).as("no copy kept of a closed consultation").doesNotExist();
        assertThat(maps.refresh(c.id())).isFalse();
    }

    private long join(long pid, Consultation c) {
        return consultations.participant(c.id(), consultations.join(pid, c.id(), null, null), false).orElseThrow();
    }

    private void vote(long pid, Consultation c, long participant, long statement, VoteChoice v) {
        consultations.vote(pid, c.id(), participant, new NewVote(statement, v));
    }

    /** The matrix as (participant id, statement id, vote), whatever the row and column order. */
    private static Set<String> votes(OpinionMaps.Live live) {
        Set<String> out = new HashSet<>();
        VoteMatrix m = live.matrix();
        for (int r = 0; r < m.participants(); r++) {
            for (int k = m.start(r); k < m.end(r); k++) {
                out.add(live.participantIds()[r] + "/" + live.statements().get(m.column(k)).id() + "/" + m.value(k));
            }
        }
        return out;
    }
}
