package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.time.temporal.ChronoUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.humanitarian.HumanitarianTestSupport.World;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ParleyTest
class HumanitarianApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicRecord record;

    @Autowired
    JdbcClient jdbc;

    Api api;
    World w;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        w = HumanitarianTestSupport.world(api);
    }

    // --- areas, needs, 4W, gaps, HXL

    @Test
    void areasAreUkrainesAdmin1AndAdmin2WithOchaPcodes() {
        JsonNode areas = check(api.get(w.base() + "/areas"), 200).json();
        int admin1 = 0;
        int admin2 = 0;
        for (JsonNode a : areas) {
            String pcode = a.path("pcode").asString();
            if (a.path("level").asInt() == 1) {
                admin1++;
                assertThat(pcode).matches("UA\\d{2}");
            } else {
                admin2++;
                assertThat(pcode).matches("UA\\d{4}").startsWith(a.path("parentPcode").asString());
            }
            if (pcode.equals("UA14")) {
                assertThat(a.path("isoCode").asString()).isEqualTo("UA-14");
                assertThat(a.path("nameUk").asString()).isEqualTo("Донецька область");
            }
            if (pcode.equals("UA1402")) {
                assertThat(a.path("nameEn").asString()).isEqualTo("Bakhmutskyi");
                assertThat(a.path("nameUk").asString()).isEqualTo("Бахмутський");
                assertThat(a.path("nameRu").asString()).isEqualTo("Бахмутский");
            }
        }
        // 24 oblasts, Crimea, Kyiv and Sevastopol; 136 raions, the Chornobyl zone, Kyiv and Sevastopol (COD-AB).
        assertThat(admin1).isEqualTo(27);
        assertThat(admin2).isEqualTo(139);
        assertThat(areas.findValuesAsString("pcode")).contains("UA80", "UA85", "UA8000", "UA6312", "UA3200");
    }

    @Test
    void raionsRollUpToTheirOblastAndShowOnTheirOwnAtLevelTwo() throws IOException {
        check(w.agency().post(w.base() + "/needs", need("UA14", "HEALTH", 10_000, 8_000)), 201);
        check(w.agency().post(w.base() + "/needs", need("UA1402", "HEALTH", 2_000, 1_500)), 201);
        check(w.agency().post(w.base() + "/activities", activity("UA1402", "HEALTH", 1_200)), 201);
        check(w.agency().post(w.base() + "/activities", activity("UA14", "HEALTH", 300)), 201);
        // Oblasts: the raion's need and reach count in Donetsk Oblast.
        JsonNode oblast = gap("UA14", "HEALTH");
        assertThat(oblast.path("peopleInNeed").asLong()).isEqualTo(12_000);
        assertThat(oblast.path("peopleReached").asLong()).isEqualTo(1_500);
        // Raions: only what was recorded for the raion.
        JsonNode raions = check(api.get(w.base() + "/gaps?level=2"), 200).json().path("byAreaAndSector");
        assertThat(raions.size()).isEqualTo(1);
        assertThat(raions.get(0).path("areaPcode").asString()).isEqualTo("UA1402");
        assertThat(raions.get(0).path("peopleReached").asLong()).isEqualTo(1_200);
        assertThat(raions.get(0).path("coverage").asInt()).isEqualTo(60);
        assertThat(check(api.get(w.base() + "/gaps?level=3"), 400).fieldError("level")).isNotNull();

        // HXL with raions: #adm2+code places a row; a raion outside its row's oblast is refused.
        var bad = check(w.agency().post(w.base() + "/activities/import", """
                #org,#sector,#activity,#adm1+code,#adm2+code,#date,#reached
                WFP,Health,Clinics,UA63,UA1402,2026-03-01,10
                """), 400);
        assertThat(bad.fieldError("row 2 #adm2+code")).isEqualTo("The raion UA1402 is not in UA63.");
        assertThat(check(w.agency().post(w.base() + "/activities/import", """
                #org,#sector,#activity,#adm2+code,#date,#reached
                WFP,Health,Clinics,UA9999,2026-03-01,10
                """), 400).fieldError("row 2 #adm2+code")).isEqualTo("Unknown P-code “UA9999”.");
        check(w.agency().post(w.base() + "/activities/import", """
                #org,#sector,#activity,#adm2+code,#date,#reached
                WFP,Health,Clinics,ua1402,2026-03-01,100
                """), 200);
        assertThat(gap("UA14", "HEALTH").path("peopleReached").asLong()).isEqualTo(1_600);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(check(api.get(w.base() + "/activities/export"), 200).body())).getRecords();
        assertThat(rows.stream().filter(r -> r.get(5).equals("UA1402")).map(r -> r.get(3) + " " + r.get(4) + " " + r.get(6)).distinct().toList())
                .containsExactly("UA14 Donetsk Oblast Bakhmutskyi");
    }

    @Test
    void reachIsCountedAgainstNeedByAreaAndSectorAndWarnsAboveNeed() {
        check(w.agency().post(w.base() + "/needs", need("UA14", "HEALTH", 1000, 800)), 201);
        check(w.agency().post(w.base() + "/needs", need("UA63", "FOOD_SECURITY", 500, 400)), 201);
        var first = check(w.agency().post(w.base() + "/activities", activity("UA14", "HEALTH", 300)), 201);
        assertThat(first.json().path("warnings").size()).isZero();

        JsonNode gap = gap("UA14", "HEALTH");
        assertThat(gap.path("peopleInNeed").asLong()).isEqualTo(1000);
        assertThat(gap.path("peopleTargeted").asLong()).isEqualTo(800);
        assertThat(gap.path("peopleReached").asLong()).isEqualTo(300);
        assertThat(gap.path("coverage").asInt()).isEqualTo(30);
        assertThat(gap("UA63", "FOOD_SECURITY").path("peopleReached").asLong()).isZero();

        // Reached above the people in need is taken, with a warning in the reader's language.
        var above = check(w.agency().inLanguage("uk").post(w.base() + "/activities", activity("UA14", "HEALTH", 800)), 201);
        assertThat(above.json().path("warnings").get(0).asString()).contains("UA14", "1100", "1000", "Перевірте");
        assertThat(gap("UA14", "HEALTH").path("coverage").asInt()).isEqualTo(110);

        // The map's totals per area.
        JsonNode byArea = check(api.get(w.base() + "/gaps"), 200).json().path("byArea");
        long reached = 0;
        for (JsonNode a : byArea) {
            if (a.path("pcode").asString().equals("UA14")) {
                reached = a.path("peopleReached").asLong();
            }
        }
        assertThat(reached).isEqualTo(1100);
    }

    @Test
    void activitiesGoOutAndComeBackAsHxlTaggedCsv() throws IOException {
        check(w.agency().post(w.base() + "/activities", activity("UA23", "WASH", 120)), 201);
        var export = check(api.get(w.base() + "/activities/export"), 200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(export.body())).getRecords();
        assertThat(rows.get(1).values()).containsExactly("#org", "#sector", "#activity", "#adm1+code", "#adm1+name", "#adm2+code", "#adm2+name",
                "#date+start", "#date+end", "#targeted", "#reached", "#reached+f", "#reached+m", "#reached+children", "#reached+elderly", "#status");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).values()).startsWith("WFP", "WASH", "Water trucking", "UA23", "Zaporizhia Oblast", "", "", "2026-02-01", "2026-02-28",
                "0", "120");

        // The exported file imports into another process as it is.
        World other = HumanitarianTestSupport.world(api);
        var imported = check(other.agency().post(other.base() + "/activities/import", export.body()), 200);
        assertThat(imported.json().path("result").path("imported").asInt()).isEqualTo(1);
        assertThat(gap(other, "UA23", "WASH").path("peopleReached").asLong()).isEqualTo(120);

        // Hashtags in any order, with extra attributes and columns; a plain #date is start and end.
        String csv = """
                Reached,Where,Who,What,Sector,When,Women,Men,Comment
                #reached,#adm1+code+v_pcode,#org+name,#activity,#sector+cluster,#date,#reached+f,#reached+m,#meta+comment
                "1,500",UA63,World Food Programme,Food kits,Food Security,2026-03-01,800,700,first
                250,ua14,WFP,Clinics,health,2026-03-02,,,second
                """;
        var r = check(w.agency().post(w.base() + "/activities/import", csv), 200);
        assertThat(r.json().path("result").path("imported").asInt()).isEqualTo(2);
        assertThat(gap("UA63", "FOOD_SECURITY").path("peopleReached").asLong()).isEqualTo(1500);
        assertThat(gap("UA14", "HEALTH").path("peopleReached").asLong()).isEqualTo(250);
    }

    @Test
    void anHxlFileMissingHashtagsIsReportedColumnByColumnAndNothingIsImported() {
        long before = count();
        String missing = """
                Org,Sector,What,When
                #org,#sector,#activity,#date
                WFP,Health,Clinics,2026-03-01
                """;
        var r = check(w.agency().post(w.base() + "/activities/import", missing), 400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.fieldError("#adm1+code")).isEqualTo("The file has no column tagged #adm1+code.");
        assertThat(r.fieldError("#reached")).isEqualTo("The file has no column tagged #reached.");
        assertThat(r.fieldError("#org")).isNull();

        String badRows = """
                #org,#sector,#activity,#adm1+code,#date+start,#date+end,#reached
                WFP,Health,Clinics,UA14,2026-03-01,2026-03-31,100
                WFP,Health,Clinics,UA99,2026-03-01,2026-03-31,-5
                Nobody,Astrology,Clinics,UA14,2026-03-05,2026-03-01,ten
                """;
        r = check(w.agency().post(w.base() + "/activities/import", badRows), 400);
        assertThat(r.fieldError("row 3 #adm1+code")).isEqualTo("Unknown P-code “UA99”.");
        assertThat(r.fieldError("row 3 #reached")).isEqualTo("This cannot be negative.");
        assertThat(r.fieldError("row 4 #org")).contains("Nobody");
        assertThat(r.fieldError("row 4 #sector")).contains("Astrology");
        assertThat(r.fieldError("row 4 #reached")).contains("ten");
        assertThat(r.fieldError("row 4 #date+end")).isEqualTo("The end comes before the start.");
        assertThat(count()).isEqualTo(before);

        assertThat(check(w.agency().post(w.base() + "/activities/import", "just,some,text\n1,2,3\n"), 400).fieldError("file"))
                .contains("No row of HXL hashtags");
    }

    @Test
    void badNeedsAndActivitiesAreRefusedFieldByField() {
        var r = check(w.agency().post(w.base() + "/needs", """
                {"areaPcode":"UA00","sector":"HEALTH","peopleInNeed":-1,"peopleTargeted":5,"periodStart":"2026-03-01","periodEnd":"2026-02-01","source":"x"}"""), 400);
        assertThat(r.fieldError("areaPcode")).isEqualTo("Unknown P-code “UA00”.");
        assertThat(r.fieldError("peopleInNeed")).isEqualTo("This cannot be negative.");
        assertThat(r.fieldError("peopleTargeted")).isEqualTo("More people are targeted than are in need.");
        assertThat(r.fieldError("periodEnd")).isEqualTo("The end comes before the start.");
        assertThat(check(w.agency().post(w.base() + "/activities", """
                {"organisationId":%d,"sector":"HEALTH","activity":"x","areaPcode":"UA14","periodStart":"2026-03-01","periodEnd":"2026-03-02",
                 "peopleReached":10,"reachedWomen":8,"reachedMen":8,"status":"ONGOING"}""".formatted(w.orgId())), 400)
                .fieldError("reachedWomen")).contains("add up to more");
        assertThat(check(w.agency().post(w.base() + "/activities", "{}"), 400).fieldError("organisationId")).isNotNull();
        // Only agencies and the process's mediators record.
        assertThat(api.asDemo("observer").post(w.base() + "/activities", activity("UA14", "HEALTH", 1)).status()).isEqualTo(403);
        assertThat(w.delegateA().post(w.base() + "/needs", need("UA14", "HEALTH", 1, 1)).status()).isEqualTo(403);
        assertThat(api.post(w.base() + "/needs", need("UA14", "HEALTH", 1, 1)).status()).isEqualTo(401);
        assertThat(check(w.agency().post(w.base() + "/organisations", """
                {"acronym":"wfp","name":"Again","kind":"NGO"}"""), 400).fieldError("acronym")).contains("already has");
    }

    // --- deliveries

    @Test
    void aConvoyIsNotifiedAcknowledgedByEachPartyDeliveredAndCountedAndRecorded() {
        Instant dep = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        check(w.agency().post(w.base() + "/needs", need("UA63", "FOOD_SECURITY", 10_000, 8_000)), 201);

        // Bad input first.
        var bad = check(w.agency().post(w.base() + "/deliveries", delivery(dep, dep.minusSeconds(3600), "-5")), 400);
        assertThat(bad.fieldError("plannedArrival")).isEqualTo("The window ends before it starts.");
        assertThat(bad.fieldError("cargo[0].quantity")).isEqualTo("The quantity must be more than zero.");

        var d = check(w.agency().post(w.base() + "/deliveries", delivery(dep, dep.plusSeconds(8 * 3600), "120")), 201).json();
        long id = d.path("id").asLong();
        String path = w.base() + "/deliveries/" + id;
        assertThat(d.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(d.path("cargo").size()).isEqualTo(2);

        var notified = check(w.agency().post(path + "/notify", """
                {"partyIds":[%d,%d]}""".formatted(w.process().partyA(), w.process().partyB())), 200).json();
        assertThat(notified.path("status").asString()).isEqualTo("NOTIFIED");

        // The public does not see routes; a delegate of a party not notified does not see the delivery at all.
        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(w.delegateC().get(path).status()).isEqualTo(404);
        assertThat(w.delegateC().get(w.base() + "/deliveries").json().size()).isZero();
        assertThat(w.delegateC().post(path + "/acknowledge", "{\"acknowledged\":true}").status()).isEqualTo(404);
        assertThat(w.agency().post(path + "/acknowledge", "{\"acknowledged\":true}").status()).isEqualTo(403);

        var ackA = check(w.delegateA().post(path + "/acknowledge", "{\"acknowledged\":true,\"note\":\"Checkpoints informed\"}"), 200).json();
        assertThat(ackA.path("status").asString()).isEqualTo("NOTIFIED");
        assertThat(w.delegateA().post(path + "/acknowledge", "{\"acknowledged\":true}").status()).isEqualTo(409);
        // Not deconflicted yet: it cannot leave.
        assertThat(w.agency().post(path + "/status", "{\"status\":\"UNDER_WAY\"}").status()).isEqualTo(409);

        var ackB = check(w.delegateB().post(path + "/acknowledge", "{\"acknowledged\":true}"), 200).json();
        assertThat(ackB.path("status").asString()).isEqualTo("DECONFLICTED");
        assertThat(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":10}").status()).isEqualTo(409);
        check(w.agency().post(path + "/status", "{\"status\":\"UNDER_WAY\"}"), 200);
        assertThat(check(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\"}"), 400).fieldError("peopleReached"))
                .isEqualTo("Give the number of people reached.");
        assertThat(check(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":-3}"), 400).fieldError("peopleReached"))
                .isEqualTo("This cannot be negative.");
        var delivered = check(w.agency().post(path + "/status", "{\"status\":\"DELIVERED\",\"peopleReached\":6500}"), 200).json();
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("history").size()).isEqualTo(5);

        // It counts as a 4W activity in its destination, and its outcome is on the public record (no route).
        assertThat(gap("UA63", "FOOD_SECURITY").path("peopleReached").asLong()).isEqualTo(6500);
        var entries = record.entriesAbout("delivery/" + id);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().type()).isEqualTo("delivery.outcome");
        assertThat(entries.getFirst().json()).contains("\"DELIVERED\"", "UA63", "6500", "120 t Wheat flour").doesNotContain("M-18");
        var counts = check(api.get(w.base() + "/summary"), 200).json().path("deliveriesByStatus");
        assertThat(counts.path("DELIVERED").asInt()).isEqualTo(1);
    }

    @Test
    void aBlockedConvoyIsAnOutcomeOnTheRecordAndCannotMoveOn() {
        Instant dep = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long id = check(w.agency().post(w.base() + "/deliveries", delivery(dep, dep.plusSeconds(3600), "1")), 201).json().path("id").asLong();
        String path = w.base() + "/deliveries/" + id;
        assertThat(check(w.agency().post(path + "/notify", "{\"partyIds\":[999999]}"), 400).fieldError("partyIds")).isNotNull();
        check(w.agency().post(path + "/status", "{\"status\":\"BLOCKED\",\"note\":\"Road closed at the checkpoint\"}"), 200);
        assertThat(w.agency().post(path + "/status", "{\"status\":\"UNDER_WAY\"}").status()).isEqualTo(409);
        assertThat(w.agency().post(path + "/notify", "{\"partyIds\":[%d]}".formatted(w.process().partyA())).status()).isEqualTo(409);
        assertThat(record.entriesAbout("delivery/" + id)).extracting(PublicRecord.Entry::type).containsExactly("delivery.outcome");
    }

    // --- corridors

    @Test
    void aCorridorIsProposedAgreedByEachPartyOnTheRecordAndClosedWithAReason() {
        String window = """
                {"purpose":"EVACUATION","fromName":"Mariupol","toName":"Zaporizhzhia","route":"Mariupol – Berdiansk – Zaporizhzhia",
                 "fromLat":47.095,"fromLon":37.541,"toLat":47.852,"toLon":35.117,"windowStart":"2026-03-05T09:00:00Z","windowEnd":"%s"}""";
        assertThat(check(w.delegateA().post(w.base() + "/corridors", window.formatted("2026-03-05T08:00:00Z")), 400).fieldError("windowEnd"))
                .isEqualTo("The window ends before it starts.");
        assertThat(w.agency().post(w.base() + "/corridors", window.formatted("2026-03-05T16:00:00Z")).status()).isEqualTo(403);
        var c = check(w.delegateA().post(w.base() + "/corridors", window.formatted("2026-03-05T16:00:00Z")), 201).json();
        long id = c.path("id").asLong();
        assertThat(c.path("proposer").asString()).isEqualTo("A");
        assertThat(c.path("agreedBy").get(0).asString()).isEqualTo("A");
        assertThat(c.path("verifiedIncidents").asInt()).as("checked against monitoring: none there").isZero();
        assertThat(c.path("path").size()).as("the straight line between the end points").isEqualTo(2);

        String path = w.base() + "/corridors/" + id;
        assertThat(w.delegateA().post(path + "/agree", "{\"agreed\":true}").status()).isEqualTo(409);
        var agreed = check(w.delegateB().post(path + "/agree", "{\"agreed\":true}"), 200).json();
        assertThat(agreed.path("agreedBy").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(record.entriesAbout("corridor/" + id)).extracting(PublicRecord.Entry::type).containsExactly("corridor.agreed", "corridor.agreed");

        assertThat(check(w.agency().post(path + "/outcome", "{\"outcome\":\"SUCCESSFUL\",\"reason\":\" \"}"), 400).fieldError("reason")).isNotNull();
        assertThat(w.delegateB().post(path + "/outcome", "{\"outcome\":\"SUCCESSFUL\",\"reason\":\"x\"}").status()).isEqualTo(403);
        var done = check(w.agency().post(path + "/outcome", "{\"outcome\":\"SUCCESSFUL\",\"reason\":\"4,300 people evacuated, ICRC escort\"}"), 200).json();
        assertThat(done.path("outcome").asString()).isEqualTo("SUCCESSFUL");
        assertThat(done.path("outcomeOverride").asBoolean()).isFalse();
        var entries = record.entriesAbout("corridor/" + id);
        assertThat(entries.getLast().type()).isEqualTo("corridor.outcome");
        assertThat(entries.getLast().json()).contains("SUCCESSFUL", "reasonSha256").doesNotContain("ICRC escort");
        assertThat(check(api.get(w.base() + "/summary"), 200).json().path("corridors").path("byOutcome").path("SUCCESSFUL").asInt()).isEqualTo(1);
    }

    // --- exchanges and funding

    @Test
    void exchangeRoundsCountAgainstTheAgreedNumbersAndGoOnTheRecord() {
        long icrc = check(w.agency().post(w.base() + "/organisations", """
                {"acronym":"ICRC","name":"International Committee of the Red Cross","kind":"RED_CROSS"}"""), 201).json().path("id").asLong();
        String exchange = """
                {"kind":"PRISONERS_OF_WAR","title":"All for all","sideAPartyId":%d,"sideBPartyId":%d,"agreedA":100,"agreedB":%d,"verifierId":%d}""";
        assertThat(w.agency().post(w.base() + "/exchanges", exchange.formatted(w.process().partyA(), w.process().partyB(), 100, icrc)).status())
                .isEqualTo(403);
        assertThat(check(w.mediator().post(w.base() + "/exchanges", exchange.formatted(w.process().partyA(), w.process().partyB(), -1, icrc)), 400)
                .fieldError("agreedB")).isEqualTo("This cannot be negative.");
        long id = check(w.mediator().post(w.base() + "/exchanges", exchange.formatted(w.process().partyA(), w.process().partyB(), 80, icrc)), 201)
                .json().path("id").asLong();
        String rounds = w.base() + "/exchanges/" + id + "/rounds";
        var tooMany = check(w.agency().post(rounds, "{\"heldOn\":\"2026-02-01\",\"releasedA\":50,\"releasedB\":81,\"verifiedById\":%d}".formatted(icrc)), 400);
        assertThat(tooMany.fieldError("releasedB")).isEqualTo("More than agreed: at most 80 remain.");
        check(w.agency().post(rounds, "{\"heldOn\":\"2026-02-01\",\"releasedA\":50,\"releasedB\":40,\"verifiedById\":%d}".formatted(icrc)), 200);
        var x = check(w.agency().post(rounds, "{\"heldOn\":\"2026-02-10\",\"releasedA\":25,\"releasedB\":20,\"verifiedById\":%d}".formatted(icrc)), 200).json();
        assertThat(x.path("rounds").size()).isEqualTo(2);
        assertThat(x.path("releasedA").asInt()).isEqualTo(75);
        assertThat(x.path("progress").asInt()).isEqualTo(75); // (75 + 60) / 180
        assertThat(record.entriesAbout("exchange/" + id)).extracting(PublicRecord.Entry::type).containsExactly("exchange.round", "exchange.round");
        assertThat(check(w.agency().post(rounds, "{\"heldOn\":\"2026-02-11\",\"releasedA\":26,\"releasedB\":20,\"verifiedById\":%d}".formatted(icrc)), 400)
                .fieldError("releasedA")).isEqualTo("More than agreed: at most 25 remain.");
    }

    @Test
    void fundingIsTotalledPerDonorAndRecipientFromPledgeToDisbursement() {
        String flow = "{\"donor\":\"%s\",\"recipient\":\"%s\",\"flow\":\"%s\",\"amountUsd\":%s,\"date\":\"2026-02-01\"}";
        check(w.agency().post(w.base() + "/funding", flow.formatted("EU", "WFP", "PLEDGE", "1000000")), 201);
        check(w.agency().post(w.base() + "/funding", flow.formatted("EU", "WFP", "COMMITMENT", "800000")), 201);
        check(w.agency().post(w.base() + "/funding", flow.formatted("EU", "UNHCR", "DISBURSEMENT", "250000.50")), 201);
        check(w.agency().post(w.base() + "/funding", flow.formatted("Japan", "WFP", "DISBURSEMENT", "100000")), 201);
        assertThat(check(w.agency().post(w.base() + "/funding", flow.formatted("EU", "WFP", "PLEDGE", "-5")), 400).fieldError("amountUsd"))
                .isEqualTo("The amount must be more than zero.");
        assertThat(api.asDemo("analyst").post(w.base() + "/funding", flow.formatted("EU", "WFP", "PLEDGE", "5")).status()).isEqualTo(403);
        JsonNode o = check(api.get(w.base() + "/funding"), 200).json();
        assertThat(o.path("all").path("pledged").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(o.path("all").path("disbursed").decimalValue()).isEqualByComparingTo("350000.50");
        JsonNode eu = o.path("byDonor").get(0);
        assertThat(eu.path("name").asString()).isEqualTo("EU");
        assertThat(eu.path("committed").decimalValue()).isEqualByComparingTo("800000");
        assertThat(eu.path("disbursedOfPledged").asInt()).isEqualTo(25);
        assertThat(o.path("byRecipient").findValuesAsString("name")).containsExactly("WFP", "UNHCR");
    }

    // --- helpers

    private long count() {
        return jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(w.process().id()).query(Long.class).single();
    }

    private JsonNode gap(String pcode, String sector) {
        return gap(w, pcode, sector);
    }

    private JsonNode gap(World world, String pcode, String sector) {
        for (JsonNode g : check(api.get(world.base() + "/gaps"), 200).json().path("byAreaAndSector")) {
            if (g.path("areaPcode").asString().equals(pcode) && g.path("sector").asString().equals(sector)) {
                return g;
            }
        }
        throw new AssertionError("no gap row for " + pcode + " " + sector);
    }

    private static String need(String pcode, String sector, long inNeed, long targeted) {
        return """
                {"areaPcode":"%s","sector":"%s","peopleInNeed":%d,"peopleTargeted":%d,"periodStart":"2026-01-01","periodEnd":"2026-12-31","source":"HNRP 2026"}"""
                .formatted(pcode, sector, inNeed, targeted);
    }

    private String activity(String pcode, String sector, long reached) {
        return """
                {"organisationId":%d,"sector":"%s","activity":"Water trucking","areaPcode":"%s","periodStart":"2026-02-01","periodEnd":"2026-02-28",
                 "peopleReached":%d,"status":"COMPLETED"}""".formatted(w.orgId(), sector, pcode, reached);
    }

    private String delivery(Instant dep, Instant arr, String quantity) {
        return """
                {"organisationId":%d,"title":"Food convoy","sector":"FOOD_SECURITY","origin":"Dnipro","destination":"Kharkiv","destinationPcode":"UA63",
                 "route":"Dnipro – Kharkiv (M-18)","peopleToReach":8000,"plannedDeparture":"%s","plannedArrival":"%s",
                 "cargo":[{"commodity":"Wheat flour","quantity":%s,"unit":"t"},{"commodity":"Hygiene kits","quantity":500,"unit":"kits"}]}"""
                .formatted(w.orgId(), dep, arr, quantity);
    }
}
