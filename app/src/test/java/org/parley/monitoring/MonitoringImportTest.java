package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Imports of outside sources: the real UCDP GED file with its totals, ACLED-format rows with errors reported by row. */
@ParleyTest
class MonitoringImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String observerToken;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        var r = api.post("/api/v1/auth/token", "{\"username\":\"observer@demo.parley\",\"password\":\"" + ParleyTest.DEMO_PASSWORD + "\"}");
        observerToken = r.json().path("accessToken").asString();
    }

    Api.Response upload(long pid, String format, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/processes/" + pid
                        + "/monitoring/imports?format=" + format + "&fileName=test.csv"))
                .header("Content-Type", "text/csv").header("Accept", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    @Test
    void theRealUcdpFileImportsAllEventsWithTheirDeathsAndAgainAddsNothing() throws Exception {
        var p = Fixtures.smallProcess(api.asDemo("mediator"), "2014-01-01");
        MonitoringApiTest.serve(api.asDemo("mediator"), p.id(), "observer");
        byte[] file = Files.readAllBytes(MonitoringRealData.file("ucdp-ged-ukraine-2014-2023.csv"));
        JsonNode result = check(upload(p.id(), "UCDP_GED", file, observerToken), 201).json();
        assertThat(result.path("status").asString()).isEqualTo("DONE");
        assertThat(result.path("rowsRead").asInt()).isEqualTo(3883);
        assertThat(result.path("rowsImported").asInt()).isEqualTo(3883);
        assertThat(result.path("rowsFailed").asInt()).isZero();
        assertThat(result.path("deathsBest").asLong()).isEqualTo(18480);
        assertThat(jdbc.sql("SELECT count(*), sum(deaths_best) FROM monitoring_outside_report WHERE process_id = ? AND source = 'UCDP GED'")
                .param(p.id()).query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)).single()).isEqualTo("3883/18480");
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_outside_report WHERE process_id = ? AND admin1 IS NOT NULL").param(p.id()).query(Long.class).single())
                .isGreaterThan(3500);
        assertThat(result.path("sha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(file)));

        // The same file again: every row is a duplicate, nothing is added.
        JsonNode again = check(upload(p.id(), "UCDP_GED", file, observerToken), 201).json();
        assertThat(again.path("rowsImported").asInt()).isZero();
        assertThat(again.path("rowsDuplicate").asInt()).isEqualTo(3883);
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_outside_report WHERE process_id = ?").param(p.id()).query(Long.class).single()).isEqualTo(3883);
        // Outside events are kept apart: not observers' reports, not events, not counted with them; seen as outside sources.
        assertThat(jdbc.sql("SELECT count(*) FROM monitoring_report WHERE process_id = ?").param(p.id()).query(Long.class).single()).isZero();
        String base = "/api/v1/processes/" + p.id() + "/monitoring";
        JsonNode dashboard = check(api.asDemo("observer").get(base + "/dashboard"), 200).json();
        assertThat(dashboard.path("outsideReports").asLong()).isEqualTo(3883);
        assertThat(dashboard.path("last24h").asInt()).isZero();
        assertThat(dashboard.path("days").findValues("events").stream().mapToInt(JsonNode::asInt).sum()).isZero();
        assertThat(check(api.asDemo("observer").get(base + "/events"), 200).json()).isEmpty();
        assertThat(check(api.asDemo("observer").get(base + "/reports"), 200).json()).isEmpty();
        JsonNode outside = check(api.asDemo("observer").get(base + "/outside-reports?from=2022-02-24&to=2022-02-24&limit=5000"), 200).json();
        assertThat(outside.size()).isEqualTo(jdbc.sql("SELECT count(*) FROM monitoring_outside_report WHERE process_id = ? AND "
                + "observed_from >= '2022-02-24' AND observed_from < '2022-02-25'").param(p.id()).query(Integer.class).single()).isPositive();
        assertThat(outside.get(0).path("source").asString()).isEqualTo("UCDP GED");
        // The public sees no outside source: neither the list nor its count.
        assertThat(check(api.get(base + "/dashboard"), 200).json().path("outsideReports").asLong()).isZero();
        assertThat(api.get(base + "/outside-reports").status()).isEqualTo(401);
        assertThat(api.asDemo("delegate.ua").get(base + "/outside-reports").status()).isEqualTo(403);
        // Progress and result can be read back.
        assertThat(check(api.asDemo("observer").get("/api/v1/processes/" + p.id() + "/monitoring/imports/" + result.path("id").asLong()), 200)
                .json().path("rowsImported").asInt()).isEqualTo(3883);
    }

    @Test
    void acledRowsThatCannotBeReadAreReportedByRowAndTheRestImported() throws Exception {
        var p = Fixtures.smallProcess(api.asDemo("mediator"), "2024-01-01");
        MonitoringApiTest.serve(api.asDemo("mediator"), p.id(), "observer");
        String csv = """
                event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp
                UKR1001,2024-03-01,2024,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia,,Donetsk,Pokrovskyi,Myrnohrad,48.3022,37.2597,1,Ukrinform,Shelling of the town,2,1709856000
                UKR1002,05 March 2024,2024,Battles,Armed clash,Military Forces of Ukraine,Military Forces of Russia,Zaporizhia,Polohivskyi,Robotyne,47.4460,35.8370,2,ISW,Clashes near the village,0,1709856000
                UKR1003,2024-03-02,2024,Explosions/Remote violence,Air/drone strike,Military Forces of Russia,,Kharkiv,Kharkivskyi,Kharkiv,95.5,36.23,1,Suspilne,Drone strike,1,1709856000
                UKR1004,not a date,2024,Battles,Armed clash,,,Luhansk,,Kreminna,49.05,38.21,2,ISW,,0,1709856000
                UKR1005,2024-03-04,2024,Violence against civilians,Attack,,,Kherson,,Kherson,46.63,32.61,1,UN,Attack on civilians,-1,1709856000
                UKR1006,2024-03-04,2024,Explosions/Remote violence,Air/drone strike,Military Forces of Russia,,Odesa,,Odesa,46.48,30.72,1,Suspilne,A drone hit the port,0,1709856000
                """;
        JsonNode result = check(upload(p.id(), "ACLED", csv.getBytes(), observerToken), 201).json();
        assertThat(result.path("rowsRead").asInt()).isEqualTo(6);
        assertThat(result.path("rowsImported").asInt()).isEqualTo(3);
        assertThat(result.path("rowsFailed").asInt()).isEqualTo(3);
        assertThat(result.path("errors").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(4, 5, 6);
        assertThat(result.path("errors").get(0).path("message").asString()).isEqualTo("latitude is out of range: 95.5");
        assertThat(result.path("errors").get(1).path("message").asString()).contains("event_date is not a date");
        assertThat(result.path("errors").get(2).path("message").asString()).contains("fatalities is negative");
        assertThat(jdbc.sql("SELECT category FROM monitoring_outside_report WHERE process_id = ? ORDER BY external_id").param(p.id()).query(String.class).list())
                .containsExactly("SHELLING", "SMALL_ARMS_FIRE", "DRONE_STRIKE");

        // A file without the needed columns is refused as a whole; the public may not import; an unknown format is refused.
        var noHeader = upload(p.id(), "ACLED", "a,b,c\n1,2,3\n".getBytes(), observerToken);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.json().path("errors").get(0).path("message").asString()).startsWith("The file lacks the columns: event_id_cnty");
        assertThat(upload(p.id(), "ACLED", csv.getBytes(), null).status()).isEqualTo(401);
        assertThat(upload(p.id(), "GDELT", csv.getBytes(), observerToken).status()).isEqualTo(400);
    }
}
