package org.parley.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.Fixtures.SmallProcess;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ParleyTest
class RoadmapApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;
    SmallProcess process;
    String base;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
        process = Fixtures.smallProcess(mediator, "2026-01-10");
        base = "/api/v1/processes/" + process.id() + "/milestones";
    }

    long ceasefire() {
        return Fixtures.milestone(mediator, process.id(), """
                {"title":"Initial ceasefire","dueKind":"AFTER_START","offsetAmount":2,"offsetUnit":"MONTHS",
                 "partyIds":[%d,%d],"trackId":%d}""".formatted(process.partyA(), process.partyB(), process.trackId()));
    }

    @Test
    void dueDatesFollowTheirRule() {
        long cf = ceasefire();
        var m = check(api.get(base + "/" + cf), 200).json();
        assertThat(m.path("dueDate").asString()).isEqualTo("2026-03-10");
        assertThat(m.path("dueProjected").asBoolean()).isFalse();

        long fixed = Fixtures.milestone(mediator, process.id(), """
                {"title":"Fixed","dueKind":"DATE","dueDate":"2030-05-01"}""");
        assertThat(api.get(base + "/" + fixed).json().path("dueDate").asString()).isEqualTo("2030-05-01");

        long after = Fixtures.milestone(mediator, process.id(), """
                {"title":"Exchange","dueKind":"AFTER_MILESTONE","anchorMilestoneId":%d,"offsetAmount":5,"offsetUnit":"DAYS"}""".formatted(cf));
        var a = api.get(base + "/" + after).json();
        assertThat(a.path("dueDate").asString()).isEqualTo("2026-03-15");
        assertThat(a.path("dueProjected").asBoolean()).isTrue();
        assertThat(Fixtures.ids(a.path("dependsOn"))).containsExactly(cf);
    }

    @Test
    void completingAMilestoneMovesWhatHangsOnIt() {
        long cf = ceasefire();
        long after = Fixtures.milestone(mediator, process.id(), """
                {"title":"Exchange","dueKind":"AFTER_MILESTONE","anchorMilestoneId":%d,"offsetAmount":2,"offsetUnit":"WEEKS"}""".formatted(cf));
        var done = check(mediator.post(base + "/" + cf + "/status", """
                {"status":"COMPLETED","reason":"Signed by both parties","evidence":"https://example.org/ceasefire.pdf","effectiveOn":"2026-02-20"}"""), 200).json();
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("completedOn").asString()).isEqualTo("2026-02-20");

        var a = api.get(base + "/" + after).json();
        assertThat(a.path("dueDate").asString()).isEqualTo("2026-03-06");
        assertThat(a.path("dueProjected").asBoolean()).isFalse();

        var history = check(api.get(base + "/" + cf + "/history"), 200).json();
        assertThat(history.size()).isEqualTo(2);
        var last = history.get(1);
        assertThat(last.path("from").asString()).isEqualTo("PLANNED");
        assertThat(last.path("to").asString()).isEqualTo("COMPLETED");
        assertThat(last.path("reason").asString()).isEqualTo("Signed by both parties");
        assertThat(last.path("by").asString()).contains("mediator");
        assertThat(last.path("evidenceHash").asString()).isEqualTo(sha256("https://example.org/ceasefire.pdf"));
    }

    @Test
    void statusChangesFollowTheRules() {
        long cf = ceasefire();
        long after = Fixtures.milestone(mediator, process.id(), """
                {"title":"Talks","dueKind":"AFTER_START","offsetAmount":6,"offsetUnit":"MONTHS","dependsOn":[%d]}""".formatted(cf));
        var blocked = mediator.post(base + "/" + after + "/status", """
                {"status":"COMPLETED","reason":"done"}""");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().path("detail").asString()).contains("Initial ceasefire");

        check(mediator.post(base + "/" + cf + "/status", """
                {"status":"CANCELLED","reason":"superseded"}"""), 200);
        var reopen = mediator.post(base + "/" + cf + "/status", """
                {"status":"IN_PROGRESS","reason":"again"}""");
        assertThat(reopen.status()).isEqualTo(409);

        var noReason = mediator.post(base + "/" + after + "/status", """
                {"status":"IN_PROGRESS","reason":""}""");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.fieldError("reason")).isNotBlank();

        var future = mediator.post(base + "/" + after + "/status", """
                {"status":"COMPLETED","reason":"x","effectiveOn":"%s"}""".formatted(LocalDate.now().plusDays(3)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.fieldError("effectiveOn")).isNotBlank();
        assertThat(api.get(base + "/" + after).json().path("status").asString()).isEqualTo("PLANNED");

        assertThat(api.asDemo("delegate.ru").post(base + "/" + after + "/status", """
                {"status":"IN_PROGRESS","reason":"we say so"}""").status()).isEqualTo(403);
    }

    @Test
    void cyclesAreRefused() {
        long a = ceasefire();
        long b = Fixtures.milestone(mediator, process.id(), """
                {"title":"B","dueKind":"AFTER_START","offsetAmount":3,"offsetUnit":"MONTHS","dependsOn":[%d]}""".formatted(a));
        long c = Fixtures.milestone(mediator, process.id(), """
                {"title":"C","dueKind":"AFTER_START","offsetAmount":4,"offsetUnit":"MONTHS","dependsOn":[%d]}""".formatted(b));
        var r = mediator.put(base + "/" + a, """
                {"title":"Initial ceasefire","dueKind":"AFTER_START","offsetAmount":2,"offsetUnit":"MONTHS","dependsOn":[%d]}""".formatted(c));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldError("dependsOn")).isNotBlank();
        var self = mediator.put(base + "/" + a, """
                {"title":"Initial ceasefire","dueKind":"AFTER_MILESTONE","anchorMilestoneId":%d,"offsetAmount":2,"offsetUnit":"DAYS"}""".formatted(a));
        assertThat(self.status()).isEqualTo(400);
        assertThat(Fixtures.ids(api.get(base + "/" + a).json().path("dependsOn"))).isEmpty();
    }

    @Test
    void referencesStayInsideTheProcessAndNothingIsHalfSaved() {
        var other = Fixtures.smallProcess(mediator, "2026-01-10");
        long foreign = Fixtures.milestone(mediator, other.id(), """
                {"title":"Elsewhere","dueKind":"DATE","dueDate":"2026-06-01"}""");
        long before = count();
        var r = mediator.post(base, """
                {"title":"Depends elsewhere","dueKind":"DATE","dueDate":"2026-06-01","dependsOn":[%d]}""".formatted(foreign));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldError("dependsOn")).isNotBlank();

        var wrongParty = mediator.post(base, """
                {"title":"Wrong party","dueKind":"DATE","dueDate":"2026-06-01","partyIds":[%d]}""".formatted(other.partyA()));
        assertThat(wrongParty.status()).isEqualTo(400);
        assertThat(wrongParty.fieldError("partyIds")).isNotBlank();

        var missingDate = mediator.post(base, """
                {"title":"No date","dueKind":"DATE"}""");
        assertThat(missingDate.fieldError("dueDate")).isNotBlank();

        var badDate = mediator.post(base, """
                {"title":"Bad date","dueKind":"DATE","dueDate":"2026-02-30"}""");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.fieldError("dueDate")).isNotBlank();

        var empty = mediator.post(base, """
                {"title":"  ","dueKind":"AFTER_START"}""");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldError("title")).isNotBlank();
        assertThat(count()).isEqualTo(before);
        assertThat(api.get(base + "/" + foreign).status()).isEqualTo(404);
    }

    @Test
    void overdueAndAtRiskAreComputedForToday() {
        LocalDate today = LocalDate.now();
        long late = Fixtures.milestone(mediator, process.id(), """
                {"title":"Late","dueKind":"DATE","dueDate":"%s"}""".formatted(today.minusDays(1)));
        assertThat(api.get(base + "/" + late).json().path("overdue").asBoolean()).isTrue();

        long open = Fixtures.milestone(mediator, process.id(), """
                {"title":"Open prerequisite","dueKind":"DATE","dueDate":"%s"}""".formatted(today.plusDays(30)));
        long soon = Fixtures.milestone(mediator, process.id(), """
                {"title":"Soon","dueKind":"DATE","dueDate":"%s","dependsOn":[%d]}""".formatted(today.plusDays(5), open));
        var s = api.get(base + "/" + soon).json();
        assertThat(s.path("atRisk").asBoolean()).isTrue();
        assertThat(s.path("overdue").asBoolean()).isFalse();

        long far = Fixtures.milestone(mediator, process.id(), """
                {"title":"Far","dueKind":"DATE","dueDate":"%s","dependsOn":[%d]}""".formatted(today.plusDays(90), open));
        assertThat(api.get(base + "/" + far).json().path("atRisk").asBoolean()).isFalse();

        check(mediator.post(base + "/" + late + "/status", """
                {"status":"MISSED","reason":"deadline passed"}"""), 200);
        assertThat(api.get(base + "/" + late).json().path("overdue").asBoolean()).isFalse();
    }

    @Test
    void filtersByTrackAndParty() {
        ceasefire();
        Fixtures.milestone(mediator, process.id(), """
                {"title":"Other","dueKind":"DATE","dueDate":"2026-06-01","partyIds":[%d]}""".formatted(process.partyC()));
        assertThat(api.get(base + "?trackId=" + process.trackId()).json().findValuesAsString("title")).containsExactly("Initial ceasefire");
        assertThat(api.get(base + "?partyId=" + process.partyC()).json().findValuesAsString("title")).containsExactly("Other");
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM milestone WHERE process_id = ?").param(process.id()).query(Long.class).single();
    }

    private static String sha256(String s) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
