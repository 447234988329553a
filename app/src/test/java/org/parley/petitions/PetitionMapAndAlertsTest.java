package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

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
 * The rest of the petitions' issue: signatures by region as the map shows them (names in three languages
 * placed on Ukraine's areas, other places listed), and alerts to moderators on trending sources.
 */
@ParleyTest
class PetitionMapAndAlertsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PetitionAlerts alerts;

    record Open(long processId, long petitionId, Api api, Api mediator) {
        String base() {
            return "/api/v1/processes/" + processId;
        }
    }

    /** A petition of a process of its own, confirmed by its creator, with the given per-IP rate limit. */
    private Open petition(String title, int rateLimitIp) {
        return petition(title, rateLimitIp, 200);
    }

    /** A petition of a process of its own, confirmed by its creator, with the given rate limits per IP and per /24. */
    private Open petition(String title, int rateLimitIp, int rateLimitSubnet) {
        Api api = Api.at(port);
        Api mediator = api.asDemo("mediator");
        var process = Fixtures.smallProcess(mediator, "2026-01-15");
        String base = "/api/v1/processes/" + process.id();
        check(mediator.put(base + "/petition-settings", """
                {"supportersNeeded":1,"openDays":30,"responseThreshold":1000,"responseDays":14,"hearingThreshold":2000,
                 "rateLimitIp":%d,"rateLimitSubnet":%d,"rateWindowMinutes":60}""".formatted(rateLimitIp, rateLimitSubnet)), 200);
        String creator = CitizenPass.email("creator");
        long petition = check(api.post(base + "/petitions", """
                {"title":"%s","body":"Body","creatorName":"C","email":"%s","toMediator":true,"partyIds":[]}""".formatted(title, creator)), 201)
                .json().path("id").asLong();
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, creator) + "\"}"), 200);
        return new Open(process.id(), petition, api, mediator);
    }

    @Test
    void regionsArePlacedOnTheMapAndTrendingSourcesRaiseAnAlert() {
        Open o = petition("Map me", 8);
        Api api = o.api();
        Api mediator = o.mediator();
        long petition = o.petitionId();
        String base = o.base();
        String[] regions = {"Kharkiv Oblast", "харківська  область", "Kyiv", "Germany", "Zaporizhia oblast"};
        for (String region : regions) {
            String email = CitizenPass.email("s");
            check(api.post(base + "/petitions/" + petition + "/signatures", """
                    {"name":"S","email":"%s","region":"%s","consent":true}""".formatted(email, region)), 202);
            check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, email) + "\"}"), 200);
        }

        JsonNode map = check(api.get(base + "/petitions/" + petition + "/regions"), 200).json();
        assertThat(map.path("ukraine").path("UA-63").asInt()).as("Kharkiv Oblast, in English and Ukrainian").isEqualTo(2);
        assertThat(map.path("ukraine").path("UA-30").asInt()).as("the city of Kyiv").isEqualTo(1);
        assertThat(map.path("ukraine").path("UA-23").asInt()).isEqualTo(1);
        assertThat(map.path("elsewhere").path("Germany").asInt()).isEqualTo(1);
        String page = new Web(port, "en").get("/processes/" + o.processId() + "/petitions/" + petition).body();
        assertThat(page).contains("id=\"petition-map\"", "/data/ukraine-admin1.geojson", "id=\"regions-elsewhere\"", "Germany");

        String open = base + "/petition-alerts?petitionId=" + petition;
        assertThat(api.get(open).status()).isIn(401, 403);
        assertThat(api.asDemo("delegate.us").get(open).status()).isEqualTo(403);
        JsonNode raised = check(mediator.get(open), 200).json(); // raised by the signing batch, no scan needed
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).path("kind").asString()).isEqualTo("IP");
        assertThat(raised.get(0).path("signatures").asInt()).isEqualTo(5);
        assertThat(raised.get(0).path("threshold").asInt()).as("half the per-IP limit of 8").isEqualTo(4);
        assertThat(new Web(port, "en").signIn("mediator@demo.parley").get("/processes/" + o.processId() + "/petitions/" + petition).body())
                .contains("id=\"alerts\"", "5 signatures within the window (alert at 4)");

        check(mediator.post(base + "/petition-alerts/" + raised.get(0).path("id").asLong() + "/acknowledge", null), 204);
        alerts.scan();
        assertThat(check(mediator.get(open), 200).json()).as("seen, and nothing new came from it").isEmpty();
        String email = CitizenPass.email("late");
        check(api.post(base + "/petitions/" + petition + "/signatures", """
                {"name":"L","email":"%s","region":"Lviv","consent":true}""".formatted(email)), 202);
        alerts.scan();
        assertThat(check(mediator.get(open), 200).json()).as("more came from it since").hasSize(1);
    }

    @Test
    void aCrowdFromOneDomainRaisesAnAlertAtTheScanButAPublicProviderDoesNot() {
        Open o = petition("Domains", 40, 10);
        Api api = o.api();
        Api mediator = o.mediator();
        long petition = o.petitionId();
        String base = o.base();
        for (int i = 0; i < 6; i++) {
            String domain = i < 5 ? "bots-" + petition + ".example" : "gmail.com";
            check(api.post(base + "/petitions/" + petition + "/signatures", """
                    {"name":"S","email":"signer%d.%d@%s","region":"Kyiv","consent":true}""".formatted(i, petition, domain)), 202);
        }
        // signing again is refused, and a refused signature is not tallied
        check(api.post(base + "/petitions/" + petition + "/signatures", """
                {"name":"S","email":"signer0.%d@bots-%d.example","region":"Kyiv","consent":true}""".formatted(petition, petition)), 400);
        String open = base + "/petition-alerts?petitionId=" + petition;
        JsonNode before = check(mediator.get(open), 200).json();
        assertThat(before).as("the subnet (all from 127.0.0.x) reached half its limit of 10 as they signed").hasSize(1);
        assertThat(before.get(0).path("kind").asString()).isEqualTo("SUBNET");
        assertThat(before.get(0).path("signatures").asInt()).isEqualTo(6);

        alerts.scan();
        JsonNode after = check(mediator.get(open), 200).json();
        assertThat(after).hasSize(2);
        JsonNode domain = after.get(0).path("kind").asString().equals("DOMAIN") ? after.get(0) : after.get(1);
        assertThat(domain.path("kind").asString()).isEqualTo("DOMAIN");
        assertThat(domain.path("value").asString()).as("gmail.com is shared by too many honest signers to say anything").isEqualTo("bots-" + petition + ".example");
        assertThat(domain.path("signatures").asInt()).isEqualTo(5);
        assertThat(domain.path("threshold").asInt()).isEqualTo(5);
    }

    @Test
    void signingAPetitionPastItsClosingIsRefusedAndNothingCounts() {
        Open o = petition("Closing", 100);
        Api api = o.api();
        Api mediator = o.mediator();
        long petition = o.petitionId();
        String base = o.base();
        String early = CitizenPass.email("early");
        check(api.post(base + "/petitions/" + petition + "/signatures", """
                {"name":"E","email":"%s","region":"Kyiv","consent":true}""".formatted(early)), 202);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, early) + "\"}"), 200);
        check(mediator.post(base + "/petitions/" + petition + "/moderation", "{\"publish\":true}"), 200);
        String pending = CitizenPass.email("pending");
        check(api.post(base + "/petitions/" + petition + "/signatures", """
                {"name":"P","email":"%s","region":"Kyiv","consent":true}""".formatted(pending)), 202);
        // its period ends
        jdbc.sql("UPDATE petition SET closes_at = now() - interval '1 minute' WHERE id = ?").param(petition).update();

        var late = api.post(base + "/petitions/" + petition + "/signatures", """
                {"name":"L","email":"%s","region":"Kyiv","consent":true}""".formatted(CitizenPass.email("late")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).contains("application/problem+json");
        assertThat(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + CitizenPass.linkToken(jdbc, pending) + "\"}").status())
                .as("a confirmation after the close").isEqualTo(409);
        JsonNode p = check(api.get(base + "/petitions/" + petition), 200).json();
        assertThat(p.path("status").asString()).isEqualTo("CLOSED");
        assertThat(p.path("signatures").asInt()).as("nothing counted after the close").isEqualTo(1);
        assertThat(new Web(port, "en").get("/processes/" + o.processId() + "/petitions/" + petition).body()).doesNotContain("id=\"sign\"");
    }
}
