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
 * Commitments from an adopted text through the API: deadlines fixed, from entry into force, relative to another
 * commitment (cycles refused), to a roadmap milestone and to a named event, turning into dates as those happen;
 * reported and verified levels with history and record entries, indicator values over time, changed terms, overdue
 * flags, roll-ups, the barometer and CSV; the plan's tables linked to tracks, commitments and indicators; and the bad
 * input the issue names.
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

    /** A commitment of the adopted text's first clause, with a deadline given by {@code deadline} (JSON members). */
    static long commitment(Table t, long[] text, String action, String deadline) {
        return check(t.mediator().post(commitments(t), """
                {"textId":%d,"clauseId":%d,"action":"%s","theme":"CEASEFIRE","partyIds":[%d],%s}"""
                .formatted(text[0], text[1], action, t.a(), deadline)), 201).json().path("id").asLong();
    }

    @Test
    void deadlinesCountFromMilestonesAndEventsAndTurnIntoDatesWhenTheyHappen() {
        Table t = Table.open(Api.at(port));
        long[] text = adoptedText(t, "PUBLISHED");
        String url = commitments(t);
        String p = "/api/v1/processes/" + t.processId();
        LocalDate today = LocalDate.now();

        // A milestone of the roadmap, not yet completed: the deadline is pending.
        long framework = org.parley.support.Fixtures.milestone(t.mediator(), t.processId(), """
                {"title":"Humanitarian aid framework","dueKind":"AFTER_START","offsetAmount":3,"offsetUnit":"MONTHS"}""");
        long corridors = commitment(t, text, "Open the corridors", """
                "deadlineKind":"AFTER_MILESTONE","offsetDays":5,"anchorMilestoneId":%d""".formatted(framework));
        JsonNode pending = check(t.api().get(url + "/" + corridors), 200).json();
        assertThat(pending.path("anchorMilestoneId").asLong()).isEqualTo(framework);
        assertThat(pending.hasNonNull("dueDate")).isFalse();
        assertThat(pending.path("overdue").asBoolean()).isFalse();
        // The roadmap completes it, back-dated ten days: the deadline is five days ago, so overdue.
        check(t.mediator().post(p + "/milestones/" + framework + "/status", """
                {"status":"COMPLETED","reason":"Framework signed","evidence":"Signed framework","effectiveOn":"%s"}"""
                .formatted(today.minusDays(10))), 200);
        JsonNode due = check(t.api().get(url + "/" + corridors), 200).json();
        assertThat(due.path("dueDate").asString()).isEqualTo(today.minusDays(5).toString());
        assertThat(due.path("overdue").asBoolean()).isTrue();
        // Anchored to a milestone completed before: dated at once.
        long later = commitment(t, text, "Report on the corridors", """
                "deadlineKind":"AFTER_MILESTONE","offsetDays":30,"anchorMilestoneId":%d""".formatted(framework));
        assertThat(check(t.api().get(url + "/" + later), 200).json().path("dueDate").asString()).isEqualTo(today.plusDays(20).toString());

        // An event: named by the mediator, awaited, then recorded by an observer.
        JsonNode event = check(t.mediator().post(p + "/deadline-events",
                "{\"title\":\"The withdrawal is verified complete\",\"description\":\"The mission's final report\"}"), 201).json();
        long withdrawn = event.path("id").asLong();
        assertThat(event.path("occurred").asBoolean()).isFalse();
        long exchange = commitment(t, text, "Exchange all prisoners", """
                "deadlineKind":"AFTER_EVENT","offsetDays":5,"anchorEventId":%d""".formatted(withdrawn));
        assertThat(check(t.api().get(url + "/" + exchange), 200).json().hasNonNull("dueDate")).isFalse();
        String occurrence = "{\"occurredOn\":\"%s\",\"reason\":\"Final report received\",\"evidence\":\"Mission report no. 9\"}";
        // Not a delegate; not in the future; not without evidence.
        assertThat(t.delegateA().post(p + "/deadline-events/" + withdrawn + "/occurrence", occurrence.formatted(today)).status()).isEqualTo(403);
        assertThat(t.observer().post(p + "/deadline-events/" + withdrawn + "/occurrence", occurrence.formatted(today.plusDays(1)))
                .fieldError("occurredOn")).isNotBlank();
        assertThat(t.observer().post(p + "/deadline-events/" + withdrawn + "/occurrence",
                "{\"occurredOn\":\"%s\",\"reason\":\"r\",\"evidence\":\" \"}".formatted(today)).fieldError("evidence")).isNotBlank();
        assertThat(check(t.api().get(p + "/deadline-events/" + withdrawn), 200).json().path("occurred").asBoolean()).isFalse();
        JsonNode happened = check(t.observer().post(p + "/deadline-events/" + withdrawn + "/occurrence", occurrence.formatted(today.minusDays(1))),
                200).json();
        assertThat(happened.path("occurredOn").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(happened.path("evidenceSha256").asString()).isEqualTo(org.parley.texts.Texts.sha256("Mission report no. 9"));
        assertThat(check(t.api().get(url + "/" + exchange), 200).json().path("dueDate").asString()).isEqualTo(today.plusDays(4).toString());
        // Once only.
        assertThat(t.mediator().post(p + "/deadline-events/" + withdrawn + "/occurrence", occurrence.formatted(today)).status()).isEqualTo(409);
        String facts = check(t.api().get("/api/v1/record/facts?subject=deadline-event/" + withdrawn), 200).body();
        assertThat(facts).contains("deadline_event.defined").contains("deadline_event.occurred")
                .contains(org.parley.texts.Texts.sha256("Mission report no. 9")).doesNotContain("Mission report no. 9");

        // Bad anchors: missing, of another process; nothing saved.
        long before = jdbc.sql("SELECT count(*) FROM commitment WHERE process_id = ?").param(t.processId()).query(Long.class).single();
        Table other = Table.open(Api.at(port));
        long foreignMilestone = org.parley.support.Fixtures.milestone(other.mediator(), other.processId(), """
                {"title":"Elsewhere","dueKind":"AFTER_START","offsetAmount":1,"offsetUnit":"MONTHS"}""");
        long foreignEvent = check(other.mediator().post("/api/v1/processes/" + other.processId() + "/deadline-events", "{\"title\":\"Elsewhere\"}"),
                201).json().path("id").asLong();
        String base = """
                {"textId":%d,"clauseId":%d,"action":"x","theme":"CEASEFIRE","partyIds":[%d],"offsetDays":1,""".formatted(text[0], text[1], t.a());
        assertThat(t.mediator().post(url, base + "\"deadlineKind\":\"AFTER_MILESTONE\"}").fieldError("anchorMilestoneId")).isNotBlank();
        assertThat(t.mediator().post(url, base + "\"deadlineKind\":\"AFTER_MILESTONE\",\"anchorMilestoneId\":" + foreignMilestone + "}")
                .fieldError("anchorMilestoneId")).contains("roadmap");
        assertThat(t.mediator().post(url, base + "\"deadlineKind\":\"AFTER_EVENT\"}").fieldError("anchorEventId")).isNotBlank();
        assertThat(t.mediator().post(url, base + "\"deadlineKind\":\"AFTER_EVENT\",\"anchorEventId\":" + foreignEvent + "}")
                .fieldError("anchorEventId")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM commitment WHERE process_id = ?").param(t.processId()).query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void indicatorsAreMeasuredOverTimeAndTermsChangeOnTheRecord() {
        Table t = Table.open(Api.at(port));
        long[] text = adoptedText(t, "PUBLISHED");
        String url = commitments(t);
        JsonNode made = check(t.mediator().post(url, """
                {"textId":%d,"clauseId":%d,"action":"Exchange prisoners, all for all","theme":"PRISONERS","partyIds":[%d,%d],
                 "deadlineKind":"AFTER_ENTRY_INTO_FORCE","offsetDays":30,
                 "indicators":[{"name":"Prisoners exchanged","unit":"persons","target":1000}]}"""
                .formatted(text[0], text[3], t.a(), t.b())), 201).json();
        long id = made.path("id").asLong();
        long prisoners = made.path("indicators").get(0).path("id").asLong();
        String value = "{\"level\":%d,\"reason\":\"%s\",\"evidence\":\"%s\",\"indicators\":[{\"indicatorId\":%d,\"value\":%d}]}";
        check(t.delegateA().post(url + "/" + id + "/reports", value.formatted(1, "First round", "ICRC list 1", prisoners, 400)), 200);
        check(t.delegateB().post(url + "/" + id + "/reports", value.formatted(3, "Second round", "ICRC list 2", prisoners, 1000)), 200);
        JsonNode verified = check(t.observer().post(url + "/" + id + "/verifications", value.formatted(2, "Counted 950", "ICRC registry", prisoners, 950)),
                200).json();
        JsonNode indicator = verified.path("indicators").get(0);
        assertThat(indicator.path("current").asInt()).isEqualTo(1000);
        assertThat(indicator.path("verified").asInt()).isEqualTo(950);
        JsonNode measured = check(t.api().get(url + "/" + id + "/measurements"), 200).json();
        assertThat(measured).hasSize(3);
        assertThat(measured.findValues("value").stream().map(JsonNode::asInt).toList()).containsExactly(400, 1000, 950);
        assertThat(measured.findValues("kind").stream().map(JsonNode::asString).toList()).containsExactly("REPORTED", "REPORTED", "VERIFIED");
        // An indicator of another commitment is refused, with nothing saved.
        long other = commitment(t, text, "Another", "\"deadlineKind\":\"FIXED\",\"dueDate\":\"2027-01-01\"");
        assertThat(t.delegateA().post(url + "/" + other + "/reports", value.formatted(1, "r", "e", prisoners, 5)).fieldError("indicators")).isNotBlank();
        assertThat(check(t.api().get(url + "/" + id + "/measurements"), 200).json()).hasSize(3);
        assertThat(check(t.api().get("/api/v1/record/facts?subject=commitment/" + id), 200).body()).contains("\\\"value\\\":\\\"1000\\\"");

        // The terms change: renamed and retargeted indicator, one added, a fixed date; on the record.
        String terms = """
                {"textId":%d,"clauseId":%d,"action":"Exchange all prisoners and detainees","theme":"PRISONERS","partyIds":[%d],
                 "deadlineKind":"FIXED","dueDate":"2027-03-01","indicators":[%s]}""";
        JsonNode changed = check(t.mediator().put(url + "/" + id, terms.formatted(text[0], text[3], t.a(),
                "{\"id\":%d,\"name\":\"Prisoners and detainees exchanged\",\"unit\":\"persons\",\"target\":1200},".formatted(prisoners)
                        + "{\"name\":\"Bodies returned\",\"unit\":\"persons\",\"target\":300}")), 200).json();
        assertThat(changed.path("action").asString()).isEqualTo("Exchange all prisoners and detainees");
        assertThat(changed.path("partyIds")).hasSize(1);
        assertThat(changed.path("dueDate").asString()).isEqualTo("2027-03-01");
        assertThat(changed.path("indicators")).hasSize(2);
        assertThat(changed.path("indicators").get(0).path("current").asInt()).as("the measured values stay").isEqualTo(1000);
        assertThat(changed.path("indicators").get(0).path("target").asInt()).isEqualTo(1200);
        long bodies = changed.path("indicators").get(1).path("id").asLong();
        // A measured indicator cannot be dropped; an unmeasured one can.
        var dropMeasured = t.mediator().put(url + "/" + id, terms.formatted(text[0], text[3], t.a(),
                "{\"id\":%d,\"name\":\"Bodies returned\",\"unit\":\"persons\",\"target\":300}".formatted(bodies)));
        assertThat(dropMeasured.fieldError("indicators")).contains("measured");
        assertThat(check(t.api().get(url + "/" + id), 200).json().path("indicators")).hasSize(2);
        JsonNode dropped = check(t.mediator().put(url + "/" + id, terms.formatted(text[0], text[3], t.a(),
                "{\"id\":%d,\"name\":\"Prisoners and detainees exchanged\",\"unit\":\"persons\",\"target\":1200}".formatted(prisoners))), 200)
                .json();
        assertThat(dropped.path("indicators")).hasSize(1);
        assertThat(check(t.api().get("/api/v1/record/facts?subject=commitment/" + id), 200).body()).contains("commitment.updated")
                .contains("Exchange all prisoners and detainees");
        // Only the mediator changes terms.
        assertThat(t.delegateA().put(url + "/" + id, terms.formatted(text[0], text[3], t.a(), "")).status()).isEqualTo(403);
    }

    @Test
    void thePlansTablesStandBesideWhatIsMeasured() {
        Table t = Table.open(Api.at(port));
        long[] text = adoptedText(t, "PUBLISHED");
        String url = commitments(t);
        JsonNode withdraw = check(t.mediator().post(url, """
                {"textId":%d,"clauseId":%d,"action":"Withdraw heavy weapons","theme":"WEAPONS_WITHDRAWAL","partyIds":[%d],
                 "deadlineKind":"AFTER_ENTRY_INTO_FORCE","offsetDays":14,
                 "indicators":[{"name":"Heavy weapons withdrawn","unit":"systems","target":400}]}""".formatted(text[0], text[2], t.a())), 201).json();
        long w = withdraw.path("id").asLong();
        long weapons = withdraw.path("indicators").get(0).path("id").asLong();
        long stop = commitment(t, text, "Cease fire", "\"deadlineKind\":\"AFTER_ENTRY_INTO_FORCE\",\"offsetDays\":1");
        String plan = "/api/v1/processes/" + t.processId() + "/plan";

        JsonNode row = check(t.mediator().post(plan, """
                {"kind":"OBJECTIVE","title":"Reduce military escalations","expected":"Implement arms control agreements",
                 "trackIds":[%d],"commitmentIds":[%d,%d],"indicatorIds":[%d]}""".formatted(t.trackId(), w, stop, weapons)), 201).json();
        long id = row.path("id").asLong();
        assertThat(row.path("commitmentIds")).hasSize(2);
        JsonNode tables = check(t.api().get(plan), 200).json();
        assertThat(tables.path("OBJECTIVE").get(0).path("indicatorIds").get(0).asLong()).isEqualTo(weapons);
        assertThat(tables.path("CONFIDENCE_MEASURE")).isEmpty();

        // An indicator whose commitment is not linked, a track of another process: refused, nothing changed.
        Table other = Table.open(Api.at(port));
        var wrong = t.mediator().put(plan + "/" + id, """
                {"kind":"OBJECTIVE","title":"Changed","expected":"Changed","trackIds":[%d],"commitmentIds":[%d],"indicatorIds":[%d]}"""
                .formatted(other.trackId(), stop, weapons));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.fieldError("trackIds")).isNotBlank();
        assertThat(wrong.fieldError("indicatorIds")).isNotBlank();
        assertThat(check(t.api().get(plan + "/" + id), 200).json().path("title").asString()).isEqualTo("Reduce military escalations");

        JsonNode edited = check(t.mediator().put(plan + "/" + id, """
                {"kind":"CONFIDENCE_MEASURE","title":"Monitoring of the withdrawal","expected":"Trust through verified steps",
                 "trackIds":[],"commitmentIds":[%d],"indicatorIds":[%d]}""".formatted(w, weapons)), 200).json();
        assertThat(edited.path("kind").asString()).isEqualTo("CONFIDENCE_MEASURE");
        assertThat(edited.path("trackIds")).isEmpty();
        assertThat(t.delegateA().send("DELETE", plan + "/" + id, null).status()).isEqualTo(403);
        assertThat(t.mediator().send("DELETE", plan + "/" + id, null).status()).isEqualTo(204);
        assertThat(t.api().get(plan + "/" + id).status()).isEqualTo(404);
    }
}
