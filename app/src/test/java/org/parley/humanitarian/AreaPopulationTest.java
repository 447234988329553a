package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.humanitarian.HumanitarianTestSupport.World;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Population per area: the seeded official figures, a coordinator's figures with their history, and the warning. */
@ParleyTest
class AreaPopulationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    World w;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        w = HumanitarianTestSupport.world(api);
    }

    @Test
    void theSeedIsTheStatisticsServiceTableWithItsSourceAndAddsUpToItsTotal() {
        JsonNode all = check(api.get(w.base() + "/areas/population"), 200).json();
        long admin1 = 0;
        int admin1Areas = 0;
        long ternopilRaions = 0;
        long chernivtsiRaions = 0;
        for (JsonNode p : all) {
            assertThat(p.path("seeded").asBoolean()).isTrue();
            assertThat(p.path("source").asString()).contains("State Statistics Service of Ukraine");
            assertThat(p.path("licence").asString()).isNotBlank();
            assertThat(p.path("sourceUrl").asString()).matches("https?://\\S+");
            String pcode = p.path("areaPcode").asString();
            if (pcode.length() == 4) {
                admin1 += p.path("population").asLong();
                admin1Areas++;
                assertThat(p.path("referenceDate").asString()).isEqualTo("2021-01-01");
            } else if (pcode.startsWith("UA61")) {
                ternopilRaions += p.path("population").asLong();
            } else {
                assertThat(pcode).startsWith("UA73");
                chernivtsiRaions += p.path("population").asLong();
            }
        }
        // 24 oblasts and Kyiv; the table leaves out Crimea and Sevastopol, so they have none.
        assertThat(admin1Areas).isEqualTo(25);
        assertThat(admin1).isEqualTo(41_418_700L);
        // Raions where an official table by the current raions was found; each adds up to its oblast in that table.
        assertThat(ternopilRaions).isEqualTo(1_018_462L);
        assertThat(chernivtsiRaions).isEqualTo(890_500L);
        assertThat(all.findValuesAsString("areaPcode")).doesNotContain("UA01", "UA85");
        JsonNode donetsk = check(api.get(w.base() + "/areas/UA14/population"), 200).json();
        assertThat(donetsk.path("area").path("nameEn").asString()).isEqualTo("Donetsk Oblast");
        assertThat(donetsk.path("current").path("population").asLong()).isEqualTo(4_087_400L);
        assertThat(donetsk.path("current").path("sourceUrl").asString()).isEqualTo("https://ukrstat.gov.ua/imf/arhiv/nas/nas2021_e.htm");
        assertThat(check(api.get(w.base() + "/areas/UA01/population"), 200).json().path("current").isEmpty()).isTrue();
    }

    @Test
    void aCoordinatorsFigureHoldsForTheProcessAndKeepsTheEarlierOnes() {
        String body = """
                {"population":2000,"referenceDate":"2025-06-01","source":"Oblast administration headcount","sourceUrl":"https://example.org/count","licence":"CC BY 4.0"}""";
        JsonNode set = check(w.agency().put(w.base() + "/areas/ua0106/population", body), 200).json();
        assertThat(set.path("areaPcode").asString()).isEqualTo("UA0106");
        assertThat(set.path("population").asLong()).isEqualTo(2000);
        assertThat(set.path("seeded").asBoolean()).isFalse();
        check(w.mediator().put(w.base() + "/areas/UA0106/population", body.replace("2000", "2500")), 200);

        JsonNode history = check(api.get(w.base() + "/areas/UA0106/population"), 200).json();
        assertThat(history.path("current").path("population").asLong()).isEqualTo(2500);
        assertThat(history.path("history").size()).isEqualTo(2);
        assertThat(history.path("history").get(1).path("population").asLong()).isEqualTo(2000);
        assertThat(history.path("history").get(1).path("supersededAt").asString()).isNotBlank();
        assertThat(history.path("history").get(1).path("enteredBy").asString()).isNotBlank();

        // Another process still sees no figure there: the entry was for this process only.
        World other = HumanitarianTestSupport.world(api);
        assertThat(check(api.get(other.base() + "/areas/UA0106/population"), 200).json().path("current").isEmpty()).isTrue();
        // A seeded area keeps its seed beneath a coordinator's figure.
        check(w.agency().put(w.base() + "/areas/UA14/population", body), 200);
        JsonNode donetsk = check(api.get(w.base() + "/areas/UA14/population"), 200).json();
        assertThat(donetsk.path("current").path("population").asLong()).isEqualTo(2000);
        assertThat(donetsk.path("history").get(1).path("seeded").asBoolean()).isTrue();
        assertThat(check(api.get(other.base() + "/areas/UA14/population"), 200).json().path("current").path("population").asLong())
                .isEqualTo(4_087_400L);
    }

    @Test
    void badFiguresAreRefusedAndNothingIsSaved() {
        var bad = check(w.agency().put(w.base() + "/areas/UA0106/population", """
                {"population":-5,"referenceDate":"2999-01-01","source":"x","sourceUrl":"ftp://nope","licence":"CC BY"}"""), 400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.fieldError("population")).isNotBlank();
        assertThat(bad.fieldError("referenceDate")).contains("future");
        assertThat(bad.fieldError("sourceUrl")).contains("http");
        check(w.agency().put(w.base() + "/areas/UA0106/population", """
                {"population":5,"referenceDate":"2024-01-01","source":"","licence":"CC BY"}"""), 400);
        check(w.agency().put(w.base() + "/areas/UA9999/population", """
                {"population":5,"referenceDate":"2024-01-01","source":"s","licence":"CC BY"}"""), 404);
        assertThat(jdbc.sql("SELECT count(*) FROM hum_area_population WHERE process_id = ?").param(w.process().id()).query(Long.class).single())
                .isZero();
        // Only coordinators: a delegate and the public may read, not write.
        check(w.delegateA().put(w.base() + "/areas/UA0106/population", """
                {"population":5,"referenceDate":"2024-01-01","source":"s","licence":"CC BY"}"""), 403);
        check(api.put(w.base() + "/areas/UA0106/population", """
                {"population":5,"referenceDate":"2024-01-01","source":"s","licence":"CC BY"}"""), 401);
    }

    @Test
    void reachAbovePopulationWarnsAndSoDoesReachAboveNeed() {
        check(w.agency().put(w.base() + "/areas/UA0106/population", """
                {"population":1000,"referenceDate":"2025-06-01","source":"Raion headcount","licence":"CC BY 4.0"}"""), 200);
        check(w.agency().post(w.base() + "/needs", """
                {"areaPcode":"UA0106","sector":"HEALTH","peopleInNeed":500,"peopleTargeted":400,"periodStart":"2026-01-01","periodEnd":"2026-12-31","source":"HNRP"}"""),
                201);
        var within = check(w.agency().post(w.base() + "/activities", activity("UA0106", 400)), 201);
        assertThat(within.json().path("warnings").size()).isZero();
        var aboveNeed = check(w.agency().post(w.base() + "/activities", activity("UA0106", 200)), 201);
        // Above the need only: in the raion and in Crimea, where the raion's need and reach count too.
        assertThat(aboveNeed.json().path("warnings").size()).isEqualTo(2);
        assertThat(aboveNeed.json().path("warnings").get(0).asString()).contains("UA0106", "600", "500", "in need");
        assertThat(aboveNeed.json().path("warnings").get(1).asString()).contains("UA01", "600", "500", "in need");
        var abovePopulation = check(w.agency().inLanguage("uk").post(w.base() + "/activities", activity("UA0106", 500)), 201);
        assertThat(abovePopulation.json().path("warnings").get(0).asString()).contains("UA0106", "1100", "1000", "2025-06-01", "проживають");
        assertThat(abovePopulation.json().path("warnings").get(1).asString()).contains("1100", "500");

        // The oblast's seeded population is compared too: Donetsk Oblast holds 4,087,400.
        var oblast = check(w.agency().post(w.base() + "/activities", activity("UA14", 4_100_000)), 201);
        assertThat(oblast.json().path("warnings").get(0).asString()).contains("UA14", "4100000", "4087400", "2021-01-01");
        // An HXL import is checked the same way.
        var imported = check(w.agency().post(w.base() + "/activities/import", """
                #org,#sector,#activity,#adm1+code,#date,#reached
                WFP,Food Security,Bread,UA61,2026-03-01,1100000
                """), 200);
        assertThat(imported.json().path("warnings").get(0).asString()).contains("UA61", "1100000", "1027300");
    }

    @Test
    void aDeliveredConvoyThatReachesMoreThanLiveThereIsFlaggedOnTheApiAndThePage() {
        check(w.agency().put(w.base() + "/areas/UA0106/population", """
                {"population":1000,"referenceDate":"2025-06-01","source":"Raion headcount","licence":"CC BY 4.0"}"""), 200);
        String path = convoyUnderWay(w, "UA0106");
        JsonNode delivered = check(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":1500}"), 200).json();
        // The delivery's own fields are where they were; the warnings come beside them.
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("peopleReached").asLong()).isEqualTo(1500);
        assertThat(delivered.path("warnings").get(0).asString()).contains("UA0106", "1500", "1000", "2025-06-01");

        // On the page, the agency sees the same warning after recording the delivery.
        String path2 = convoyUnderWay(w, "UA0106");
        String page = "/processes/" + w.process().id() + "/humanitarian/deliveries/" + path2.substring(path2.lastIndexOf('/') + 1);
        Web agency = new Web(port, "en").signIn("humanitarian@demo.parley");
        Page recorded = agency.post(page, page + "/status", "status", "DELIVERED", "peopleReached", "10");
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(agency.get(page).body()).contains("Please check", "1510 people reached, more than the 1000 who live there");
        // Within the population, nothing to check.
        String path3 = convoyUnderWay(w, "UA14");
        assertThat(check(w.agency().post(path3 + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":10}"), 200).json().path("warnings").size())
                .isZero();
    }

    /** A convoy to the area, notified, acknowledged by both parties and under way; its API path. */
    private String convoyUnderWay(World world, String pcode) {
        java.time.Instant dep = java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = check(world.agency().post(world.base() + "/deliveries", """
                {"organisationId":%d,"title":"Convoy","sector":"HEALTH","origin":"Dnipro","destination":"Somewhere","destinationPcode":"%s",
                 "route":"Road","peopleToReach":800,"plannedDeparture":"%s","plannedArrival":"%s",
                 "cargo":[{"commodity":"Medical kits","quantity":10,"unit":"kits"}]}"""
                .formatted(world.orgId(), pcode, dep, dep.plusSeconds(8 * 3600))), 201).json().path("id").asLong();
        String path = world.base() + "/deliveries/" + id;
        check(world.agency().post(path + "/notify", "{\"partyIds\":[%d,%d]}".formatted(world.process().partyA(), world.process().partyB())), 200);
        check(world.delegateA().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200);
        check(world.delegateB().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200);
        check(world.agency().post(path + "/status", "{\"status\":\"UNDER_WAY\"}"), 200);
        return path;
    }

    @Test
    void theAreaPagesShowTheFigureAndLetACoordinatorEnterOneInThreeLanguages() {
        String pages = "/processes/" + w.process().id() + "/humanitarian/areas";
        Page list = new Web(port, "en").get(pages);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Areas and population", "4,087,400", "State Statistics Service of Ukraine", "Bakhchysaraiskyi");
        assertThat(new Web(port, "uk").get(pages).body()).contains("Території та населення");
        assertThat(new Web(port, "ru").get(pages + "/UA14").body()).contains("Население", "4,087,400", "nas2021_e.htm");
        assertThat(new Web(port, "en").get(pages + "/UA14").body()).doesNotContain("population-form");

        Web agency = new Web(port, "en").signIn("humanitarian@demo.parley");
        Page wrong = agency.post(pages + "/UA0106", pages + "/UA0106/population", "population", "-3", "referenceDate", "2024-01-01",
                "source", "My own count", "sourceUrl", "", "licence", "CC BY 4.0");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("has-error", "value=\"My own count\"", "value=\"CC BY 4.0\"", "type=\"date\"", "type=\"url\"");
        Page saved = agency.post(pages + "/UA0106", pages + "/UA0106/population", "population", "12345", "referenceDate", "2024-01-01",
                "source", "My own count", "sourceUrl", "", "licence", "CC BY 4.0");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/areas/UA0106");
        Page area = agency.get(pages + "/UA0106");
        assertThat(area.body()).contains("Population figure saved.", "12,345", "My own count", "population-form");
        assertThat(new Web(port, "en").get(pages).body()).contains("My own count (entered by a coordinator)");

        // The gaps table puts the population beside the reach and marks a row that reaches more than live there.
        check(w.agency().post(w.base() + "/activities", activity("UA0106", 20_000)), 201);
        String gaps = new Web(port, "en").get("/processes/" + w.process().id() + "/humanitarian?level=2").body();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr[^>]*data-pcode=\"UA0106\"[^>]*>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(gaps);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("above-population", "12,345", "20,000");

        Page delegate = new Web(port, "en").signIn("delegate.ua@demo.parley").post(pages + "/UA0106", pages + "/UA0106/population",
                "population", "1", "referenceDate", "2024-01-01", "source", "s", "licence", "l");
        assertThat(delegate.status()).isEqualTo(403);
    }

    private String activity(String pcode, long reached) {
        return """
                {"organisationId":%d,"sector":"HEALTH","activity":"Clinics","areaPcode":"%s","periodStart":"2026-02-01","periodEnd":"2026-02-28",
                 "peopleReached":%d,"status":"COMPLETED"}""".formatted(w.orgId(), pcode, reached);
    }
}
