package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.monitoring.MonitoringApiTest.base;
import static org.parley.monitoring.MonitoringApiTest.report;
import static org.parley.monitoring.MonitoringApiTest.serve;
import static org.parley.monitoring.MonitoringApiTest.uid;
import static org.parley.support.Fixtures.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.Fixtures.SmallProcess;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a process's mediators set for monitoring, over the API and the settings page: categories added at run
 * time (used by grouping, ceasefires, filters, imports and exports), the observers who serve the process (and only
 * they act in it), the grouping distance and window, and the spike factor.
 */
@ParleyTest
class MonitoringSettingsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublicRecord record;

    Api api;
    Api mediator;
    Api observer;
    Api observer2;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
        observer = api.asDemo("observer");
        observer2 = api.asDemo("observer2");
    }

    Instant minutesAgo(int m) {
        return Instant.now().minus(m, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    static final String SNIPER = """
            {"nameEn":"Sniper fire","nameUk":"Снайперський вогонь","nameRu":"Снайперский огонь","group":"SMALL_ARMS","kinetic":true,
             "acledEventType":"Battles","acledSubEventType":"Armed clash"}""";

    @Test
    void aCategoryAddedByAMediatorIsUsedByGroupingCeasefiresFiltersImportsAndExports() throws Exception {
        SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String url = base(p.id()) + "/categories";

        // Only the process's mediators add categories; every name is needed, the ACLED pair must be ACLED's, a code is taken once.
        assertThat(observer.post(url, SNIPER).status()).isEqualTo(403);
        var noNames = mediator.post(url, """
                {"nameEn":"Sniper fire","group":"SMALL_ARMS","kinetic":true}""");
        assertThat(noNames.status()).isEqualTo(400);
        assertThat(noNames.fieldError("nameUk")).isEqualTo("Give the category’s name in this language.");
        assertThat(noNames.fieldError("nameRu")).isNotNull();
        assertThat(mediator.post(url, SNIPER.replace("Armed clash", "Tea party")).fieldError("acledSubEventType"))
                .isEqualTo("Choose an ACLED event type and sub-event type from the list.");
        assertThat(mediator.post(url, """
                {"nameEn":"Shelling","nameUk":"Обстріл","nameRu":"Обстрел","group":"FIRE","kinetic":true}""").fieldError("nameEn"))
                .isEqualTo("There already is a category “SHELLING” in this process.");
        assertThat(mediator.post(url, """
                {"nameEn":"Sniper fire","nameUk":"с","nameRu":"с","group":"small arms!","kinetic":null}""").fieldError("kinetic")).isNotNull();

        JsonNode added = check(mediator.post(url, SNIPER), 201).json();
        assertThat(added.path("code").asString()).isEqualTo("SNIPER_FIRE");
        assertThat(added.path("builtin").asBoolean()).isFalse();
        assertThat(mediator.post(url, SNIPER).status()).isEqualTo(400);
        JsonNode listUk = check(api.inLanguage("uk").get(url), 200).json();
        assertThat(listUk.findValuesAsString("code")).contains("SHELLING", "SNIPER_FIRE");
        assertThat(listUk.valueStream().filter(c -> c.path("code").asString().equals("SNIPER_FIRE")).findFirst().orElseThrow()
                .path("name").asString()).isEqualTo("Снайперський вогонь");
        assertThat(record.entriesAbout("monitoring-category/" + p.id() + "/SNIPER_FIRE")).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("\"group\":\"SMALL_ARMS\"", "Снайперський вогонь"));

        // Another process does not know it.
        SmallProcess other = Fixtures.smallProcess(mediator, "2026-01-15");
        serve(mediator, other.id(), "observer");
        assertThat(observer.post(base(other.id()) + "/reports", report(null, minutesAgo(30), 48.2, 37.6, "SNIPER_FIRE"))
                .fieldError("category")).isEqualTo("Unknown category: “SNIPER_FIRE”.");

        // A general ceasefire (every use of force) covers it; a report of it groups with small-arms fire, not with troop movements.
        check(mediator.post(base(p.id()) + "/ceasefires", """
                {"name":"General ceasefire","startsAt":"%s","geography":"COUNTRY","allKinetic":true}""".formatted(minutesAgo(24 * 60))), 201);
        long event = check(observer.post(base(p.id()) + "/reports", report(uid("sn"), minutesAgo(60), 48.2000, 37.6000, "sniper fire")), 201)
                .json().path("eventId").asLong();
        assertThat(check(observer2.post(base(p.id()) + "/reports", report(uid("sa"), minutesAgo(55), 48.2040, 37.6000, "SMALL_ARMS_FIRE")), 201)
                .json().path("eventId").asLong()).isEqualTo(event);
        assertThat(check(observer2.post(base(p.id()) + "/reports", report(uid("tm"), minutesAgo(55), 48.2040, 37.6000, "TROOP_MOVEMENT")), 201)
                .json().path("eventId").asLong()).isNotEqualTo(event);
        JsonNode corroborated = check(observer.get(base(p.id()) + "/events/" + event), 200).json().path("event");
        assertThat(corroborated.path("state").asString()).isEqualTo("CORROBORATED");
        assertThat(corroborated.path("category").asString()).isEqualTo("SNIPER_FIRE");
        check(observer.post(base(p.id()) + "/events/" + event + "/decision", """
                {"state":"VERIFIED","reason":"Two patrols heard the shots from the tree line","attributedPartyId":%d}""".formatted(p.partyA())), 200);
        assertThat(check(api.get(base(p.id()) + "/events/" + event), 200).json().path("violations").findValuesAsString("name"))
                .containsExactly("General ceasefire");

        // Filters take it by code or by name as typed; exports carry its code, its name and its ACLED types.
        assertThat(check(api.get(base(p.id()) + "/events?category=Sniper%20fire"), 200).json().findValues("id").stream()
                .map(JsonNode::asLong).toList()).containsExactly(event);
        assertThat(check(api.get(base(p.id()) + "/events?category=SHELLING"), 200).json()).isEmpty();
        assertThat(check(api.get(base(p.id()) + "/export/events-acled.csv"), 200).body()).contains("Battles,Armed clash");
        JsonNode geo = check(api.inLanguage("ru").get(base(p.id()) + "/export/events.geojson"), 200).json();
        assertThat(geo.path("features").get(0).path("properties").path("categoryName").asString()).isEqualTo("Снайперский огонь");

        // ACLED rows of its event type import into it (in this process only).
        String acled = """
                event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,fatalities
                UKR9001,2024-03-01,Battles,Armed clash,A,48.3,37.9,0
                UKR9002,2024-03-01,Explosions/Remote violence,Shelling/artillery/missile attack,A,48.3,37.9,1
                """;
        for (SmallProcess target : new SmallProcess[]{p, other}) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + base(target.id())
                            + "/imports?format=ACLED")).header("Content-Type", "text/csv").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token("observer")).POST(HttpRequest.BodyPublishers.ofString(acled)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(201);
        }
        assertThat(jdbc.sql("SELECT category FROM monitoring_outside_report WHERE process_id = ? ORDER BY external_id").param(p.id())
                .query(String.class).list()).containsExactly("SNIPER_FIRE", "SHELLING");
        assertThat(jdbc.sql("SELECT category FROM monitoring_outside_report WHERE process_id = ? ORDER BY external_id").param(other.id())
                .query(String.class).list()).containsExactly("SMALL_ARMS_FIRE", "SHELLING");
    }

    private String token(String who) {
        return api.post("/api/v1/auth/token", "{\"username\":\"" + who + "@demo.parley\",\"password\":\"" + ParleyTest.DEMO_PASSWORD + "\"}")
                .json().path("accessToken").asString();
    }

    @Test
    void onlyObserversServingTheProcessActInItAndSeeWhatIsNotVerified() {
        SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-15");
        serve(mediator, p.id(), "observer");
        String b = base(p.id());

        // An observer who does not serve the process files nothing there and sees verified events only.
        var refused = observer2.post(b + "/reports", report(uid("x"), minutesAgo(30), 48.5, 35.0, "SHELLING"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).isEqualTo("Only observers serving this process may do this. "
                + "Its mediators add observers on the monitoring settings page.");
        JsonNode mine = check(observer.post(b + "/reports", report(uid("o"), minutesAgo(30), 48.5, 35.0, "SHELLING")), 201).json();
        assertThat(mine.path("team").asString()).isEqualTo("Team observer");
        long event = mine.path("eventId").asLong();
        assertThat(observer2.get(b + "/events/" + event).status()).isEqualTo(404);
        assertThat(check(observer2.get(b + "/events"), 200).json()).isEmpty();
        assertThat(observer2.get(b + "/reports").status()).isEqualTo(403);
        assertThat(observer2.post(b + "/events/" + event + "/decision", "{\"state\":\"REFUTED\",\"reason\":\"no\"}").status()).isEqualTo(403);
        assertThat(observer2.post(b + "/withdrawal/sightings", """
                {"weaponClass":"MLRS","count":1,"latitude":48.5,"longitude":35.0,"observedAt":"%s"}""".formatted(minutesAgo(5))).status())
                .isEqualTo(403);

        // Who serves: for the mediators and the observers serving; on the record by account and team, not by name.
        JsonNode members = check(mediator.get(b + "/observers"), 200).json();
        assertThat(members.findValuesAsString("email")).containsExactly("observer@demo.parley");
        assertThat(check(observer.get(b + "/observers"), 200).json()).hasSize(1);
        assertThat(observer2.get(b + "/observers").status()).isEqualTo(403);
        assertThat(api.asDemo("delegate.ua").get(b + "/observers").status()).isEqualTo(403);
        long observerId = members.get(0).path("accountId").asLong();
        assertThat(record.entriesAbout("account/" + observerId)).anySatisfy(e -> assertThat(e.json())
                .contains("\"team\":\"Team observer\"").doesNotContain("observer@demo.parley", "Monitoring mission observer"));

        // Only accounts of observers can serve; only mediators add or remove them.
        assertThat(mediator.post(b + "/observers", "{\"email\":\"delegate.ua@demo.parley\"}").fieldError("email"))
                .isEqualTo("This account is not an observer’s.");
        assertThat(mediator.post(b + "/observers", "{\"email\":\"nobody@nowhere.test\"}").fieldError("email")).isEqualTo("Choose an observer’s account.");
        assertThat(observer.post(b + "/observers", "{\"email\":\"observer2@demo.parley\"}").status()).isEqualTo(403);

        // Removed, the observer acts no more; their report stays.
        assertThat(mediator.send("DELETE", b + "/observers/" + observerId, null).status()).isEqualTo(204);
        assertThat(mediator.send("DELETE", b + "/observers/" + observerId, null).status()).isEqualTo(404);
        assertThat(observer.post(b + "/reports", report(uid("late"), minutesAgo(20), 48.5, 35.0, "SHELLING")).status()).isEqualTo(403);
        assertThat(check(mediator.get(b + "/reports/" + mine.path("id").asLong()), 200).json().path("authorName").asString())
                .isEqualTo("Monitoring mission observer");
    }

    @Test
    void theMediatorsSetTheGroupingDistanceAndWindowAndRegroupTheOpenEvents() {
        SmallProcess p = MonitoringApiTest.servedProcess(mediator);
        String b = base(p.id());
        JsonNode defaults = check(api.get(b + "/settings"), 200).json();
        assertThat(defaults.path("groupKm").asDouble()).isEqualTo(2.0);
        assertThat(defaults.path("groupMinutes").asInt()).isEqualTo(30);
        assertThat(defaults.path("spikeFactor").asDouble()).isEqualTo(2.0);

        // 3.3 km apart: two events by the default 2 km.
        long e1 = check(observer.post(b + "/reports", report(uid("g"), minutesAgo(80), 47.00, 33.00, "SHELLING")), 201).json().path("eventId").asLong();
        long e2 = check(observer2.post(b + "/reports", report(uid("g"), minutesAgo(75), 47.03, 33.00, "SHELLING")), 201).json().path("eventId").asLong();
        assertThat(e2).isNotEqualTo(e1);

        var bad = mediator.put(b + "/settings", "{\"groupKm\":0,\"groupMinutes\":5000,\"spikeFactor\":0.5}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldError("groupKm")).isEqualTo("Give a distance above 0 and up to 50 km.");
        assertThat(bad.fieldError("groupMinutes")).isEqualTo("Give a whole number of minutes from 1 to 1440.");
        assertThat(bad.fieldError("spikeFactor")).isEqualTo("Give a factor from 1 to 100.");
        assertThat(observer.put(b + "/settings", "{\"groupKm\":5,\"groupMinutes\":30,\"spikeFactor\":2}").status()).isEqualTo(403);
        check(mediator.put(b + "/settings", "{\"groupKm\":5,\"groupMinutes\":45,\"spikeFactor\":3}"), 200);
        assertThat(check(api.get(b + "/settings"), 200).json().path("groupKm").asDouble()).isEqualTo(5.0);
        assertThat(check(api.get(b + "/dashboard"), 200).json().path("spikeFactor").asDouble()).isEqualTo(3.0);
        assertThat(record.entriesAbout("process/" + p.id())).anySatisfy(e -> assertThat(e.type()).isEqualTo("monitoring.settings_changed"));

        // A new report 5.5 km from the first joins the second by the new distance; regrouping joins the first two events.
        long e3 = check(observer.post(b + "/reports", report(uid("g"), minutesAgo(70), 47.05, 33.00, "SHELLING")), 201).json().path("eventId").asLong();
        assertThat(e3).isIn(e1, e2);
        JsonNode regrouped = check(mediator.post(b + "/regroup", "{\"reason\":\"Wider settings for the southern sector\"}"), 200).json();
        assertThat(regrouped.path("eventsAfter").asInt()).isEqualTo(1);
        JsonNode events = check(observer.get(b + "/events"), 200).json();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("reports").asInt()).isEqualTo(3);
        assertThat(events.get(0).path("state").asString()).isEqualTo("CORROBORATED");
    }

    @Test
    void theSettingsPageAddsObserversAndCategoriesAndKeepsWhatWasTypedWhenSomethingIsWrong() {
        SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-15");
        String m = "/processes/" + p.id() + "/monitoring";
        Web web = new Web(port, "en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD);
        Page page = web.get(m + "/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("No observer serves this process yet.", "data-code=\"SHELLING\"", "Second monitoring mission observer");
        assertThat(web.get(m).body()).contains("id=\"settings-link\"");

        long observer2Id = jdbc.sql("SELECT id FROM account WHERE email = 'observer2@demo.parley'").query(Long.class).single();
        Page none = web.post(m + "/settings", m + "/observers", "accountId", "", "team", "Team North");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Choose an observer’s account.", "Team North");
        assertThat(web.post(m + "/settings", m + "/observers", "accountId", String.valueOf(observer2Id), "team", "Team North").status()).isEqualTo(302);
        assertThat(web.get(m + "/settings").body()).contains("data-account-id=\"" + observer2Id + "\"", "Team North", "The observer serves this process now.");
        Web observerWeb = new Web(port, "en").signIn("observer2@demo.parley", ParleyTest.DEMO_PASSWORD);
        assertThat(observerWeb.get(m + "/reports/new").status()).isEqualTo(200);
        assertThat(new Web(port, "en").signIn("observer@demo.parley", ParleyTest.DEMO_PASSWORD).get(m + "/reports/new").status()).isEqualTo(403);
        assertThat(observerWeb.get(m + "/settings").status()).isEqualTo(403);

        Page badCategory = web.post(m + "/settings", m + "/categories", "nameEn", "Cyber attack on the grid", "nameUk", "", "nameRu", "Кибератака",
                "group", "FIRE", "newGroup", "cyber", "acled", "");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.body()).contains("Give the category’s name in this language.", "Cyber attack on the grid", "Кибератака");
        Page added = web.post(m + "/settings", m + "/categories", "nameEn", "Cyber attack on the grid", "nameUk", "Кібератака на мережу",
                "nameRu", "Кибератака на сеть", "group", "FIRE", "newGroup", "cyber", "acled", "");
        assertThat(added.status()).isEqualTo(302);
        assertThat(web.get(m + "/settings").body()).contains("data-code=\"CYBER_ATTACK_ON_THE_GRID\"", "The category is added.");
        assertThat(new Web(port, "uk").signIn("observer2@demo.parley", ParleyTest.DEMO_PASSWORD).get(m + "/reports/new").body())
                .contains("value=\"CYBER_ATTACK_ON_THE_GRID\"", "Кібератака на мережу");

        Page badSettings = web.post(m + "/settings", m + "/settings", "groupKm", "0", "groupMinutes", "30", "spikeFactor", "2");
        assertThat(badSettings.status()).isEqualTo(400);
        assertThat(badSettings.body()).contains("Give a distance above 0 and up to 50 km.");
        assertThat(web.post(m + "/settings", m + "/settings", "groupKm", "3.5", "groupMinutes", "40", "spikeFactor", "2.5").status()).isEqualTo(302);
        assertThat(check(api.get(base(p.id()) + "/settings"), 200).json().path("groupMinutes").asInt()).isEqualTo(40);
        Page noReason = web.post(m + "/settings", m + "/settings/regroup", "reason", "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason.");
        assertThat(web.post(m + "/settings", m + "/settings/regroup", "reason", "New settings").status()).isEqualTo(302);
        assertThat(web.get(m + "/settings").body()).contains("Reports regrouped: 0; open events before: 0, after: 0.");

        assertThat(web.post(m + "/settings", m + "/observers/" + observer2Id + "/remove").status()).isEqualTo(302);
        assertThat(observerWeb.get(m + "/reports/new").status()).isEqualTo(403);
    }
}
