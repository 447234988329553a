package org.parley.hearings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.CitizenPass;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Public hearings through the API: the mediator schedules (bad input refused), citizens register up to the
 * capacity (then a waiting list, or a refusal), once per normalised email, send one written submission before
 * the start, and after it the mediator records minutes and an outcome; scheduled, held and outcome are facts
 * on the public record, and a linked petition shows its hearing.
 */
@ParleyTest
class HearingsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;
    Fixtures.SmallProcess process;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
        process = Fixtures.smallProcess(mediator, "2026-01-15");
    }

    private String base() {
        return "/api/v1/processes/" + process.id() + "/hearings";
    }

    private Api citizen(String name, String email) {
        return api.withHeader(CitizenPass.HEADER, CitizenPass.of(api, jdbc, process.id(), name, email));
    }

    private String hearing(Instant startsAt, int capacity, boolean waitingList, String extra) {
        return """
                {"title":"Hearing on corridors","agenda":"1. Corridors\\n2. Questions","startsAt":"%s","place":"Geneva",
                 "onlineUrl":"https://meet.example.org/h","partyId":%d,"capacity":%d,"waitingList":%s%s}"""
                .formatted(startsAt, process.partyA(), capacity, waitingList, extra);
    }

    private long schedule(Instant startsAt, int capacity, boolean waitingList, String extra) {
        return check(mediator.post(base(), hearing(startsAt, capacity, waitingList, extra)), 201).json().path("id").asLong();
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void onlyAMediatorSchedulesAndBadInputIsRefused() {
        assertThat(api.post(base(), hearing(inDays(7), 10, true, "")).status()).isIn(401, 403);
        assertThat(api.asDemo("delegate.us").post(base(), hearing(inDays(7), 10, true, "")).status()).isEqualTo(403);
        var nowhere = mediator.post(base(), """
                {"title":"T","agenda":"A","startsAt":"%s","capacity":10}""".formatted(inDays(7)));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.fieldError("place")).isNotNull();
        var script = mediator.post(base(), """
                {"title":"T","agenda":"A","startsAt":"%s","onlineUrl":"javascript:alert(1)","capacity":10}""".formatted(inDays(7)));
        assertThat(script.fieldError("onlineUrl")).isNotNull();
        var unknownPetition = mediator.post(base(), hearing(inDays(7), 10, true, ",\"petitionIds\":[999999999]"));
        assertThat(unknownPetition.fieldError("petitionIds")).isNotNull();
        var otherParty = mediator.post(base(), hearing(inDays(7), 10, true, "").replace("\"partyId\":" + process.partyA(), "\"partyId\":999999999"));
        assertThat(otherParty.fieldError("partyId")).isNotNull();
        assertThat(mediator.post(base(), hearing(inDays(7), 0, true, "")).fieldError("capacity")).isNotNull();
        assertThat(mediator.post(base(), hearing(inDays(7), 10, true, "").replace("Hearing on corridors", "x".repeat(201))).fieldError("title"))
                .isNotNull();
        assertThat(check(api.get(base()), 200).json()).as("nothing half-saved").isEmpty();

        long id = schedule(inDays(7), 10, true, "");
        JsonNode h = check(api.get(base() + "/" + id), 200).json();
        assertThat(h.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(h.path("partyId").asLong()).isEqualTo(process.partyA());
        assertThat(facts("hearing/" + id)).contains("hearing.scheduled");
    }

    @Test
    void registrationStopsAtCapacityAndOncePerNormalisedEmail() {
        long id = schedule(inDays(7), 2, false, "");
        String register = base() + "/" + id + "/registrations";
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        Api first = citizen("First", "first.person" + tag + "@gmail.com");
        assertThat(check(first.post(register, null), 201).json().path("status").asString()).isEqualTo("REGISTERED");
        Api sameMailbox = citizen("First again", "FirstPerson" + tag + "+hearings@googlemail.com");
        assertThat(sameMailbox.post(register, null).status()).as("the same mailbox, written otherwise").isEqualTo(409);
        assertThat(first.post(register, null).status()).isEqualTo(409);
        check(citizen("Second", CitizenPass.email("second")).post(register, null), 201);
        var full = citizen("Third", CitizenPass.email("third")).post(register, null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().path("detail").asString()).contains("2 seats");
        assertThat(api.post(register, null).fieldError(CitizenPass.HEADER)).as("no pass").isNotNull();

        JsonNode h = check(api.get(base() + "/" + id), 200).json();
        assertThat(h.path("registered").asInt()).isEqualTo(2);
        assertThat(h.toString()).doesNotContain("gmail");
        assertThat(api.get(register).status()).as("names are the mediator's").isIn(401, 403);
        assertThat(check(mediator.get(register), 200).json()).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'Public hearing%'")
                .param("first.person" + tag + "@gmail.com").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFullHearingKeepsAWaitingListThatMovesUpWhenSomeoneCancels() {
        long id = schedule(inDays(7), 1, true, "");
        String register = base() + "/" + id + "/registrations";
        Api first = citizen("First", CitizenPass.email("first"));
        String secondEmail = CitizenPass.email("second");
        Api second = citizen("Second", secondEmail);
        Api third = citizen("Third", CitizenPass.email("third"));
        check(first.post(register, null), 201);
        JsonNode waiting = check(second.post(register, null), 201).json();
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        assertThat(waiting.path("waitingPosition").asInt()).isEqualTo(1);
        assertThat(check(third.post(register, null), 201).json().path("waitingPosition").asInt()).isEqualTo(2);

        check(first.post(register + "/cancel", null), 204);
        assertThat(first.post(register + "/cancel", null).status()).isEqualTo(409);
        assertThat(check(second.get(register + "/mine"), 200).json().path("status").asString()).isEqualTo("REGISTERED");
        assertThat(check(third.get(register + "/mine"), 200).json().path("waitingPosition").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(secondEmail)
                .query(String.class).single()).contains("a seat freed up");
        // registering again after cancelling goes to the end of the list
        assertThat(check(first.post(register, null), 201).json().path("waitingPosition").asInt()).isEqualTo(2);
    }

    @Test
    void submissionsComeBeforeTheHearingAndMinutesAfterIt() {
        long future = schedule(inDays(7), 10, true, "");
        Api writer = citizen("Writer", CitizenPass.email("writer"));
        String submissions = base() + "/" + future + "/submissions";
        JsonNode s = check(writer.post(submissions, "{\"body\":\"<script>alert(1)</script> Families need the lists.\"}"), 201).json();
        assertThat(s.path("body").asString()).as("plain text, kept as written").isEqualTo("<script>alert(1)</script> Families need the lists.");
        assertThat(writer.post(submissions, "{\"body\":\"second\"}").status()).as("one per person").isEqualTo(409);
        assertThat(writer.post(submissions, "{\"body\":\"" + "a".repeat(10_001) + "\"}").status()).isEqualTo(400);
        assertThat(check(api.get(submissions), 200).json()).hasSize(1);
        assertThat(mediator.post(base() + "/" + future + "/minutes", "{\"minutes\":\"m\",\"outcome\":\"o\"}").status())
                .as("not before it starts").isEqualTo(409);

        long past = schedule(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES), 10, true, "");
        assertThat(writer.post(base() + "/" + past + "/submissions", "{\"body\":\"late\"}").status()).isEqualTo(409);
        assertThat(writer.post(base() + "/" + past + "/registrations", null).status()).isEqualTo(409);
        assertThat(api.asDemo("delegate.us").post(base() + "/" + past + "/minutes", "{\"minutes\":\"m\",\"outcome\":\"o\"}").status())
                .isEqualTo(403);
        assertThat(mediator.post(base() + "/" + past + "/minutes", "{\"minutes\":\"\",\"outcome\":\"o\"}").fieldError("minutes")).isNotNull();
        JsonNode held = check(mediator.post(base() + "/" + past + "/minutes", """
                {"minutes":"The parties heard twelve citizens.","outcome":"A draft article on corridors at the next session."}"""), 200).json();
        assertThat(held.path("status").asString()).isEqualTo("HELD");
        assertThat(held.path("outcome").asString()).startsWith("A draft article");
        assertThat(mediator.post(base() + "/" + past + "/minutes", "{\"minutes\":\"m\",\"outcome\":\"o\"}").status()).isEqualTo(409);
        assertThat(facts("hearing/" + past)).contains("hearing.scheduled", "hearing.held", "hearing.outcome");

        check(mediator.post(base() + "/" + future + "/cancel", "{\"reason\":\"Venue unavailable\"}"), 200);
        assertThat(writer.post(base() + "/" + future + "/registrations", null).status()).isEqualTo(409);
        assertThat(facts("hearing/" + future)).contains("hearing.cancelled");
    }

    @Test
    void aPetitionThatCrossedTheHearingThresholdShowsItsHearing() {
        check(mediator.put("/api/v1/processes/" + process.id() + "/petition-settings", """
                {"supportersNeeded":1,"openDays":30,"responseThreshold":1,"responseDays":14,"hearingThreshold":1,
                 "rateLimitIp":100,"rateLimitSubnet":100,"rateWindowMinutes":60}"""), 200);
        String creator = CitizenPass.email("creator");
        long petition = check(api.post("/api/v1/processes/" + process.id() + "/petitions", """
                {"title":"Hear the families","body":"Please.","creatorName":"C","email":"%s","toMediator":true,"partyIds":[]}"""
                .formatted(creator)), 201).json().path("id").asLong();
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, creator) + "\"}"), 200);
        String signer = CitizenPass.email("signer");
        check(api.post("/api/v1/processes/" + process.id() + "/petitions/" + petition + "/signatures", """
                {"name":"S","email":"%s","region":"Kyiv","consent":true}""".formatted(signer)), 202);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, signer) + "\"}"), 200);
        check(mediator.post("/api/v1/processes/" + process.id() + "/petitions/" + petition + "/moderation", "{\"publish\":true}"), 200);
        assertThat(check(api.get("/api/v1/processes/" + process.id() + "/petitions/" + petition), 200).json().has("hearingDueSince")).isTrue();

        String petitionPage = "/processes/" + process.id() + "/petitions/" + petition;
        Web web = new Web(port, "en");
        assertThat(web.get(petitionPage).body()).contains("a public hearing is to be scheduled").doesNotContain("id=\"hearing-link\"");

        long id = schedule(inDays(10), 50, true, ",\"petitionIds\":[" + petition + "]");
        assertThat(check(api.get(base() + "?petitionId=" + petition), 200).json().get(0).path("id").asLong()).isEqualTo(id);
        String page = web.get(petitionPage).body();
        assertThat(page).contains("id=\"hearing-link\"", "/processes/" + process.id() + "/hearings/" + id, "Hearing on corridors");
        assertThat(web.get("/processes/" + process.id() + "/hearings/" + id).body()).contains("Hear the families");
    }

    private String facts(String subject) {
        return String.join(",", jdbc.sql("SELECT fact_type FROM record_entry WHERE subject = ? ORDER BY id").param(subject).query(String.class).list());
    }
}
