package org.parley.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

@ParleyTest
class ProcessApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
    }

    @Test
    void theDemoProcessIsPublicWithItsPartiesTracksAndSessions() {
        var processes = check(api.get("/api/v1/processes"), 200).json();
        long demo = -1;
        for (var p : processes) {
            if (p.path("name").asString().equals("Dialogue on ending the war in Ukraine")) {
                demo = p.path("id").asLong();
            }
        }
        assertThat(demo).isPositive();
        var parties = check(api.get("/api/v1/processes/" + demo + "/parties"), 200).json();
        assertThat(parties.findValuesAsString("shortName")).contains("US", "RU", "UA", "OCHA", "UNHCR", "MED", "IMM");
        assertThat(parties.findValuesAsString("nameUk")).contains("Україна");
        var tracks = check(api.get("/api/v1/processes/" + demo + "/tracks"), 200).json();
        assertThat(tracks.findValuesAsString("name")).contains("Military de-escalation", "Humanitarian assistance", "Economic cooperation");
        assertThat(tracks.get(0).path("format").asString()).isEqualTo("MULTILATERAL");
    }

    @Test
    void aMediatorCreatesAProcessAndBecomesItsMediator() {
        var small = Fixtures.smallProcess(mediator, "2026-01-15");
        var p = check(api.get("/api/v1/processes/" + small.id()), 200).json();
        assertThat(p.path("startDate").asString()).isEqualTo("2026-01-15");
        assertThat(p.path("status").asString()).isEqualTo("ACTIVE");
        var track = check(api.get("/api/v1/processes/" + small.id() + "/tracks/" + small.trackId()), 200).json();
        assertThat(track.path("format").asString()).isEqualTo("BILATERAL");
        assertThat(jdbc.sql("SELECT count(*) FROM process_mediator pm JOIN account a ON a.id = pm.account_id "
                + "WHERE pm.process_id = ? AND a.email = 'mediator@demo.parley'").param(small.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyMediatorsOfTheProcessChangeIt() {
        var small = Fixtures.smallProcess(mediator, "2026-01-15");
        String party = """
                {"kind":"STATE","role":"GUARANTOR","shortName":"X","nameEn":"X","nameUk":"X","nameRu":"X"}""";
        assertThat(api.post("/api/v1/processes/" + small.id() + "/parties", party).status()).isEqualTo(401);
        assertThat(api.asDemo("delegate.us").post("/api/v1/processes/" + small.id() + "/parties", party).status()).isEqualTo(403);
        assertThat(api.asDemo("observer").post("/api/v1/processes", "{}").status()).isEqualTo(403);

        // A mediator who does not mediate this process may not touch it either.
        String email = Api.unique("other").replace(' ', '-') + "@example.org";
        check(mediator.post("/api/v1/accounts", """
                {"email":"%s","displayName":"Other mediator","password":"a-long-password-1","role":"MEDIATOR"}""".formatted(email)), 201);
        var other = api.as(email, "a-long-password-1");
        var refused = other.post("/api/v1/processes/" + small.id() + "/parties", party);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = jdbc.sql("SELECT count(*) FROM process").query(Long.class).single();
        var r = mediator.post("/api/v1/processes", """
                {"name":"","startDate":"2026-01-01","languages":["en","fr"]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.fieldError("name")).isNotBlank();
        assertThat(r.json().toString()).contains("languages");

        var badDate = mediator.post("/api/v1/processes", """
                {"name":"A process","startDate":"2026-13-45","languages":["en"]}""");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.fieldError("startDate")).isNotBlank();

        var tooLong = mediator.post("/api/v1/processes", """
                {"name":"%s","startDate":"2026-01-01","languages":["en"]}""".formatted("x".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.fieldError("name")).contains("200");

        assertThat(jdbc.sql("SELECT count(*) FROM process").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void errorsSpeakTheClientsLanguage() {
        var r = mediator.inLanguage("uk").post("/api/v1/processes", """
                {"name":"","startDate":"2026-01-01","languages":["en"]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldError("name")).doesNotContain("must not be blank").matches(".*\\p{IsCyrillic}.*");
    }

    @Test
    void unknownIdsAre404Problems() {
        var r = api.get("/api/v1/processes/999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).isEqualTo(404);
        assertThat(api.get("/api/v1/processes/1/parties/999999").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/processes/999999/milestones").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/processes/not-a-number").status()).isEqualTo(400);
    }

    @Test
    void aTrackTakesOnlyPartiesOfItsOwnProcess() {
        var one = Fixtures.smallProcess(mediator, "2026-02-01");
        var two = Fixtures.smallProcess(mediator, "2026-02-01");
        var r = mediator.post("/api/v1/processes/" + one.id() + "/tracks", """
                {"name":"Mixed","partyIds":[%d,%d]}""".formatted(one.partyA(), two.partyA()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldError("partyIds")).isNotBlank();
        var dup = mediator.post("/api/v1/processes/" + one.id() + "/parties", """
                {"kind":"STATE","role":"GUARANTOR","shortName":"a","nameEn":"X","nameUk":"X","nameRu":"X"}""");
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.fieldError("shortName")).isNotBlank();
    }

    @Test
    void minutesAreReadOnlyByThoseTheyAreFor() {
        var small = Fixtures.smallProcess(mediator, "2026-03-01");
        String email = Api.unique("delegate-a").replace(' ', '-') + "@example.org";
        check(mediator.post("/api/v1/accounts", """
                {"email":"%s","displayName":"Delegate A","password":"a-long-password-1","role":"DELEGATE","partyId":%d}"""
                .formatted(email, small.partyA())), 201);
        String outsider = Api.unique("delegate-c").replace(' ', '-') + "@example.org";
        check(mediator.post("/api/v1/accounts", """
                {"email":"%s","displayName":"Delegate C","password":"a-long-password-1","role":"DELEGATE","partyId":%d}"""
                .formatted(outsider, small.partyC())), 201);

        var s = check(mediator.post("/api/v1/processes/" + small.id() + "/sessions", """
                {"trackId":%d,"title":"Round one","startsAt":"2026-03-05T09:00:00Z","endsAt":"2026-03-05T17:00:00Z",
                 "agenda":["Agenda item"],"minutesVisibility":"PARTIES"}""".formatted(small.trackId())), 201).json();
        long sessionId = s.path("id").asLong();
        String path = "/api/v1/processes/" + small.id() + "/sessions/" + sessionId;
        check(mediator.put(path + "/outcome", """
                {"attendance":[{"partyId":%d,"delegates":"Head of delegation"}],"outcome":"Secret outcome","minutes":"Secret minutes",
                 "minutesVisibility":"PARTIES","actions":[{"description":"Draft terms","responsiblePartyId":%d,"dueDate":"2026-03-20"}]}"""
                .formatted(small.partyA(), small.partyA())), 200);

        assertThat(api.get(path).body()).doesNotContain("Secret").contains("Agenda item");
        assertThat(api.as(outsider, "a-long-password-1").get(path).body()).doesNotContain("Secret");
        assertThat(api.asDemo("observer").get(path).body()).doesNotContain("Secret");
        assertThat(api.as(email, "a-long-password-1").get(path).body()).contains("Secret outcome", "Draft terms");
        assertThat(mediator.get(path).body()).contains("Secret minutes");
        assertThat(api.get("/api/v1/processes/" + small.id() + "/sessions").body()).doesNotContain("Secret");

        // Attendance is limited to the track's parties; nothing of a refused outcome is saved.
        var refused = mediator.put(path + "/outcome", """
                {"attendance":[{"partyId":%d}],"outcome":"changed","minutesVisibility":"PUBLIC"}""".formatted(small.partyC()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(mediator.get(path).body()).contains("Secret outcome");

        var backwards = mediator.post("/api/v1/processes/" + small.id() + "/sessions", """
                {"trackId":%d,"title":"Backwards","startsAt":"2026-03-05T09:00:00Z","endsAt":"2026-03-04T17:00:00Z"}"""
                .formatted(small.trackId()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldError("endsAt")).isNotBlank();
    }
}
