package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring forms that were API-only before: claims and their verification, ceasefires, merge and split,
 * CSV import with its progress page and row errors, withdrawal, spike-alert notifications and the tile server
 * (with its Content-Security-Policy). Over real HTTP, with the messages a user sees when input is wrong.
 */
@ParleyTest
class MonitoringFormsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long demo;

    @BeforeEach
    void demo() {
        demo = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
    }

    private Web as(String who) {
        return new Web(port, "en").signIn(who + "@demo.parley", ParleyTest.DEMO_PASSWORD);
    }

    private static String when(int minutesAgo) {
        return LocalDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void aDelegationFilesAClaimOnTheFormAndOnlyObserversDecisionMakesItPublic() {
        String m = "/processes/" + demo + "/monitoring";
        Web ua = as("delegate.ua");
        Page bad = ua.post(m + "/claims/new", m + "/claims/new", "category", "SHELLING", "observedFrom", when(90), "latitude", "91",
                "longitude", "37.5", "evidence", "Photo IMG_2231.jpg");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Latitude must be between", "Describe what is claimed.", "Photo IMG_2231.jpg");
        assertThat(ua.post(m + "/claims/new", m + "/claims/new", "category", "SHELLING", "observedFrom", "yesterday", "latitude", "48.1",
                "longitude", "37.7", "description", "x").status()).isEqualTo(400);

        String text = "Shelling of the village school, claimed " + System.nanoTime();
        Page ok = ua.post(m + "/claims/new", m + "/claims/new", "category", "SHELLING", "observedFrom", when(90), "latitude", "48.10",
                "longitude", "37.70", "description", text, "evidence", "Photo IMG_2231.jpg");
        assertThat(ok.status()).isEqualTo(302);
        String claimPage = ok.location().replaceFirst("\\?.*$", "");
        assertThat(claimPage).matches(".*/monitoring/claims/\\d+$");
        assertThat(ua.get(claimPage).body()).contains("Your claim is filed", text, "data-status=\"CLAIMED\"").doesNotContain("Record the decision");
        assertThat(new Web(port, "en").get(claimPage).status()).isEqualTo(404);
        assertThat(as("delegate.ru").get(claimPage).status()).isEqualTo(404);
        assertThat(as("delegate.ru").get(m + "/claims/new").status()).isEqualTo(200);
        assertThat(as("observer").get(m + "/claims/new").status()).isEqualTo(403);

        Web observer = as("observer");
        Page noReason = observer.post(claimPage, claimPage + "/decision", "status", "VERIFIED", "reason", "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason.");
        Page wrongEvent = observer.post(claimPage, claimPage + "/decision", "status", "VERIFIED", "reason", "Seen", "eventId", "999999999");
        assertThat(wrongEvent.body()).contains("There is no such event in this process.");
        Page decided = observer.post(claimPage, claimPage + "/decision", "status", "REFUTED", "reason", "No impact found at the school");
        assertThat(decided.status()).isEqualTo(302);
        assertThat(observer.get(claimPage).body()).contains("data-status=\"REFUTED\"", "No impact found at the school");
        assertThat(new Web(port, "uk").get(claimPage).body()).contains(text, "Спростовано");
        Page again = observer.post(m, claimPage + "/decision", "status", "VERIFIED", "reason", "Second thoughts");
        assertThat(again.status()).isIn(400, 403);
    }

    @Test
    void aMediatorDefinesACeasefireOnTheFormWithItsScope() {
        Api mediator = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String m = "/processes/" + p.id() + "/monitoring";
        Web web = as("mediator");
        Page noScope = web.post(m + "/ceasefires/new", m + "/ceasefires/new", "name", "", "startsAt", when(600), "geography", "POLYGON",
                "coordinates", "37.0, 48.0\n38.0, 48.0\n37.0, 48.0");
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.body()).contains("Give the ceasefire a name.", "A polygon needs at least four points", "Choose the categories");
        Page garbled = web.post(m + "/ceasefires/new", m + "/ceasefires/new", "name", "Line truce", "startsAt", when(600),
                "geography", "CONTACT_LINE", "coordinates", "37.0 48.0 12\nnorth", "bufferKm", "10", "categories", "SHELLING");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body()).contains("Give coordinates as [longitude, latitude] pairs", "Line truce");
        Page ok = web.post(m + "/ceasefires/new", m + "/ceasefires/new", "name", "Line truce", "startsAt", when(600),
                "geography", "CONTACT_LINE", "coordinates", "37.6, 49.6\n38.1, 48.9\n37.9, 48.1", "bufferKm", "15",
                "categories", "SHELLING", "categories", "DRONE_STRIKE");
        assertThat(ok.status()).isEqualTo(302);
        JsonNode list = check(Api.at(port).get("/api/v1/processes/" + p.id() + "/monitoring/ceasefires"), 200).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("geography").asString()).isEqualTo("CONTACT_LINE");
        assertThat(list.get(0).path("bufferKm").asDouble()).isEqualTo(15.0);
        assertThat(list.get(0).path("categories").toString()).contains("SHELLING", "DRONE_STRIKE");
        assertThat(web.get(m).body()).contains("Line truce", "The ceasefire is defined");
        assertThat(as("observer").get(m + "/ceasefires/new").status()).isEqualTo(403);
    }

    @Test
    void observersMergeAndSplitEventsOnTheEventPage() {
        Api mediator = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String api = "/api/v1/processes/" + p.id() + "/monitoring";
        Instant t = Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Api observer = Api.at(port).asDemo("observer");
        Api observer2 = Api.at(port).asDemo("observer2");
        long a = check(observer.post(api + "/reports", MonitoringApiTest.report(MonitoringApiTest.uid("m"), t, 48.5, 37.0, "SHELLING")), 201)
                .json().path("eventId").asLong();
        JsonNode second = check(observer2.post(api + "/reports", MonitoringApiTest.report(MonitoringApiTest.uid("m"), t.plusSeconds(60), 48.9, 37.9,
                "SHELLING")), 201).json();
        long b = second.path("eventId").asLong();
        assertThat(a).isNotEqualTo(b);

        String m = "/processes/" + p.id() + "/monitoring";
        Web web = as("observer");
        String page = m + "/events/" + a;
        assertThat(web.get(page).body()).contains("Merge another event into this one");
        Page unknown = web.post(page, page + "/merge", "otherEventId", "999999999", "reason", "Same impact");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no such event in this process.");
        Page noReason = web.post(page, page + "/merge", "otherEventId", String.valueOf(b), "reason", " ");
        assertThat(noReason.body()).contains("Give the reason.");
        Page merged = web.post(page, page + "/merge", "otherEventId", String.valueOf(b), "reason", "One impact seen from two posts");
        assertThat(merged.status()).isEqualTo(302);
        JsonNode event = check(mediator.get(api + "/events/" + a), 200).json().path("event");
        assertThat(event.path("reports").asInt()).isEqualTo(2);
        assertThat(event.path("observers").asInt()).isEqualTo(2);
        assertThat(event.path("state").asString()).isEqualTo("CORROBORATED");
        assertThat(web.get(merged.location()).body()).contains("The events are merged.", "Move reports into a new event");

        Page none = web.post(page, page + "/split", "reason", "Two impacts after all");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Choose some, but not all, of this event");
        Page split = web.post(page, page + "/split", "reportIds", second.path("id").asString(), "reason", "Two impacts after all");
        assertThat(split.status()).isEqualTo(302);
        long newEvent = Long.parseLong(split.location().replaceFirst("^.*/events/(\\d+).*$", "$1"));
        assertThat(check(mediator.get(api + "/events/" + newEvent), 200).json().path("event").path("reports").asInt()).isEqualTo(1);
        assertThat(check(mediator.get(api + "/events/" + a), 200).json().path("event").path("state").asString()).isEqualTo("REPORTED");
        assertThat(as("delegate.ua").post(m, page + "/merge", "otherEventId", String.valueOf(newEvent), "reason", "x").status()).isEqualTo(403);
    }

    @Test
    void anObserverAmendsTheirOwnReportAndAttachesAFileOnTheEventPageButNotOthers() {
        Api mediator = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String api = "/api/v1/processes/" + p.id() + "/monitoring";
        Instant t = Instant.now().minus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        JsonNode report = check(Api.at(port).asDemo("observer").post(api + "/reports", MonitoringApiTest.report(MonitoringApiTest.uid("e"), t,
                48.1, 37.7, "SHELLING")), 201).json();
        long rid = report.path("id").asLong();
        String m = "/processes/" + p.id() + "/monitoring";
        String eventPage = m + "/events/" + report.path("eventId").asLong();
        String edit = m + "/reports/" + rid + "/edit";
        Web observer = as("observer");
        Web observer2 = as("observer2");
        assertThat(observer.get(eventPage).body()).contains("href=\"" + edit + "\"", "Attach a file");
        assertThat(observer2.get(eventPage).body()).doesNotContain(edit, "Attach a file");
        assertThat(observer2.get(edit).status()).isEqualTo(403);

        assertThat(observer.get(edit).body()).contains("Amend report #" + rid, "Impacts heard and seen from the post");
        Page bad = observer.post(edit, edit, "clientId", report.path("clientId").asString(), "category", "MISSILE_STRIKE", "observedFrom",
                when(40), "latitude", "123", "longitude", "37.7", "description", "Two missiles, not shells");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Latitude must be between", "Two missiles, not shells");
        Page amended = observer.post(edit, edit, "clientId", report.path("clientId").asString(), "category", "MISSILE_STRIKE", "observedFrom",
                when(40), "latitude", "48.1", "longitude", "37.7", "description", "Two missiles, not shells");
        assertThat(amended.status()).isEqualTo(302);
        assertThat(check(mediator.get(api + "/reports/" + rid), 200).json().path("category").asString()).isEqualTo("MISSILE_STRIKE");
        String newEventPage = amended.location().replaceFirst("\\?.*$", "");
        assertThat(observer.get(newEventPage).body()).contains("Your report is amended");

        String attach = m + "/reports/" + rid + "/attachments";
        byte[] photo = "crater photo bytes".getBytes(StandardCharsets.UTF_8);
        Page attached = observer.postFile(newEventPage, attach, "file", "crater.jpg", photo);
        assertThat(attached.status()).isEqualTo(302);
        String withFile = observer.get(newEventPage).body();
        String sha = java.util.HexFormat.of().formatHex(Monitoring.digest(photo));
        assertThat(withFile).contains("crater.jpg", "data-sha256=\"" + sha + "\"", "The file is attached");
        String download = withFile.replaceFirst("(?s).*href=\"(" + java.util.regex.Pattern.quote(attach) + "/\\d+)\".*", "$1");
        assertThat(as("mediator").get(download).body()).isEqualTo("crater photo bytes");
        assertThat(new Web(port, "en").get(download).status()).isIn(302, 401);
        Page tooBig = observer.postFile(newEventPage, attach, "file", "video.mp4", new byte[5 * 1024 * 1024 + 1]);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("The file is too large: at most 5 MB.");
        assertThat(observer2.postFile(newEventPage, attach, "file", "mine.jpg", photo).status()).isEqualTo(403);

        // Once the event is decided, the report is no longer amended.
        long event = Long.parseLong(newEventPage.replaceFirst("^.*/events/(\\d+)$", "$1"));
        check(Api.at(port).asDemo("observer2").post(api + "/events/" + event + "/decision", "{\"state\":\"REFUTED\",\"reason\":\"Exercise\"}"), 200);
        assertThat(observer.get(edit).status()).isEqualTo(409);
        assertThat(observer.get(newEventPage).body()).doesNotContain("Attach a file");
    }

    @Test
    void aFileImportedOnThePageShowsItsProgressAndItsRowErrors() throws Exception {
        Api mediator = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String m = "/processes/" + p.id() + "/monitoring";
        Web web = as("mediator");
        assertThat(web.get(m + "/imports/new").body()).contains("UCDP GED (CSV)");
        Page nothing = web.postFile(m + "/imports/new", m + "/imports/new", "file", "empty.csv", new byte[0], "format", "UCDP_GED");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("Choose a file.");

        String csv = """
                event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities
                UKR1,2024-03-01,Explosions/Remote violence,Shelling/artillery/missile attack,A,B,Donetsk,Bakhmutskyi,Bakhmut,48.59,38.0,1,Src,Shelling,2
                UKR2,2024-03-02,Battles,Armed clash,A,B,Donetsk,Bakhmutskyi,Bakhmut,95.0,38.0,1,Src,Clash,1
                UKR3,not a date,Battles,Armed clash,A,B,Donetsk,Bakhmutskyi,Bakhmut,48.6,38.0,1,Src,Clash,0
                UKR4,2024-03-04,Battles,Armed clash,A,B,Luhansk,Sievierodonetskyi,Lysychansk,48.9,38.4,2,Src,Clash,3
                """;
        Page started = web.postFile(m + "/imports/new", m + "/imports/new", "file", "acled-march.csv", csv.getBytes(StandardCharsets.UTF_8),
                "format", "ACLED");
        assertThat(started.status()).isEqualTo(302);
        String importPage = started.location().replaceFirst("\\?.*$", "");
        assertThat(importPage).matches(".*/monitoring/imports/\\d+$");
        Page progress = null;
        for (int i = 0; i < 100; i++) {
            progress = web.get(importPage + "/progress");
            if (!progress.body().contains("data-status=\"RUNNING\"")) {
                break;
            }
            assertThat(progress.body()).contains("hx-get=", "/progress");
            Thread.sleep(100);
        }
        assertThat(progress.body()).contains("data-status=\"DONE\"").doesNotContain("hx-get=");
        Page done = web.get(importPage);
        assertThat(done.body()).contains("acled-march.csv", "id=\"rows-imported\">2<", "id=\"rows-failed\">2<", "id=\"deaths\">5<",
                "latitude is out of range: 95.0", "event_date is not a date: not a date");
        assertThat(as("delegate.ua").get(importPage).status()).isEqualTo(403);
        long outside = check(mediator.get("/api/v1/processes/" + p.id() + "/monitoring/dashboard"), 200).json().path("outsideReports").asLong();
        assertThat(outside).isEqualTo(2);
        // The mediator sees them on the map as a layer of their own, and counted apart; the public view does not.
        String dashboard = web.get(m).body();
        assertThat(dashboard).contains("data-outside=\"/processes/" + p.id() + "/monitoring/outside.geojson", "id=\"outside-count\">2<",
                "id=\"outside-legend\"");
        JsonNode layer = Api.json().readTree(web.get(m + "/outside.geojson").body());
        assertThat(layer.path("features")).hasSize(2);
        assertThat(layer.path("features").get(0).path("properties").path("outside").asBoolean()).isTrue();
        assertThat(layer.path("features").findValuesAsString("source")).containsOnly("ACLED");
        assertThat(web.get(m + "?view=public").body()).doesNotContain("data-outside=\"/", "outside-count");
        assertThat(new Web(port, "en").get(m).body()).doesNotContain("data-outside=\"/", "outside-count");
        assertThat(as("delegate.ua").get(m + "/outside.geojson").status()).isEqualTo(403);
    }

    @Test
    void withdrawalFormsForEachRoleAndADiscrepancyFromASighting() {
        Api mediatorApi = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediatorApi);
        String m = "/processes/" + p.id() + "/monitoring";
        Web mediator = as("mediator");
        Page page = mediator.get(m + "/withdrawal");
        assertThat(page.body()).contains("Set a withdrawal zone").doesNotContain("Record a sighting of weapons", "Declare a storage site");
        Page badZone = mediator.post(m + "/withdrawal", m + "/withdrawal/zones", "name", "MLRS zone", "weaponClass", "MLRS", "distanceKm", "70",
                "startsAt", when(600), "line", "37.6");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.body()).contains("A contact line needs at least two points.", "MLRS zone");
        Page zone = mediator.post(m + "/withdrawal", m + "/withdrawal/zones", "name", "MLRS zone", "weaponClass", "MLRS", "distanceKm", "70",
                "startsAt", when(600), "line", "37.6, 49.6\n38.1, 48.9\n37.9, 48.1");
        assertThat(zone.status()).isEqualTo(302);

        Web observer = as("observer");
        assertThat(observer.get(m + "/withdrawal").body()).contains("Record a sighting of weapons").doesNotContain("Set a withdrawal zone");
        Page badSighting = observer.post(m + "/withdrawal", m + "/withdrawal/sightings", "weaponClass", "", "count", "-1", "latitude", "48.6",
                "longitude", "37.9", "observedAt", when(30));
        assertThat(badSighting.status()).isEqualTo(400);
        assertThat(badSighting.body()).contains("Choose the weapon class.");
        Page sighting = observer.post(m + "/withdrawal", m + "/withdrawal/sightings", "weaponClass", "MLRS", "count", "3", "latitude", "48.6",
                "longitude", "37.9", "observedAt", when(30));
        assertThat(sighting.status()).isEqualTo(302);
        assertThat(observer.get(m + "/withdrawal").body()).contains("The sighting is recorded as a discrepancy.", "data-kind=\"IN_RESTRICTED_ZONE\"");
        assertThat(new Web(port, "ru").get(m + "/withdrawal").body()).contains("Зоны отвода", "MLRS zone");
        assertThat(as("delegate.ua").post(m + "/withdrawal", m + "/withdrawal/zones", "name", "x").status()).isEqualTo(403);
    }

    @Test
    void theMediatorsAreNotifiedOfASpikeAndMarkItRead() {
        Api mediator = Api.at(port).asDemo("mediator");
        Fixtures.SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String api = "/api/v1/processes/" + p.id() + "/monitoring";
        Api observer = Api.at(port).asDemo("observer");
        Instant t = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) { // three events far apart, no baseline: a spike
            check(observer.post(api + "/reports", MonitoringApiTest.report(MonitoringApiTest.uid("s"), t.plusSeconds(i * 600L), 46.5 + i, 31.0 + i,
                    "SHELLING")), 201);
        }
        String m = "/processes/" + p.id() + "/monitoring";
        Web web = as("mediator");
        assertThat(web.get(m).body()).contains("id=\"unread-alerts\"", "New spike alerts: 1");
        // on every page of the process, in its navigation: the mediators learn of it wherever they are
        assertThat(web.get("/processes/" + p.id() + "/roadmap").body()).contains("id=\"monitoring-unread\"", ">1</span>");
        assertThat(new Web(port, "en").get("/processes/" + p.id() + "/roadmap").body()).doesNotContain("monitoring-unread");
        assertThat(as("delegate.ua").get("/processes/" + p.id() + "/roadmap").body()).doesNotContain("monitoring-unread");
        Page alerts = web.get(m + "/alerts");
        assertThat(alerts.body()).contains("data-read=\"false\"", "3 events in 24 hours against a baseline of 0.0 a day");
        assertThat(web.post(m + "/alerts", m + "/alerts/read").status()).isEqualTo(302);
        assertThat(web.get(m + "/alerts").body()).contains("data-read=\"true\"").doesNotContain("data-read=\"false\"");
        assertThat(web.get(m).body()).doesNotContain("id=\"unread-alerts\"");
        assertThat(web.get("/processes/" + p.id() + "/roadmap").body()).doesNotContain("monitoring-unread");
        assertThat(as("observer2").get(m).body()).contains("New spike alerts: 1");
        assertThat(new Web(port, "en").get(m).body()).doesNotContain("unread-alerts", "Spike alerts for the mediators");
        assertThat(as("delegate.ua").get(m + "/alerts").status()).isEqualTo(403);
    }

    @Test
    void theTileServerInTheSettingsIsAllowedByTheContentSecurityPolicy() {
        String m = "/processes/" + demo + "/monitoring";
        Web web = as("mediator");
        try {
            Page bad = web.post(m + "/settings", m + "/tiles", "tileUrl", "javascript:alert(1)");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("Give an http or https address of a tile server");
            Page ok = web.post(m + "/settings", m + "/tiles", "tileUrl", "https://tiles.example.org:8443/osm/{z}/{x}/{y}.png");
            assertThat(ok.status()).isEqualTo(302);
            java.net.http.HttpResponse<String> r = raw(m);
            assertThat(r.headers().allValues("Content-Security-Policy")).hasSize(1);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("img-src 'self' data: https://tiles.example.org:8443;", "script-src 'self';", "frame-ancestors 'none'");
            assertThat(r.body()).contains("data-tiles=\"https://tiles.example.org:8443/osm/{z}/{x}/{y}.png\"");
            assertThat(as("observer").post(m, m + "/tiles", "tileUrl", "").status()).isEqualTo(403);
        } finally {
            assertThat(web.post(m + "/settings", m + "/tiles", "tileUrl", "").status()).isEqualTo(302);
        }
        java.net.http.HttpResponse<String> after = raw(m);
        assertThat(after.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("img-src 'self' data:;").doesNotContain("example.org");
        assertThat(after.body()).doesNotContain("data-tiles=\"http");
    }

    private java.net.http.HttpResponse<String> raw(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
