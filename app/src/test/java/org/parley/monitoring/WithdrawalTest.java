package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Withdrawal verification: declared holdings, zones by weapon class, observers' sightings and the discrepancies they reveal. */
@ParleyTest
class WithdrawalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicRecord record;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
    }

    @Test
    void aSightingInsideAZoneOrFewerWeaponsAtADeclaredSiteIsADiscrepancy() {
        long demo = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        String base = "/api/v1/processes/" + demo + "/monitoring/withdrawal";
        Api ua = api.asDemo("delegate.ua");
        Api ru = api.asDemo("delegate.ru");
        Api observer = api.asDemo("observer");
        Api mediator = api.asDemo("mediator");
        String name = "Depot " + java.util.UUID.randomUUID();

        // Ukraine declares 12 MLRS at a storage site 120 km from the line.
        JsonNode site = check(ua.post(base + "/sites", """
                {"name":"%s","weaponClass":"MLRS","declaredCount":12,"latitude":48.45,"longitude":35.05}""".formatted(name)), 201).json();
        long siteId = site.path("id").asLong();
        assertThat(record.entriesAbout("weapon-site/" + siteId)).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("\"declaredCount\":12", "siteSha256").doesNotContain(name, "48.45"));
        // The site is seen by its party, observers and mediators; not by the other party or the public.
        assertThat(check(ua.get(base + "/sites"), 200).body()).contains(name);
        assertThat(check(observer.get(base + "/sites"), 200).body()).contains(name);
        assertThat(check(ru.get(base + "/sites"), 200).body()).doesNotContain(name);
        assertThat(api.get(base + "/sites").status()).isEqualTo(401);
        assertThat(ua.post(base + "/sites", """
                {"name":"x","weaponClass":"NUKES","declaredCount":1,"latitude":48.45,"longitude":35.05}""").status()).isEqualTo(400);
        assertThat(ua.post(base + "/sites", """
                {"name":"x","weaponClass":"MLRS","declaredCount":-1,"latitude":148.45,"longitude":35.05}""").fieldError("latitude")).isNotNull();

        // The mediator sets a 70 km MLRS withdrawal zone along a stretch of the contact line.
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode zone = check(mediator.post(base + "/zones", """
                {"name":"MLRS withdrawal %s","weaponClass":"MLRS","line":[[37.6,49.6],[38.1,48.9],[37.9,48.1],[37.3,47.7]],"startsAt":"%s"}"""
                .formatted(name, start)), 201).json();
        assertThat(zone.path("distanceKm").asDouble()).isEqualTo(70.0);
        assertThat(observer.post(base + "/zones", "{}").status()).isEqualTo(403);

        // Observers: 4 MLRS 30 km from the line (inside), 3 far away (outside), 9 of the 12 at the declared site.
        Instant seen = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode inside = check(observer.post(base + "/sightings", """
                {"weaponClass":"MLRS","count":4,"latitude":48.60,"longitude":37.50,"observedAt":"%s","note":"Four launchers on trucks"}"""
                .formatted(seen)), 201).json();
        assertThat(inside.path("discrepancy").asString()).isEqualTo("IN_RESTRICTED_ZONE");
        assertThat(inside.path("zoneId").asLong()).isPositive(); // this zone, or the demo's own MLRS zone over the same line
        JsonNode outside = check(observer.post(base + "/sightings", """
                {"weaponClass":"MLRS","count":3,"latitude":49.00,"longitude":32.00,"observedAt":"%s"}""".formatted(seen)), 201).json();
        assertThat(outside.path("discrepancy").isMissingNode() || outside.path("discrepancy").isNull()).isTrue();
        JsonNode tanks = check(observer.post(base + "/sightings", """
                {"weaponClass":"TANKS","count":3,"latitude":48.60,"longitude":37.50,"observedAt":"%s"}""".formatted(seen)), 201).json();
        assertThat(tanks.path("discrepancy").isMissingNode() || tanks.path("discrepancy").isNull()).isTrue(); // no tank zone
        JsonNode atSite = check(observer.post(base + "/sightings", """
                {"weaponClass":"MLRS","count":9,"latitude":48.45,"longitude":35.05,"observedAt":"%s","siteId":%d}""".formatted(seen, siteId)), 201).json();
        assertThat(atSite.path("discrepancy").asString()).isEqualTo("MISSING_FROM_SITE");
        assertThat(atSite.path("missing").asInt()).isEqualTo(3);

        JsonNode discrepancies = check(api.get(base + "/discrepancies"), 200).json();
        assertThat(discrepancies.findValues("sightingId").stream().map(JsonNode::asLong).toList())
                .contains(inside.path("id").asLong(), atSite.path("id").asLong())
                .doesNotContain(outside.path("id").asLong(), tanks.path("id").asLong());
        assertThat(discrepancies.toString()).doesNotContain("latitude");
        assertThat(record.entriesAbout("sighting/" + atSite.path("id").asLong())).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("MISSING_FROM_SITE", "\"missing\":3", "\"party\":\"UA\""));

        // Bad sightings; only observers record them.
        assertThat(observer.post(base + "/sightings", """
                {"weaponClass":"TANKS","count":1,"latitude":48.45,"longitude":35.05,"observedAt":"%s","siteId":%d}""".formatted(seen, siteId))
                .fieldError("weaponClass")).isEqualTo("This site holds another weapon class.");
        assertThat(observer.post(base + "/sightings", """
                {"weaponClass":"MLRS","count":1,"latitude":48.45,"longitude":35.05,"observedAt":"%s"}""".formatted(Instant.now().plus(2, ChronoUnit.DAYS)))
                .fieldError("observedAt")).isEqualTo("This time is in the future.");
        assertThat(ua.post(base + "/sightings", "{}").status()).isEqualTo(403);
        assertThat(ua.get(base + "/sightings").status()).isEqualTo(403);
    }
}
