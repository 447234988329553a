package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.humanitarian.HumanitarianTestSupport.World;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Corridor safety from monitoring: observers report through monitoring's API, a verifier verifies, and the
 * corridor counts only the verified events within its buffer of its route during its window. A corridor with
 * one is marked successful only with an override and a reason, and the override goes on the public record.
 */
@ParleyTest
class CorridorIncidentsTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicRecord record;

    Api api;
    World w;
    Api observer;
    Api observer2;
    Instant now;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        w = HumanitarianTestSupport.world(api);
        observer = api.asDemo("observer");
        observer2 = api.asDemo("observer2");
        // monitoring: only the observers who serve a process report in it; its mediator adds them
        for (String who : new String[]{"observer", "observer2"}) {
            check(w.mediator().post(monitoring() + "/observers", "{\"email\":\"" + who + "@demo.parley\"}"), 201);
        }
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void onlyVerifiedEventsNearTheRouteDuringTheWindowCountAndNeedAnOverride() {
        // The route: Orikhiv – Zaporizhzhia through Komyshuvakha, open for the last eight hours.
        String corridor = """
                {"purpose":"EVACUATION","fromName":"Orikhiv","toName":"Zaporizhzhia","windowStart":"%s","windowEnd":"%s","bufferMetres":3000,
                 "path":[{"latitude":47.567,"longitude":35.785},{"latitude":47.700,"longitude":35.520},{"latitude":47.838,"longitude":35.139}]}"""
                .formatted(now.minus(8, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
        var created = check(w.delegateA().post(w.base() + "/corridors", corridor), 201).json();
        long id = created.path("id").asLong();
        String path = w.base() + "/corridors/" + id;
        assertThat(created.path("verifiedIncidents").asInt()).isZero();
        assertThat(created.path("path").size()).isEqualTo(3);
        assertThat(created.path("fromLat").asDouble()).isEqualTo(47.567);
        assertThat(created.path("toLon").asDouble()).isEqualTo(35.139);
        assertThat(created.path("bufferMetres").asInt()).isEqualTo(3000);

        // Verified, 1.1 km off the middle of the route, during the window: counts.
        long near = verifiedEvent(47.71, 35.52, now.minus(4, ChronoUnit.HOURS));
        // Verified but 20 km off the route; verified on the route but before the window; corroborated only: none counts.
        verifiedEvent(47.88, 35.78, now.minus(4, ChronoUnit.HOURS));
        verifiedEvent(47.64, 35.64, now.minus(10, ChronoUnit.HOURS));
        corroboratedEvent(47.769, 35.33, now.minus(3, ChronoUnit.HOURS));

        JsonNode c = check(api.get(path), 200).json();
        assertThat(c.path("verifiedIncidents").asInt()).isEqualTo(1);
        assertThat(c.path("incidents").get(0).path("eventId").asLong()).isEqualTo(near);
        assertThat(c.path("incidents").get(0).path("category").asString()).isEqualTo("SHELLING");
        assertThat(c.path("incidents").get(0).path("distanceMetres").asLong()).isBetween(900L, 1300L);
        // The list counts them too.
        for (JsonNode listed : check(api.get(w.base() + "/corridors"), 200).json()) {
            if (listed.path("id").asLong() == id) {
                assertThat(listed.path("verifiedIncidents").asInt()).isEqualTo(1);
            }
        }

        // Successful without an override: refused, nothing changed.
        var refused = check(w.agency().post(path + "/outcome", "{\"outcome\":\"SUCCESSFUL\",\"reason\":\"All buses arrived\"}"), 409);
        assertThat(refused.body()).contains("1 verified incidents").contains("override");
        assertThat(check(api.get(path), 200).json().path("outcome").asString()).isEqualTo("UNKNOWN");
        // An override still needs its reason.
        assertThat(check(w.agency().post(path + "/outcome", "{\"outcome\":\"SUCCESSFUL\",\"reason\":\"\",\"override\":true}"), 400)
                .fieldError("reason")).isNotNull();
        // Unsuccessful needs no override.
        check(w.agency().post(path + "/outcome", "{\"outcome\":\"DISPUTED\",\"reason\":\"Parties disagree on who fired\"}"), 200);
        var done = check(w.agency().post(path + "/outcome", """
                {"outcome":"SUCCESSFUL","reason":"The shelling was 1 km off the road after the last bus had passed","override":true}"""), 200).json();
        assertThat(done.path("outcome").asString()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("outcomeOverride").asBoolean()).isTrue();
        var entry = record.entriesAbout("corridor/" + id).getLast();
        assertThat(entry.type()).isEqualTo("corridor.outcome");
        assertThat(entry.json()).contains("\"override\":true", "\"verifiedIncidents\":1", "\"incidentEvents\":[" + near + "]")
                .doesNotContain("last bus");
    }

    @Test
    void aRouteIsCheckedOnlyWithCoordinatesAndBadRoutesAreRefused() {
        String window = "\"windowStart\":\"%s\",\"windowEnd\":\"%s\"".formatted(now.minus(2, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS));
        var noCoordinates = check(w.delegateA().post(w.base() + "/corridors", """
                {"purpose":"AID","fromName":"Kupiansk","toName":"Kharkiv",%s}""".formatted(window)), 201).json();
        assertThat(noCoordinates.path("verifiedIncidents").isNumber()).isFalse();
        assertThat(noCoordinates.path("path").size()).isZero();
        // Without a check, the outcome is taken as given, with its reason.
        check(w.agency().post(w.base() + "/corridors/" + noCoordinates.path("id").asLong() + "/outcome",
                "{\"outcome\":\"SUCCESSFUL\",\"reason\":\"Reported by the convoy leader\"}"), 200);

        var bad = check(w.delegateA().post(w.base() + "/corridors", """
                {"purpose":"AID","fromName":"A","toName":"B",%s,"bufferMetres":50,"path":[{"latitude":95,"longitude":35},{"latitude":47,"longitude":35}]}"""
                .formatted(window)), 400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.fieldError("path[0]")).isEqualTo("Point 1 of the route is not a valid coordinate.");
        assertThat(bad.fieldError("bufferMetres")).isEqualTo("The buffer must be between 100 and 100,000 metres.");
        assertThat(check(w.delegateA().post(w.base() + "/corridors", """
                {"purpose":"AID","fromName":"A","toName":"B",%s,"path":[{"latitude":47,"longitude":35}]}""".formatted(window)), 400)
                .fieldError("path")).isEqualTo("A route needs at least two points.");
    }

    /** Two observers report the same shelling; the mediator verifies the event. */
    private long verifiedEvent(double lat, double lon, Instant at) {
        long event = corroboratedEvent(lat, lon, at);
        check(w.mediator().post(monitoring() + "/events/" + event + "/decision", """
                {"state":"VERIFIED","reason":"Craters measured by two patrols"}"""), 200);
        return event;
    }

    private long corroboratedEvent(double lat, double lon, Instant at) {
        long event = check(observer.post(monitoring() + "/reports", report(at, lat, lon)), 201).json().path("eventId").asLong();
        long same = check(observer2.post(monitoring() + "/reports", report(at.plus(5, ChronoUnit.MINUTES), lat + 0.002, lon)), 201).json()
                .path("eventId").asLong();
        assertThat(same).isEqualTo(event);
        return event;
    }

    private String monitoring() {
        return "/api/v1/processes/" + w.process().id() + "/monitoring";
    }

    private static String report(Instant at, double lat, double lon) {
        return """
                {"clientId":"%s","observedFrom":"%s","latitude":%s,"longitude":%s,"precisionM":100,"category":"SHELLING","quantity":3,
                 "description":"Impacts heard and seen from the post","language":"en","confidence":"HIGH"}"""
                .formatted(UUID.randomUUID(), at, lat, lon);
    }
}
