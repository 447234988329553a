package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.Fixtures.SmallProcess;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Monitoring over the API, on the real database: reports, grouping, verification, claims, ceasefires, role rules, bad input. */
@ParleyTest
class MonitoringApiTest {

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

    static String base(long pid) {
        return "/api/v1/processes/" + pid + "/monitoring";
    }

    /** A new small process (Fixtures) that the two demo observers serve. */
    static SmallProcess servedProcess(Api mediator) {
        SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-15");
        serve(mediator, p.id(), "observer", "observer2");
        return p;
    }

    /** The demo observers named serve the process (its mediator adds them), each in a team of their own. */
    static void serve(Api mediator, long pid, String... demoObservers) {
        for (String who : demoObservers) {
            check(mediator.post(base(pid) + "/observers", """
                    {"email":"%s@demo.parley","team":"Team %s"}""".formatted(who, who)), 201);
        }
    }

    static String report(String clientId, Instant at, double lat, double lon, String category) {
        return """
                {"clientId":%s,"observedFrom":"%s","latitude":%s,"longitude":%s,"precisionM":100,"category":"%s","quantity":3,
                 "description":"Impacts heard and seen from the post","language":"en","confidence":"HIGH"}"""
                .formatted(clientId == null ? "null" : "\"" + clientId + "\"", at, lat, lon, category);
    }

    static String uid(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID();
    }

    Instant minutesAgo(int m) {
        return Instant.now().minus(m, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    JsonNode submit(Api who, long pid, String json) {
        return check(who.post(base(pid) + "/reports", json), 201).json();
    }

    @Test
    void reportsNearInSpaceAndTimeFromTwoObserversBecomeOneCorroboratedEvent() {
        SmallProcess p = servedProcess(mediator);
        JsonNode a = submit(observer, p.id(), report(uid("a"), minutesAgo(60), 48.0150, 37.8020, "SHELLING"));
        long event = a.path("eventId").asLong();
        assertThat(a.path("admin1").asString()).isEqualTo("Donetsk Oblast");
        JsonNode first = check(observer.get(base(p.id()) + "/events/" + event), 200).json().path("event");
        assertThat(first.path("state").asString()).isEqualTo("REPORTED");
        assertThat(first.path("observers").asInt()).isEqualTo(1);

        // 1 km away, 15 minutes later, civilian casualties (compatible with shelling), from another observer: the same event.
        JsonNode b = submit(observer2, p.id(), report(uid("b"), minutesAgo(45), 48.0240, 37.8020, "CIVILIAN_CASUALTIES"));
        assertThat(b.path("eventId").asLong()).isEqualTo(event);
        JsonNode grouped = check(observer.get(base(p.id()) + "/events/" + event), 200).json();
        assertThat(grouped.path("event").path("state").asString()).isEqualTo("CORROBORATED");
        assertThat(grouped.path("event").path("observers").asInt()).isEqualTo(2);
        assertThat(grouped.path("event").path("reports").asInt()).isEqualTo(2);
        assertThat(grouped.path("reports")).hasSize(2);
        assertThat(grouped.path("history").get(0).path("toState").asString()).isEqualTo("CORROBORATED");

        // The same observer again does not make a third independent observer.
        JsonNode c = submit(observer2, p.id(), report(uid("c"), minutesAgo(40), 48.0160, 37.8030, "SHELLING"));
        assertThat(c.path("eventId").asLong()).isEqualTo(event);
        assertThat(check(observer.get(base(p.id()) + "/events/" + event), 200).json().path("event").path("observers").asInt()).isEqualTo(2);

        // Too far (5 km), too late (2 h later), or an incompatible category: new events.
        assertThat(submit(observer, p.id(), report(uid("far"), minutesAgo(50), 48.0600, 37.8020, "SHELLING")).path("eventId").asLong()).isNotEqualTo(event);
        assertThat(submit(observer, p.id(), report(uid("late"), minutesAgo(60 * 4), 48.0150, 37.8020, "SHELLING")).path("eventId").asLong()).isNotEqualTo(event);
        assertThat(submit(observer, p.id(), report(uid("kind"), minutesAgo(50), 48.0150, 37.8020, "TROOP_MOVEMENT")).path("eventId").asLong()).isNotEqualTo(event);
    }

    @Test
    void aSpikeOverTheBaselineAlertsTheMediatorsButNotThePublic() {
        SmallProcess p = servedProcess(mediator);
        for (int i = 0; i < 4; i++) {
            submit(observer, p.id(), report(uid("spike"), minutesAgo(60 + i * 90), 46.0 + i * 0.5, 30.8 + i, "SHELLING"));
        }
        JsonNode seen = check(observer.get(base(p.id()) + "/dashboard"), 200).json();
        assertThat(seen.path("last24h").asInt()).isEqualTo(4);
        assertThat(seen.path("baseline").asDouble()).isZero();
        assertThat(seen.path("spike").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT last_24h FROM monitoring_alert WHERE process_id = ?").param(p.id()).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        JsonNode pub = check(api.get(base(p.id()) + "/dashboard"), 200).json();
        assertThat(pub.path("last24h").asInt()).isZero();
        assertThat(pub.path("spike").asBoolean()).isFalse();
    }

    @Test
    void aBatchFromAnOfflineDeviceIsIdempotentByClientIdAndReportsEachItem() {
        SmallProcess p = servedProcess(mediator);
        String id1 = uid("dev");
        String id2 = uid("dev");
        String batch = """
                {"reports":[%s,%s,%s,%s]}""".formatted(
                report(id1, minutesAgo(300), 47.10, 37.55, "DRONE_STRIKE"),
                report(id2, minutesAgo(290), 47.50, 35.10, "SHELLING"),
                report(id1, minutesAgo(300), 47.10, 37.55, "DRONE_STRIKE"),
                report(uid("dev"), minutesAgo(280), 91.0, 37.55, "NO_SUCH_THING"));
        JsonNode items = check(observer.post(base(p.id()) + "/reports/batch", batch), 200).json();
        assertThat(items.findValuesAsString("status")).containsExactly("CREATED", "CREATED", "DUPLICATE", "INVALID");
        assertThat(items.get(2).path("reportId").asLong()).isEqualTo(items.get(0).path("reportId").asLong());
        List<String> fields = new ArrayList<>();
        items.get(3).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("latitude", "category");

        // The device sends the same batch again after a lost answer: accepted, nothing duplicated.
        JsonNode again = check(observer.post(base(p.id()) + "/reports/batch", batch), 200).json();
        assertThat(again.findValuesAsString("status")).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "INVALID");
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_report WHERE process_id = ?").param(p.id()).query(Long.class).single()).isEqualTo(2);

        // A single upload with a known client id answers 200 with the report it already has.
        var single = observer.post(base(p.id()) + "/reports", report(id1, minutesAgo(300), 47.10, 37.55, "DRONE_STRIKE"));
        assertThat(single.status()).isEqualTo(200);
        assertThat(single.json().path("id").asLong()).isEqualTo(items.get(0).path("reportId").asLong());
    }

    @Test
    void badReportsAreRefusedFieldByField() {
        SmallProcess p = servedProcess(mediator);
        String url = base(p.id()) + "/reports";
        var r = observer.post(url, report(null, minutesAgo(10), 95.0, 37.0, "SHELLING"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldError("latitude")).isEqualTo("Latitude must be between \u221290 and 90.");
        assertThat(observer.post(url, report(null, minutesAgo(10), 48.0, 181.0, "SHELLING")).fieldError("longitude")).contains("180");
        assertThat(observer.post(url, report(null, minutesAgo(10), 48.0, 37.0, "SPACE_LASER")).fieldError("category"))
                .isEqualTo("Unknown category: \u201cSPACE_LASER\u201d.");
        assertThat(observer.post(url, report(null, Instant.now().plus(3, ChronoUnit.DAYS), 48.0, 37.0, "SHELLING")).fieldError("observedFrom"))
                .isEqualTo("This time is in the future.");
        var backwards = observer.post(url, """
                {"observedFrom":"%s","observedTo":"%s","latitude":48.0,"longitude":37.0,"category":"SHELLING"}"""
                .formatted(minutesAgo(10), minutesAgo(60)));
        assertThat(backwards.fieldError("observedTo")).isEqualTo("The end is before the start.");
        var nowhere = observer.post(url, """
                {"observedFrom":"%s","category":"SHELLING"}""".formatted(minutesAgo(10)));
        assertThat(nowhere.fieldError("latitude")).isEqualTo("Give the coordinates, or a region of Ukraine.");
        var negative = observer.post(url, """
                {"observedFrom":"%s","latitude":48.0,"longitude":37.0,"category":"SHELLING","killedCivilian":-2}""".formatted(minutesAgo(10)));
        assertThat(negative.fieldError("killedCivilian")).isNotNull();
        assertThat(observer.inLanguage("uk").post(url, report(null, minutesAgo(10), 95.0, 37.0, "SHELLING")).fieldError("latitude"))
                .isEqualTo("Широта має бути від −90 до 90.");
        // A region without coordinates places the report at the region's centre.
        var byRegion = check(observer.post(url, """
                {"observedFrom":"%s","admin1":"Kharkiv Oblast","category":"TROOP_MOVEMENT"}""".formatted(minutesAgo(10))), 201).json();
        assertThat(byRegion.path("admin1").asString()).isEqualTo("Kharkiv Oblast");
        assertThat(byRegion.path("latitude").asDouble()).isBetween(48.5, 50.5);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_report WHERE process_id = ?").param(p.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void attachmentsAreHashedOnTheRecordAndOversizedOnesRefused() throws Exception {
        SmallProcess p = servedProcess(mediator);
        long reportId = submit(observer, p.id(), report(uid("att"), minutesAgo(30), 48.5, 35.0, "EXPLOSION")).path("id").asLong();
        byte[] photo = "not really a jpeg, but bytes".getBytes();
        var saved = check(observer.post(base(p.id()) + "/reports/" + reportId + "/attachments", """
                {"fileName":"crater.jpg","contentType":"image/jpeg","contentBase64":"%s"}""".formatted(Base64.getEncoder().encodeToString(photo))), 201).json();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(saved.path("sha256").asString()).isEqualTo(sha);
        assertThat(record.entriesAbout("monitoring-report/" + reportId)).anySatisfy(e -> assertThat(e.json()).contains(sha));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        var tooBig = observer.post(base(p.id()) + "/reports/" + reportId + "/attachments", """
                {"fileName":"video.mp4","contentType":"video/mp4","contentBase64":"%s"}""".formatted(Base64.getEncoder().encodeToString(big)));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.fieldError("content")).isEqualTo("The file is too large: at most 5 MB.");
        // Someone else's report: refused.
        assertThat(observer2.post(base(p.id()) + "/reports/" + reportId + "/attachments", """
                {"fileName":"x.jpg","contentBase64":"eA=="}""").status()).isEqualTo(403);
    }

    @Test
    void observersCannotEditOthersReportsAndThePublicSeesVerifiedEventsOnly() {
        SmallProcess p = servedProcess(mediator);
        JsonNode mine = submit(observer, p.id(), report(uid("own"), minutesAgo(100), 49.99, 36.23, "SHELLING"));
        long reportId = mine.path("id").asLong();
        String changed = report(null, minutesAgo(100), 49.99, 36.23, "MISSILE_STRIKE");
        var other = observer2.put(base(p.id()) + "/reports/" + reportId, changed);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("detail").asString()).isEqualTo("You may change only your own reports.");
        mine = check(observer.put(base(p.id()) + "/reports/" + reportId, changed), 200).json();
        assertThat(mine.path("category").asString()).isEqualTo("MISSILE_STRIKE");
        // Parties and the public may not read reports at all.
        assertThat(api.asDemo("delegate.ua").get(base(p.id()) + "/reports/" + reportId).status()).isEqualTo(403);
        assertThat(api.get(base(p.id()) + "/reports").status()).isEqualTo(401);

        long unverified = mine.path("eventId").asLong();
        long verified = submit(observer, p.id(), report(uid("v1"), minutesAgo(200), 47.84, 35.14, "SHELLING")).path("eventId").asLong();
        submit(observer2, p.id(), report(uid("v2"), minutesAgo(195), 47.845, 35.14, "SHELLING"));
        check(mediator.post(base(p.id()) + "/events/" + verified + "/decision", """
                {"state":"VERIFIED","reason":"Seen by two patrols, craters measured","attributedPartyId":%d}""".formatted(p.partyA())), 200);

        for (Api reader : List.of(api, api.asDemo("delegate.ua"), api.asDemo("analyst"))) {
            JsonNode events = check(reader.get(base(p.id()) + "/events"), 200).json();
            assertThat(events.findValuesAsString("state")).containsOnly("VERIFIED");
            assertThat(events.findValues("id").stream().map(JsonNode::asLong).toList()).contains(verified).doesNotContain(unverified);
            assertThat(reader.get(base(p.id()) + "/events/" + unverified).status()).isEqualTo(404);
            assertThat(check(reader.get(base(p.id()) + "/events/" + verified), 200).json().path("reports")).isEmpty();
            String csv = check(reader.get(base(p.id()) + "/export/events.csv"), 200).body();
            assertThat(csv.lines().count()).isEqualTo(2);
            assertThat(csv).contains("VERIFIED").doesNotContain("REPORTED");
        }
        JsonNode all = check(observer.get(base(p.id()) + "/events"), 200).json();
        assertThat(all.findValues("id").stream().map(JsonNode::asLong).toList()).contains(verified, unverified);
        // The public map (GeoJSON) and ACLED export carry the same verified event.
        JsonNode geo = check(api.get(base(p.id()) + "/export/events.geojson"), 200).json();
        assertThat(geo.path("features")).hasSize(1);
        assertThat(geo.path("features").get(0).path("properties").path("attributedParty").asString()).isEqualTo("A");
        String acled = check(api.get(base(p.id()) + "/export/events-acled.csv"), 200).body();
        assertThat(acled.lines().findFirst().orElseThrow()).startsWith("event_id_cnty,event_date,year,event_type,sub_event_type,actor1");
        assertThat(acled).contains("PARLEY" + verified, "Shelling/artillery/missile attack", "State A");
    }

    @Test
    void aVerifierDecidesWithAReasonOnTheRecordAndAVerifiedEventViolatesTheCeasefiresInForce() {
        SmallProcess p = servedProcess(mediator);
        Instant start = minutesAgo(60 * 24 * 3);
        long general = check(mediator.post(base(p.id()) + "/ceasefires", """
                {"name":"General ceasefire","startsAt":"%s","geography":"COUNTRY","categories":["SHELLING","DRONE_STRIKE","SMALL_ARMS_FIRE"]}"""
                .formatted(start)), 201).json().path("id").asLong();
        long line = check(mediator.post(base(p.id()) + "/ceasefires", """
                {"name":"Heavy weapons line","startsAt":"%s","geography":"CONTACT_LINE","coordinates":[[37.0,47.5],[38.5,48.8]],"bufferKm":15,
                 "categories":["SHELLING"]}""".formatted(start)), 201).json().path("id").asLong();
        long area = check(mediator.post(base(p.id()) + "/ceasefires", """
                {"name":"Kharkiv pocket","startsAt":"%s","endsAt":"%s","geography":"POLYGON",
                 "coordinates":[[35.5,49.5],[37.0,49.5],[37.0,50.5],[35.5,50.5],[35.5,49.5]],"categories":["SHELLING"]}"""
                .formatted(start, Instant.now().plus(10, ChronoUnit.DAYS))), 201).json().path("id").asLong();

        // A shelling near the contact line, reported by two observers.
        long event = submit(observer, p.id(), report(uid("x"), minutesAgo(120), 48.10, 37.80, "SHELLING")).path("eventId").asLong();
        submit(observer2, p.id(), report(uid("y"), minutesAgo(110), 48.105, 37.805, "SHELLING"));

        // Verifying needs a state and a reason; attribution needs "verified"; an unknown party is refused.
        var noReason = observer.post(base(p.id()) + "/events/" + event + "/decision", "{\"state\":\"VERIFIED\"}");
        assertThat(noReason.fieldError("reason")).isEqualTo("Give the reason.");
        assertThat(observer.post(base(p.id()) + "/events/" + event + "/decision", """
                {"state":"INCONCLUSIVE","reason":"r","attributedPartyId":%d}""".formatted(p.partyA())).fieldError("attributedPartyId"))
                .isEqualTo("Only a verified event can be attributed to a party.");
        assertThat(observer.post(base(p.id()) + "/events/" + event + "/decision", """
                {"state":"VERIFIED","reason":"r","attributedPartyId":999999999}""").status()).isEqualTo(400);
        // Parties cannot decide.
        assertThat(api.asDemo("delegate.ua").post(base(p.id()) + "/events/" + event + "/decision", "{\"state\":\"REFUTED\",\"reason\":\"no\"}").status())
                .isEqualTo(403);

        JsonNode decided = check(observer.post(base(p.id()) + "/events/" + event + "/decision", """
                {"state":"VERIFIED","reason":"Craters from the north-east, 122 mm","attributedPartyId":%d}""".formatted(p.partyB())), 200).json();
        assertThat(decided.path("state").asString()).isEqualTo("VERIFIED");
        assertThat(decided.path("decidedByName").asString()).isEqualTo("Monitoring mission observer");
        assertThat(observer.post(base(p.id()) + "/events/" + event + "/decision", "{\"state\":\"REFUTED\",\"reason\":\"changed my mind\"}").status())
                .isEqualTo(409);

        var entries = record.entriesAbout("monitoring-event/" + event);
        assertThat(entries).anySatisfy(e -> assertThat(e.type()).isEqualTo("monitoring.event_decided"));
        assertThat(entries.stream().filter(e -> e.type().equals("monitoring.event_decided")).findFirst().orElseThrow().json())
                .contains("\"state\":\"VERIFIED\"", "\"attributedTo\":\"B\"", "reasonSha256").doesNotContain("Craters from the north-east");
        assertThat(entries.stream().filter(e -> e.type().equals("monitoring.violation")).count()).isEqualTo(2);

        JsonNode detail = check(api.get(base(p.id()) + "/events/" + event), 200).json();
        assertThat(detail.path("violations").findValuesAsString("name")).containsExactlyInAnyOrder("General ceasefire", "Heavy weapons line");

        JsonNode compliance = check(api.get(base(p.id()) + "/ceasefires/" + general + "/compliance"), 200).json();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(minutesAgo(120), ZoneOffset.UTC);
        List<String> days = compliance.path("days").valueStream().map(JsonNode::asString).toList();
        assertThat(days.getLast()).isEqualTo(today.toString());
        int col = days.indexOf(day.toString());
        JsonNode rowB = compliance.path("rows").valueStream().filter(r -> r.path("partyId").asLong() == p.partyB()).findFirst().orElseThrow();
        assertThat(rowB.path("perDay").get(col).asInt()).isEqualTo(1);
        assertThat(rowB.path("total").asInt()).isEqualTo(1);
        JsonNode rowA = compliance.path("rows").valueStream().filter(r -> r.path("partyId").asLong() == p.partyA()).findFirst().orElseThrow();
        assertThat(rowA.path("total").asInt()).isZero();
        assertThat(rowA.path("compliantDays").asInt()).isEqualTo(days.size());
        assertThat(check(api.get(base(p.id()) + "/ceasefires/" + area + "/compliance"), 200).json().path("rows").findValues("total")
                .stream().mapToInt(JsonNode::asInt).sum()).isZero();
        assertThat(line).isPositive();

        // A ceasefire defined later judges the events verified before it.
        long later = check(mediator.post(base(p.id()) + "/ceasefires", """
                {"name":"Donbas scope","startsAt":"%s","geography":"POLYGON","coordinates":[[37.0,47.5],[39.0,47.5],[39.0,49.0],[37.0,49.0],[37.0,47.5]],
                 "categories":["SHELLING"]}""".formatted(start)), 201).json().path("id").asLong();
        assertThat(check(api.get(base(p.id()) + "/events/" + event), 200).json().path("violations").findValues("id").stream()
                .map(JsonNode::asLong).toList()).contains(later);
    }

    @Test
    void badCeasefiresAreRefusedAndOnlyMediatorsDefineThem() {
        SmallProcess p = servedProcess(mediator);
        String url = base(p.id()) + "/ceasefires";
        assertThat(mediator.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-01-01T00:00:00Z","geography":"COUNTRY","categories":["SHELLING"]}""")
                .fieldError("endsAt")).isEqualTo("The end is before the start.");
        assertThat(mediator.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","geography":"POLYGON","coordinates":[[35,49],[36,49],[36,50]],"categories":["SHELLING"]}""")
                .fieldError("coordinates")).startsWith("A polygon needs at least four points");
        assertThat(mediator.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","geography":"CONTACT_LINE","coordinates":[[35,49],[36,49]],"categories":["SHELLING"]}""")
                .fieldError("bufferKm")).isNotNull();
        assertThat(mediator.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","geography":"COUNTRY","categories":["TEA_PARTY"]}""")
                .fieldError("categories")).isEqualTo("Unknown category: \u201cTEA_PARTY\u201d.");
        assertThat(mediator.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","geography":"COUNTRY","categories":["SHELLING"],"milestoneId":999999999}""")
                .fieldError("milestoneId")).isNotNull();
        assertThat(observer.post(url, """
                {"name":"x","startsAt":"2026-02-01T00:00:00Z","geography":"COUNTRY","categories":["SHELLING"]}""").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_ceasefire WHERE process_id = ?").param(p.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aPersonMergesAndSplitsEvents() {
        SmallProcess p = servedProcess(mediator);
        long e1 = submit(observer, p.id(), report(uid("m1"), minutesAgo(90), 46.95, 32.00, "SHELLING")).path("eventId").asLong();
        long e2 = submit(observer2, p.id(), report(uid("m2"), minutesAgo(85), 46.99, 32.00, "SHELLING")).path("eventId").asLong();
        assertThat(e2).isNotEqualTo(e1); // 4.4 km apart: not grouped automatically
        JsonNode merged = check(observer.post(base(p.id()) + "/events/" + e1 + "/merge", """
                {"otherEventId":%d,"reason":"Same impact seen from two posts"}""".formatted(e2)), 200).json();
        assertThat(merged.path("observers").asInt()).isEqualTo(2);
        assertThat(merged.path("state").asString()).isEqualTo("CORROBORATED");
        assertThat(observer.get(base(p.id()) + "/events/" + e2).status()).isEqualTo(404);

        JsonNode reports = check(observer.get(base(p.id()) + "/events/" + e1), 200).json().path("reports");
        long second = reports.get(1).path("id").asLong();
        JsonNode split = check(observer.post(base(p.id()) + "/events/" + e1 + "/split", """
                {"reportIds":[%d],"reason":"Different impacts after all"}""".formatted(second)), 201).json();
        assertThat(split.path("reports").asInt()).isEqualTo(1);
        JsonNode back = check(observer.get(base(p.id()) + "/events/" + e1), 200).json().path("event");
        assertThat(back.path("state").asString()).isEqualTo("REPORTED");
        assertThat(back.path("observers").asInt()).isEqualTo(1);
        assertThat(observer.post(base(p.id()) + "/events/" + e1 + "/split", """
                {"reportIds":[%d],"reason":"all of them"}""".formatted(reports.get(0).path("id").asLong())).status()).isEqualTo(400);
        assertThat(observer.post(base(p.id()) + "/events/" + e1 + "/merge", """
                {"otherEventId":%d,"reason":"self"}""".formatted(e1)).status()).isEqualTo(400);
    }

    @Test
    void aMediatorRegroupsOpenEventsByTheRuleAndLeavesDecidedOnesAlone() {
        SmallProcess p = servedProcess(mediator);
        long e1 = submit(observer, p.id(), report(uid("g1"), minutesAgo(90), 50.45, 30.52, "SHELLING")).path("eventId").asLong();
        submit(observer2, p.id(), report(uid("g2"), minutesAgo(88), 50.451, 30.521, "SHELLING"));
        JsonNode reports = check(observer.get(base(p.id()) + "/events/" + e1), 200).json().path("reports");
        check(observer.post(base(p.id()) + "/events/" + e1 + "/split", """
                {"reportIds":[%d],"reason":"looked different"}""".formatted(reports.get(1).path("id").asLong())), 201);
        long decided = submit(observer, p.id(), report(uid("g3"), minutesAgo(300), 49.84, 24.03, "SHELLING")).path("eventId").asLong();
        check(observer.post(base(p.id()) + "/events/" + decided + "/decision", "{\"state\":\"REFUTED\",\"reason\":\"a training exercise\"}"), 200);

        assertThat(mediator.post(base(p.id()) + "/regroup", "{}").fieldError("reason")).isEqualTo("Give the reason.");
        assertThat(observer.post(base(p.id()) + "/regroup", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        JsonNode done = check(mediator.post(base(p.id()) + "/regroup", "{\"reason\":\"Settings reviewed\"}"), 200).json();
        assertThat(done.path("reports").asInt()).isEqualTo(2);
        assertThat(done.path("eventsBefore").asInt()).isEqualTo(2);
        assertThat(done.path("eventsAfter").asInt()).isEqualTo(1);
        JsonNode events = check(observer.get(base(p.id()) + "/events"), 200).json();
        assertThat(events).hasSize(2);
        JsonNode regrouped = events.valueStream().filter(e -> e.path("id").asLong() != decided).findFirst().orElseThrow();
        assertThat(regrouped.path("state").asString()).isEqualTo("CORROBORATED");
        assertThat(regrouped.path("observers").asInt()).isEqualTo(2);
        assertThat(check(observer.get(base(p.id()) + "/events/" + decided), 200).json().path("event").path("state").asString()).isEqualTo("REFUTED");
    }

    @Test
    void claimsStayApartFromEventsAndOtherPartiesSeeThemOnlyOncePublic() {
        long demo = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        long ru = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'RU'").param(demo).query(Long.class).single();
        Api ua = api.asDemo("delegate.ua");
        Api rus = api.asDemo("delegate.ru");
        JsonNode before = check(api.get(base(demo) + "/dashboard"), 200).json();
        String text = "Shelling of the bridge claimed " + java.util.UUID.randomUUID();
        JsonNode claim = check(ua.post(base(demo) + "/claims", """
                {"observedFrom":"%s","latitude":47.9,"longitude":37.6,"category":"SHELLING","accusedPartyId":%d,"description":"%s",
                 "evidence":"Photos ref 1"}""".formatted(minutesAgo(300), ru, text)), 201).json();
        long id = claim.path("id").asLong();
        assertThat(claim.path("status").asString()).isEqualTo("CLAIMED");
        assertThat(claim.path("evidenceSha256").asString()).hasSize(64);

        // Only the claimant, observers and mediators see it while it is claimed.
        assertThat(check(ua.get(base(demo) + "/claims/" + id), 200).json().path("description").asString()).isEqualTo(text);
        assertThat(rus.get(base(demo) + "/claims/" + id).status()).isEqualTo(404);
        assertThat(check(rus.get(base(demo) + "/claims"), 200).body()).doesNotContain(text);
        assertThat(api.get(base(demo) + "/claims/" + id).status()).isEqualTo(404);
        assertThat(check(observer.get(base(demo) + "/claims/" + id), 200).json().path("id").asLong()).isEqualTo(id);
        assertThat(rus.post(base(demo) + "/claims/" + id + "/decision", "{\"status\":\"REFUTED\",\"reason\":\"lies\"}").status()).isEqualTo(403);

        // A claim is never counted as an event.
        JsonNode after = check(api.get(base(demo) + "/dashboard"), 200).json();
        assertThat(after.path("last24h").asInt()).isEqualTo(before.path("last24h").asInt());
        assertThat(after.path("days").findValues("events").stream().mapToInt(JsonNode::asInt).sum())
                .isEqualTo(before.path("days").findValues("events").stream().mapToInt(JsonNode::asInt).sum());
        JsonNode mediatorView = check(mediator.get(base(demo) + "/dashboard"), 200).json();
        assertThat(mediatorView.path("claimsOpen").asLong()).isPositive();

        // Observers verify it: now it is public, to the other party and to everyone.
        check(observer.post(base(demo) + "/claims/" + id + "/decision", "{\"status\":\"VERIFIED\",\"reason\":\"Impacts found on the bridge\"}"), 200);
        assertThat(check(rus.get(base(demo) + "/claims/" + id), 200).json().path("status").asString()).isEqualTo("VERIFIED");
        assertThat(check(api.get(base(demo) + "/claims"), 200).body()).contains(text);
        assertThat(record.entriesAbout("monitoring-claim/" + id)).singleElement()
                .satisfies(e -> assertThat(e.json()).contains("\"status\":\"VERIFIED\"").doesNotContain(text));
        assertThat(observer.post(base(demo) + "/claims/" + id + "/decision", "{\"status\":\"REFUTED\",\"reason\":\"again\"}").status()).isEqualTo(409);
        // Bad claims.
        assertThat(ua.post(base(demo) + "/claims", """
                {"observedFrom":"%s","latitude":100,"longitude":37.6,"category":"SHELLING","description":"x"}""".formatted(minutesAgo(10)))
                .fieldError("latitude")).isNotNull();
        assertThat(observer.post(base(demo) + "/claims", "{}").status()).isEqualTo(403);
    }

    @Test
    void theDemoHasACeasefireLinkedToTheCeasefireMilestoneWithVerifiedViolations() {
        long demo = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        JsonNode ceasefires = check(api.get(base(demo) + "/ceasefires"), 200).json();
        JsonNode general = ceasefires.valueStream().filter(c -> c.path("name").asString().equals("General ceasefire")).findFirst().orElseThrow();
        long milestone = jdbc.sql("SELECT id FROM milestone WHERE process_id = ? AND title = 'Initial ceasefire agreement'").param(demo).query(Long.class).single();
        assertThat(general.path("milestoneId").asLong()).isEqualTo(milestone);
        JsonNode compliance = check(api.get(base(demo) + "/ceasefires/" + general.path("id").asLong() + "/compliance"), 200).json();
        assertThat(compliance.path("rows").findValues("total").stream().mapToInt(JsonNode::asInt).sum()).isGreaterThanOrEqualTo(3);
        assertThat(check(api.get(base(demo) + "/events"), 200).json().findValuesAsString("state")).contains("VERIFIED").containsOnly("VERIFIED");
    }
}
