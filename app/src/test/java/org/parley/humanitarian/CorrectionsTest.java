package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.humanitarian.HumanitarianTestSupport.World;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Needs, activities and deliveries are corrected through the API; the gaps follow, and bad corrections change nothing. */
@ParleyTest
class CorrectionsTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicRecord record;

    Api api;
    World w;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        w = HumanitarianTestSupport.world(api);
    }

    @Test
    void needsAndActivitiesAreCorrectedAndRemovedAndTheGapsFollow() {
        long need = check(w.agency().post(w.base() + "/needs", need("UA14", 1_000)), 201).json().path("id").asLong();
        long activity = check(w.agency().post(w.base() + "/activities", activity("UA14", 300)), 201).json().path("value").path("id").asLong();
        assertThat(gap("UA14").path("coverage").asInt()).isEqualTo(30);

        // A new assessment: more people in need, in a raion of the oblast.
        var changed = check(w.agency().put(w.base() + "/needs/" + need, need("UA1412", 1_500)), 200).json();
        assertThat(changed.path("areaPcode").asString()).isEqualTo("UA1412");
        assertThat(gap("UA14").path("peopleInNeed").asLong()).isEqualTo(1_500);
        // The activity reached fewer than reported, and moves with its totals.
        var corrected = check(w.agency().put(w.base() + "/activities/" + activity, activity("UA1412", 240)), 200).json();
        assertThat(corrected.path("value").path("peopleReached").asLong()).isEqualTo(240);
        assertThat(gap("UA14").path("peopleReached").asLong()).isEqualTo(240);
        assertThat(gap("UA14").path("coverage").asInt()).isEqualTo(16);

        // Bad corrections are refused field by field, and change nothing.
        var bad = check(w.agency().put(w.base() + "/activities/" + activity, activity("UA99", -1)), 400);
        assertThat(bad.fieldError("areaPcode")).isEqualTo("Unknown P-code “UA99”.");
        assertThat(bad.fieldError("peopleReached")).isEqualTo("This cannot be negative.");
        assertThat(check(api.get(w.base() + "/activities/" + activity), 200).json().path("peopleReached").asLong()).isEqualTo(240);
        assertThat(check(w.agency().put(w.base() + "/needs/" + need, need("UA1412", -5)), 400).fieldError("peopleInNeed"))
                .isEqualTo("This cannot be negative.");
        // Only agencies and mediators correct; other processes' records are not found.
        assertThat(w.delegateA().put(w.base() + "/activities/" + activity, activity("UA14", 1)).status()).isEqualTo(403);
        assertThat(api.send("DELETE", w.base() + "/needs/" + need, null).status()).isEqualTo(401);
        World other = HumanitarianTestSupport.world(api);
        assertThat(other.agency().put(other.base() + "/activities/" + activity, activity("UA14", 1)).status()).isEqualTo(404);

        assertThat(w.agency().send("DELETE", w.base() + "/activities/" + activity, null).status()).isEqualTo(204);
        assertThat(w.agency().send("DELETE", w.base() + "/needs/" + need, null).status()).isEqualTo(204);
        assertThat(check(api.get(w.base() + "/gaps"), 200).json().path("byAreaAndSector").size()).isZero();
        assertThat(api.get(w.base() + "/activities/" + activity).status()).isEqualTo(404);
    }

    @Test
    void aChangedPlanIsAcknowledgedAgainAndADeliveredConvoyIsCorrectedOnTheRecord() {
        Instant dep = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long id = check(w.agency().post(w.base() + "/deliveries", delivery(dep, "Dnipro – Kharkiv (M-18)", "120")), 201).json().path("id").asLong();
        String path = w.base() + "/deliveries/" + id;
        check(w.agency().post(path + "/notify", "{\"partyIds\":[%d,%d]}".formatted(w.process().partyA(), w.process().partyB())), 200);
        check(w.delegateA().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200);
        assertThat(check(w.delegateB().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200).json().path("status").asString())
                .isEqualTo("DECONFLICTED");

        // The route changes: the parties' acknowledgements were for the old one.
        var change = "{\"reason\":\"The M-18 bridge is down\",\"plan\":%s}".formatted(delivery(dep, "Dnipro – Krasnohrad – Kharkiv (H-31)", "150"));
        assertThat(check(w.agency().put(path, "{\"reason\":\" \",\"plan\":%s}".formatted(delivery(dep, "x", "1"))), 400).fieldError("reason"))
                .isNotNull();
        assertThat(check(w.agency().put(path, "{\"reason\":\"r\",\"plan\":%s}".formatted(delivery(dep, "x", "-1"))), 400)
                .fieldError("cargo[0].quantity")).isEqualTo("The quantity must be more than zero.");
        JsonNode changed = check(w.agency().put(path, change), 200).json();
        assertThat(changed.path("status").asString()).isEqualTo("NOTIFIED");
        assertThat(changed.path("route").asString()).isEqualTo("Dnipro – Krasnohrad – Kharkiv (H-31)");
        assertThat(changed.path("cargo").get(0).path("quantity").decimalValue()).isEqualByComparingTo("150");
        assertThat(changed.path("parties").findValues("acknowledgedAt")).isEmpty();
        assertThat(changed.path("history").get(changed.path("history").size() - 1).path("note").asString()).isEqualTo("The M-18 bridge is down");
        check(w.delegateA().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200);
        check(w.delegateB().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200);
        check(w.agency().post(path + "/status", "{\"status\":\"UNDER_WAY\"}"), 200);
        // Under way, the plan no longer changes; not delivered, nothing to correct.
        assertThat(w.agency().put(path, change).status()).isEqualTo(409);
        assertThat(w.agency().post(path + "/correction", "{\"peopleReached\":5,\"reason\":\"r\"}").status()).isEqualTo(409);
        check(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":6500}"), 200);
        assertThat(gap("UA63").path("peopleReached").asLong()).isEqualTo(6_500);

        // The count was double: corrected, the gap follows, the record says so (not why, which is only hashed).
        assertThat(check(w.agency().post(path + "/correction", "{\"peopleReached\":-1,\"reason\":\"r\"}"), 400).fieldError("peopleReached"))
                .isEqualTo("This cannot be negative.");
        var corrected = check(w.agency().post(path + "/correction", "{\"peopleReached\":3250,\"reason\":\"Families were counted twice\"}"), 200).json();
        assertThat(corrected.path("peopleReached").asLong()).isEqualTo(3_250);
        assertThat(gap("UA63").path("peopleReached").asLong()).isEqualTo(3_250);
        var entries = record.entriesAbout("delivery/" + id);
        assertThat(entries.getLast().type()).isEqualTo("delivery.corrected");
        assertThat(entries.getLast().json()).contains("\"peopleReachedBefore\":6500", "\"peopleReached\":3250").doesNotContain("twice");
        // The activity the delivery made is corrected through the delivery only.
        long made = check(api.get(w.base() + "/activities"), 200).json().get(0).path("id").asLong();
        assertThat(check(w.agency().put(w.base() + "/activities/" + made, activity("UA63", 1)), 409).body()).contains("made by a delivery");
        assertThat(w.agency().send("DELETE", w.base() + "/activities/" + made, null).status()).isEqualTo(409);
    }

    private JsonNode gap(String pcode) {
        for (JsonNode g : check(api.get(w.base() + "/gaps"), 200).json().path("byAreaAndSector")) {
            if (g.path("areaPcode").asString().equals(pcode)) {
                return g;
            }
        }
        throw new AssertionError("no gap row for " + pcode);
    }

    private static String need(String pcode, long inNeed) {
        return """
                {"areaPcode":"%s","sector":"FOOD_SECURITY","peopleInNeed":%d,"peopleTargeted":0,"periodStart":"2026-01-01","periodEnd":"2026-12-31",
                 "source":"Rapid assessment"}""".formatted(pcode, inNeed);
    }

    private String activity(String pcode, long reached) {
        return """
                {"organisationId":%d,"sector":"FOOD_SECURITY","activity":"Food kits","areaPcode":"%s","periodStart":"2026-02-01","periodEnd":"2026-02-28",
                 "peopleReached":%d,"status":"COMPLETED"}""".formatted(w.orgId(), pcode, reached);
    }

    private String delivery(Instant dep, String route, String quantity) {
        return """
                {"organisationId":%d,"title":"Food convoy","sector":"FOOD_SECURITY","origin":"Dnipro","destination":"Kharkiv","destinationPcode":"UA63",
                 "route":"%s","peopleToReach":8000,"plannedDeparture":"%s","plannedArrival":"%s",
                 "cargo":[{"commodity":"Wheat flour","quantity":%s,"unit":"t"}]}"""
                .formatted(w.orgId(), route, dep, dep.plusSeconds(8 * 3600), quantity);
    }
}
