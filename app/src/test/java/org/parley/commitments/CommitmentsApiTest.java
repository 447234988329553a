package org.parley.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.parley.texts.Table;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Commitments from an adopted text through the API: deadlines fixed, from entry into force and relative to another
 * commitment (cycles refused), reported and verified levels with history and record entries, overdue flags,
 * roll-ups, the barometer and CSV; and the bad input the issue names.
 */
@ParleyTest
class CommitmentsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommitmentStore store;

    /** A published ceasefire adopted by A and B; returns [textId, clause1, clause2, clause3]. */
    static long[] adoptedText(Table t, String visibility) {
        long id = t.ceasefire(Api.unique("Ceasefire"), visibility);
        String url = t.texts() + "/" + id;
        JsonNode text = t.mediator().get(url).json();
        List<Long> clauses = text.findValues("clauses").stream().flatMap(cs -> {
            List<Long> ids = new java.util.ArrayList<>();
            cs.forEach(c -> ids.add(c.path("id").asLong()));
            return ids.stream();
        }).toList();
        // Resolve the bracket, then everyone accepts.
        JsonNode draft = org.parley.texts.TextsApiTestSupport.resolved(text);
        check(t.mediator().put(url, draft.toString()), 200);
        for (Api d : List.of(t.delegateA(), t.delegateB())) {
            for (long c : clauses) {
                check(d.post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c)), 200);
            }
        }
        check(t.mediator().post(url + "/adopt", "{\"entryIntoForce\":\"%s\"}".formatted(LocalDate.now().minusDays(10))), 200);
        return new long[] {id, clauses.get(0), clauses.get(1), clauses.get(2)};
    }

    static String commitments(Table t) {
        return "/api/v1/processes/" + t.processId() + "/commitments";
    }

    @Test
    void commitmentsAreMadeTrackedVerifiedAndRolledUp() {
        Table t = Table.open(Api.at(port));
        long[] text = adoptedText(t, "PUBLISHED");
        String url = commitments(t);

        JsonNode withdraw = check(t.mediator().post(url, """
                {"textId":%d,"clauseId":%d,"action":"Withdraw heavy weapons 30 km","theme":"WEAPONS_WITHDRAWAL","partyIds":[%d,%d],
                 "deadlineKind":"AFTER_ENTRY_INTO_FORCE","offsetDays":5,
                 "indicators":[{"name":"Heavy weapons withdrawn","unit":"systems","target":400}]}"""
                .formatted(text[0], text[2], t.a(), t.b())), 201).json();
        long w = withdraw.path("id").asLong();
        // Entry into force ten days ago + 5 days: due five days ago, not complete, so overdue.
        assertThat(withdraw.path("dueDate").asString()).isEqualTo(LocalDate.now().minusDays(5).toString());
        assertThat(withdraw.path("overdue").asBoolean()).isTrue();

        JsonNode exchange = check(t.mediator().post(url, """
                {"textId":%d,"clauseId":%d,"action":"Exchange prisoners, all for all","theme":"PRISONERS","partyIds":[%d,%d],
                 "deadlineKind":"AFTER_COMMITMENT","offsetDays":5,"anchorCommitmentId":%d,
                 "indicators":[{"name":"Prisoners exchanged","unit":"persons","target":1000}]}"""
                .formatted(text[0], text[3], t.a(), t.b(), w)), 201).json();
        long e = exchange.path("id").asLong();
        assertThat(exchange.hasNonNull("dueDate")).as("pending until the withdrawal is complete").isFalse();
        assertThat(exchange.path("overdue").asBoolean()).isFalse();

        // A cycle is refused: the withdrawal may not wait for the exchange that waits for it.
        var cycle = t.mediator().put(url + "/" + w, """
                {"textId":%d,"clauseId":%d,"action":"Withdraw heavy weapons 30 km","theme":"WEAPONS_WITHDRAWAL","partyIds":[%d,%d],
                 "deadlineKind":"AFTER_COMMITMENT","offsetDays":1,"anchorCommitmentId":%d}""".formatted(text[0], text[2], t.a(), t.b(), e));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.fieldError("anchorCommitmentId")).contains("cycle");
        assertThat(check(t.mediator().get(url + "/" + w), 200).json().path("deadlineKind").asString()).isEqualTo("AFTER_ENTRY_INTO_FORCE");

        // A level change without evidence is refused and leaves nothing behind.
        var noEvidence = t.delegateA().post(url + "/" + w + "/reports", "{\"level\":2,\"reason\":\"moving\",\"evidence\":\" \"}");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.fieldError("evidence")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM commitment_level_change WHERE commitment_id = ?").param(w).query(Long.class).single()).isZero();
        // Not a responsible party; not an observer; a level off the scale.
        assertThat(t.delegateC().post(url + "/" + w + "/reports", "{\"level\":2,\"reason\":\"r\",\"evidence\":\"e\"}").status()).isEqualTo(400);
        assertThat(t.delegateA().post(url + "/" + w + "/verifications", "{\"level\":2,\"reason\":\"r\",\"evidence\":\"e\"}").status()).isEqualTo(403);
        assertThat(t.delegateA().post(url + "/" + w + "/reports", "{\"level\":4,\"reason\":\"r\",\"evidence\":\"e\"}").fieldError("level")).isNotBlank();

        // A reports 2 with evidence and an indicator value; the observer verifies 1: both kept, the difference flagged.
        long indicator = withdraw.path("indicators").get(0).path("id").asLong();
        JsonNode reported = check(t.delegateA().post(url + "/" + w + "/reports", """
                {"level":2,"reason":"Withdrawal under way in two sectors","evidence":"Notification no. 4 with unit lists",
                 "indicators":[{"indicatorId":%d,"value":180}]}""".formatted(indicator)), 200).json();
        assertThat(reported.path("reportedLevel").asInt()).isEqualTo(2);
        assertThat(reported.path("indicators").get(0).path("current").asInt()).isEqualTo(180);
        JsonNode verified = check(t.observer().post(url + "/" + w + "/verifications",
                "{\"level\":1,\"reason\":\"Seen at 3 of 11 sites\",\"evidence\":\"Patrol notes 4-9\"}"), 200).json();
        assertThat(verified.path("reportedLevel").asInt()).isEqualTo(2);
        assertThat(verified.path("verifiedLevel").asInt()).isEqualTo(1);
        JsonNode history = check(t.api().get(url + "/" + w + "/history"), 200).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("kind").asString()).isEqualTo("REPORTED");
        assertThat(history.get(1).path("previousLevel").asInt()).isZero();
        String facts = check(t.api().get("/api/v1/record/facts?subject=commitment/" + w), 200).body();
        assertThat(facts).contains("commitment.created").contains("commitment.level_reported").contains("commitment.level_verified")
                .contains(org.parley.texts.Texts.sha256("Notification no. 4 with unit lists")).doesNotContain("Notification no. 4");

        // Complete, verified: the exchange's relative deadline turns into a date.
        check(t.delegateB().post(url + "/" + w + "/reports", "{\"level\":3,\"reason\":\"done\",\"evidence\":\"Final notification\"}"), 200);
        JsonNode complete = check(t.observer().post(url + "/" + w + "/verifications", "{\"level\":3,\"reason\":\"all sites\",\"evidence\":\"Report 2\"}"), 200).json();
        assertThat(complete.path("completedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(complete.path("overdue").asBoolean()).isFalse();
        assertThat(check(t.api().get(url + "/" + e), 200).json().path("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(5).toString());

        // Roll-ups by theme, party and text; the barometer; CSV.
        JsonNode byTheme = check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-rollups?by=THEME"), 200).json();
        JsonNode withdrawal = null;
        for (JsonNode r : byTheme.path("rows")) {
            if (r.path("key").asString().equals("WEAPONS_WITHDRAWAL")) {
                withdrawal = r;
            }
        }
        assertThat(withdrawal.path("commitments").asInt()).isEqualTo(1);
        assertThat(withdrawal.path("verifiedAverage").asDouble()).isEqualTo(3.0);
        JsonNode byParty = check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-rollups?by=PARTY"), 200).json();
        assertThat(byParty.path("rows")).hasSize(2);
        assertThat(byParty.path("rows").get(0).path("commitments").asInt()).isEqualTo(2);
        JsonNode barometer = check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-barometer"), 200).json();
        JsonNode last = barometer.path("points").get(barometer.path("points").size() - 1);
        assertThat(last.path("commitments").asInt()).isEqualTo(2);
        assertThat(last.path("reported").asDouble()).isEqualTo(1.5); // (3 + 0) / 2
        assertThat(last.path("verified").asDouble()).isEqualTo(1.5);
        // The running sums kept with every change agree with a rebuild from the raw history.
        String incremental = check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-barometer?partyId=" + t.a()), 200).body();
        store.rebuildBarometer(t.processId());
        assertThat(check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-barometer?partyId=" + t.a()), 200).body())
                .isEqualTo(incremental);
        var csv = check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-rollups.csv?by=THEME"), 200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("theme,label,commitments,").contains("WEAPONS_WITHDRAWAL,WEAPONS_WITHDRAWAL,1,3.000,3.000,0,0,0,1,0,1");
        assertThat(check(t.api().get("/api/v1/processes/" + t.processId() + "/commitment-barometer.csv"), 200).body())
                .startsWith("date,commitments,reported_average,verified_average");
    }

    @Test
    void commitmentsComeOnlyFromAdoptedTextsOfTheProcess() {
        Table t = Table.open(Api.at(port));
        long draft = t.ceasefire(Api.unique("Draft"), "PUBLISHED");
        long clause = t.mediator().get(t.texts() + "/" + draft).json().findValues("clauses").get(0).get(0).path("id").asLong();
        var fromDraft = t.mediator().post(commitments(t), """
                {"textId":%d,"clauseId":%d,"action":"x","theme":"CEASEFIRE","partyIds":[%d],"deadlineKind":"FIXED","dueDate":"2026-05-01"}"""
                .formatted(draft, clause, t.a()));
        assertThat(fromDraft.status()).isEqualTo(400);
        assertThat(fromDraft.fieldError("textId")).contains("adopted");
        long[] text = adoptedText(t, "PUBLISHED");
        var noDate = t.mediator().post(commitments(t), """
                {"textId":%d,"clauseId":%d,"action":"x","theme":"CEASEFIRE","partyIds":[%d],"deadlineKind":"FIXED"}"""
                .formatted(text[0], text[1], t.a()));
        assertThat(noDate.fieldError("dueDate")).isNotBlank();
        var wrongClause = t.mediator().post(commitments(t), """
                {"textId":%d,"clauseId":%d,"action":"x","theme":"CEASEFIRE","partyIds":[%d],"deadlineKind":"FIXED","dueDate":"2026-05-01"}"""
                .formatted(text[0], clause, t.a()));
        assertThat(wrongClause.fieldError("clauseId")).isNotBlank();
        assertThat(check(t.api().get(commitments(t)), 200).json()).isEmpty();
    }
}
