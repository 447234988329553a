package org.parley.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.texts.Table;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Commitments, the events deadlines count from and the plan's tables from the pages, as a browser without JavaScript
 * uses them: the mediator makes and changes commitments (deadlines after a milestone or an event, indicators), the
 * responsible party reports values, an observer verifies them and records an event, the mediator keeps the plan's rows;
 * a failed form keeps what was typed and says what is wrong; others are refused.
 */
@ParleyTest
class CommitmentsPagesTest {

    @LocalServerPort
    int port;

    @Test
    void commitmentsAreMadeChangedAndMeasuredFromThePages() {
        Table t = Table.open(Api.at(port));
        long[] text = CommitmentsApiTest.adoptedText(t, "PUBLISHED");
        long milestone = Fixtures.milestone(t.mediator(), t.processId(), """
                {"title":"Humanitarian aid framework","dueKind":"AFTER_START","offsetAmount":3,"offsetUnit":"MONTHS"}""");
        String base = "/processes/" + t.processId();
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");

        // A half-typed indicator, then a deadline after an event without the event: refused, what was typed kept.
        Web.Page halfIndicator = mediator.post(base + "/commitments", base + "/commitments", "clause", text[0] + "/" + text[3],
                "action", "Keep this action", "theme", "PRISONERS", "partyIds", String.valueOf(t.a()), "deadlineKind", "AFTER_ENTRY_INTO_FORCE",
                "offsetDays", "5", "indicators[0].name", "Half an indicator");
        assertThat(halfIndicator.status()).isEqualTo(400);
        assertThat(halfIndicator.body()).contains("value=\"Keep this action\"", "value=\"Half an indicator\"", "Fill this in.");
        Web.Page noEvent = mediator.post(base + "/commitments", base + "/commitments", "clause", text[0] + "/" + text[3],
                "action", "Keep this action too", "theme", "PRISONERS", "partyIds", String.valueOf(t.a()), "deadlineKind", "AFTER_EVENT",
                "offsetDays", "5");
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.body()).contains("value=\"Keep this action too\"", "Choose the event this deadline counts from.");

        // Made with a deadline after a roadmap milestone and an indicator: pending until the milestone is completed.
        Web.Page made = mediator.post(base + "/commitments", base + "/commitments", "clause", text[0] + "/" + text[3],
                "action", "Exchange all prisoners", "theme", "PRISONERS", "partyIds", String.valueOf(t.a()), "partyIds", String.valueOf(t.b()),
                "deadlineKind", "AFTER_MILESTONE", "offsetDays", "5", "anchorMilestoneId", String.valueOf(milestone),
                "indicators[0].name", "Prisoners exchanged", "indicators[0].unit", "persons", "indicators[0].target", "1000");
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        String page = made.location().replaceFirst("^https?://[^/]+", "");
        long id = Long.parseLong(page.replaceAll(".*/", ""));
        assertThat(mediator.get(page).body()).contains("5 days after the milestone «Humanitarian aid framework» is completed", "pending");
        long indicator = check(t.api().get("/api/v1" + page), 200).json().path("indicators").get(0).path("id").asLong();

        // The terms change from the edit page: the mediator's only.
        assertThat(new Web(port, "en").signIn(t.emailA(), "a-long-password-1").get(page + "/edit").status()).isEqualTo(403);
        assertThat(mediator.get(page + "/edit").body()).contains("value=\"Prisoners exchanged\"");
        Web.Page changed = mediator.post(page + "/edit", page + "/edit", "action", "Exchange all prisoners and detainees", "theme", "PRISONERS",
                "partyIds", String.valueOf(t.a()), "deadlineKind", "FIXED", "dueDate", LocalDate.now().plusDays(9).toString(),
                "indicators[0].id", String.valueOf(indicator), "indicators[0].name", "Prisoners exchanged", "indicators[0].unit", "persons",
                "indicators[0].target", "1000", "indicators[1].name", "Bodies returned", "indicators[1].unit", "persons", "indicators[1].target", "300");
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        JsonNode after = check(t.api().get("/api/v1" + page), 200).json();
        assertThat(after.path("action").asString()).isEqualTo("Exchange all prisoners and detainees");
        assertThat(after.path("dueDate").asString()).isEqualTo(LocalDate.now().plusDays(9).toString());
        assertThat(after.path("indicators")).hasSize(2);
        Web.Page badEdit = mediator.post(page + "/edit", page + "/edit", "action", "Typed but refused", "theme", "PRISONERS",
                "partyIds", String.valueOf(t.a()), "deadlineKind", "FIXED");
        assertThat(badEdit.status()).isEqualTo(400);
        assertThat(badEdit.body()).contains("value=\"Typed but refused\"", "A fixed deadline needs its date.");

        // The responsible party reports a value; an observer verifies another; both are kept, over time.
        Web partyA = new Web(port, "en").signIn(t.emailA(), "a-long-password-1");
        Web.Page reported = partyA.post(page, page + "/report", "level", "1", "reason", "First round done", "evidence", "ICRC list 1",
                "indicatorId", String.valueOf(indicator), "indicatorValue", "400");
        assertThat(reported.status()).isEqualTo(302);
        Web observer = new Web(port, "en").signIn("observer@demo.parley");
        Web.Page noEvidence = observer.post(page, page + "/verify", "level", "1", "reason", "Counted at the crossing", "evidence", "",
                "indicatorId", String.valueOf(indicator), "indicatorValue", "380");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("Counted at the crossing", "value=\"380\"");
        assertThat(observer.post(page, page + "/verify", "level", "1", "reason", "Counted at the crossing", "evidence", "Crossing log",
                "indicatorId", String.valueOf(indicator), "indicatorValue", "380").status()).isEqualTo(302);
        String shown = new Web(port, "en").get(page).body();
        assertThat(shown).contains("400 of 1000 persons", "verified: 380", "id=\"measurements\"");
        assertThat(shown.indexOf("380 / 1000")).as("the newest measurement first").isLessThan(shown.indexOf("400 / 1000")).isPositive();
        assertThat(check(t.api().get("/api/v1" + page + "/measurements"), 200).json()).hasSize(2);
        assertThat(id).isPositive();
    }

    @Test
    void eventsAreNamedAndRecordedFromThePages() {
        Table t = Table.open(Api.at(port));
        long[] text = CommitmentsApiTest.adoptedText(t, "PUBLISHED");
        String events = "/processes/" + t.processId() + "/deadline-events";
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        Web.Page noTitle = mediator.post(events, events, "title", "", "description", "Keep this description");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("Keep this description", "Fill this in.");
        assertThat(mediator.post(events, events, "title", "The withdrawal is verified complete", "description", "The mission's final report")
                .status()).isEqualTo(302);
        long event = check(t.api().get("/api/v1" + events), 200).json().get(0).path("id").asLong();
        long exchange = CommitmentsApiTest.commitment(t, text, "Exchange all prisoners", """
                "deadlineKind":"AFTER_EVENT","offsetDays":5,"anchorEventId":%d""".formatted(event));
        assertThat(new Web(port, "en").get(events).body()).contains("The withdrawal is verified complete", "Exchange all prisoners",
                "5 days after «The withdrawal is verified complete»");

        Web partyA = new Web(port, "en").signIn(t.emailA(), "a-long-password-1");
        assertThat(partyA.post(events, events + "/" + event + "/occurred", "occurredOn", LocalDate.now().toString(), "reason", "r",
                "evidence", "e").status()).isEqualTo(403);
        Web observer = new Web(port, "en").signIn("observer@demo.parley");
        Web.Page noEvidence = observer.post(events, events + "/" + event + "/occurred", "occurredOn", LocalDate.now().minusDays(1).toString(),
                "reason", "Keep this reason", "evidence", "");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("Keep this reason", "Evidence: Fill this in.");
        assertThat(observer.post(events, events + "/" + event + "/occurred", "occurredOn", LocalDate.now().minusDays(1).toString(),
                "reason", "Final report received", "evidence", "Mission report no. 9").status()).isEqualTo(302);
        Web.Page again = observer.post(events, events + "/" + event + "/occurred", "occurredOn", LocalDate.now().toString(),
                "reason", "again", "evidence", "again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already recorded");
        String shown = new Web(port, "en").get(events).body();
        assertThat(shown).contains("Happened", "Mission report no. 9", "due " + LocalDate.now().plusDays(4));
        assertThat(check(t.api().get("/api/v1/processes/" + t.processId() + "/commitments/" + exchange), 200).json().path("dueDate").asString())
                .isEqualTo(LocalDate.now().plusDays(4).toString());
    }

    @Test
    void thePlansRowsAreKeptFromThePages() {
        Table t = Table.open(Api.at(port));
        long[] text = CommitmentsApiTest.adoptedText(t, "PUBLISHED");
        JsonNode withdraw = check(t.mediator().post(CommitmentsApiTest.commitments(t), """
                {"textId":%d,"clauseId":%d,"action":"Withdraw heavy weapons","theme":"WEAPONS_WITHDRAWAL","partyIds":[%d],
                 "deadlineKind":"AFTER_ENTRY_INTO_FORCE","offsetDays":14,
                 "indicators":[{"name":"Heavy weapons withdrawn","unit":"systems","target":400}]}""".formatted(text[0], text[2], t.a())), 201).json();
        long w = withdraw.path("id").asLong();
        long weapons = withdraw.path("indicators").get(0).path("id").asLong();
        check(t.delegateA().post(CommitmentsApiTest.commitments(t) + "/" + w + "/reports", """
                {"level":1,"reason":"Begun","evidence":"Notification","indicators":[{"indicatorId":%d,"value":120}]}""".formatted(weapons)), 200);
        String plan = "/processes/" + t.processId() + "/plan";
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");

        Web.Page noTitle = mediator.post(plan, plan, "kind", "OBJECTIVE", "title", "", "expected", "Keep this impact");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("Keep this impact", "Fill this in.");
        Web.Page wrongIndicator = mediator.post(plan, plan, "kind", "OBJECTIVE", "title", "Reduce military escalations",
                "expected", "Implement arms control agreements", "indicatorIds", String.valueOf(weapons));
        assertThat(wrongIndicator.status()).isEqualTo(400);
        assertThat(wrongIndicator.body()).contains("The indicator must be one of the linked commitment");
        Web.Page added = mediator.post(plan, plan, "kind", "OBJECTIVE", "title", "Reduce military escalations",
                "expected", "Implement arms control agreements", "trackIds", String.valueOf(t.trackId()), "commitmentIds", String.valueOf(w),
                "indicatorIds", String.valueOf(weapons));
        assertThat(added.status()).isEqualTo(302);
        long id = Long.parseLong(added.location().replaceAll(".*plan-item-", ""));
        String shown = new Web(port, "uk").get(plan).body();
        assertThat(shown).contains("Reduce military escalations", "Implement arms control agreements", "Withdraw heavy weapons",
                "120 з 400 systems");

        assertThat(new Web(port, "en").signIn(t.emailA(), "a-long-password-1").get(plan + "/" + id + "/edit").status()).isEqualTo(403);
        assertThat(mediator.get(plan + "/" + id + "/edit").body()).contains("value=\"Reduce military escalations\"");
        assertThat(mediator.post(plan + "/" + id + "/edit", plan + "/" + id + "/edit", "kind", "CONFIDENCE_MEASURE", "title",
                "Monitoring of the withdrawal", "expected", "Trust through verified steps", "commitmentIds", String.valueOf(w)).status())
                .isEqualTo(302);
        JsonNode row = check(t.api().get("/api/v1" + plan + "/" + id), 200).json();
        assertThat(row.path("kind").asString()).isEqualTo("CONFIDENCE_MEASURE");
        assertThat(row.path("indicatorIds")).isEmpty();
        assertThat(mediator.post(plan, plan + "/" + id + "/delete").status()).isEqualTo(302);
        assertThat(t.api().get("/api/v1" + plan + "/" + id).status()).isEqualTo(404);
        for (String lang : List.of("en", "uk", "ru")) {
            Web web = new Web(port, lang).signIn("mediator@demo.parley");
            assertThat(web.get(plan).status()).isEqualTo(200);
            assertThat(web.get("/processes/" + t.processId() + "/commitments/" + w + "/edit").status()).isEqualTo(200);
            assertThat(web.get("/processes/" + t.processId() + "/deadline-events").status()).isEqualTo(200);
        }
    }
}
