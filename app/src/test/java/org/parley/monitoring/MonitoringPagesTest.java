package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monitoring pages over real HTTP: for the public and for observers, in three languages, with forms that say what is wrong. */
@ParleyTest
class MonitoringPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long pid;
    long verifiedEvent;
    long openEvent;

    @BeforeEach
    void demo() {
        pid = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        verifiedEvent = jdbc.sql("SELECT min(id) FROM monitoring_event WHERE process_id = ? AND state = 'VERIFIED'").param(pid).query(Long.class).single();
        openEvent = jdbc.sql("SELECT min(id) FROM monitoring_event WHERE process_id = ? AND state IN ('REPORTED', 'CORROBORATED')").param(pid)
                .query(Long.class).single();
    }

    private Web web(String language) {
        return new Web(port, language);
    }

    @Test
    void thePublicSeesTheDashboardWithVerifiedEventsOnlyInEachLanguage() {
        String p = "/processes/" + pid + "/monitoring";
        Page en = web("en").get(p);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("Ceasefire monitoring", "verified events only", "General ceasefire", "ukraine-admin1.geojson", "id=\"compliance\"")
                .doesNotContain("data-state=\"REPORTED\"", "data-state=\"CORROBORATED\"", "File a report");
        assertThat(en.body()).contains("data-state=\"VERIFIED\"");
        assertThat(en.body()).contains("Withdrawal of weapons", "Inside a withdrawal zone", "Multiple rocket launchers: at least 70 km")
                .doesNotContain("Storage site North-1");
        assertThat(web("uk").get(p).body()).contains("Моніторинг припинення вогню", "Дотримання режимів припинення вогню");
        assertThat(web("ru").get(p).body()).contains("Мониторинг прекращения огня", "Соблюдение режимов прекращения огня");
        assertThat(web("en").get(p + "/events/" + verifiedEvent).status()).isEqualTo(200);
        assertThat(web("en").get(p + "/events/" + verifiedEvent).body()).contains("Violation of «General ceasefire»");
        assertThat(web("en").get(p + "/events/" + openEvent).status()).isEqualTo(404);
        String geo = web("en").get(p + "/map.geojson").body();
        assertThat(geo).contains("\"FeatureCollection\"", "\"VERIFIED\"").doesNotContain("\"REPORTED\"", "\"CORROBORATED\"");
        assertThat(web("en").get(p + "?category=NOPE").body()).contains("Unknown category");
        assertThat(web("en").get(p + "/reports/new").status()).isEqualTo(302);
    }

    @Test
    void anObserverFilesAReportOnTheFormAndBadInputComesBackWithMessages() {
        Web observer = web("en").signIn("observer@demo.parley", ParleyTest.DEMO_PASSWORD);
        String p = "/processes/" + pid + "/monitoring";
        Page dash = observer.get(p);
        assertThat(dash.body()).contains("File a report", "data-state=\"REPORTED\"");
        assertThat(observer.get(p + "/events/" + openEvent).body()).contains("Record the decision");

        String when = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(20).truncatedTo(ChronoUnit.MINUTES).toString();
        Page bad = observer.post(p + "/reports/new", p + "/reports/new", "clientId", "page-bad-" + System.nanoTime(), "category", "SHELLING",
                "observedFrom", when, "latitude", "91", "longitude", "36.5", "description", "Explosions typed by hand");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Latitude must be between", "Explosions typed by hand", "value=\"91.0\"");
        Page typo = observer.post(p + "/reports/new", p + "/reports/new", "category", "SHELLING", "observedFrom", when, "latitude", "abc",
                "longitude", "36.5");
        assertThat(typo.status()).isEqualTo(400);

        String clientId = "page-" + System.nanoTime();
        Page ok = observer.post(p + "/reports/new", p + "/reports/new", "clientId", clientId, "category", "SHELLING", "observedFrom", when,
                "latitude", "49.4400", "longitude", "32.0600", "description", "Два вибухи на околиці міста", "language", "uk");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).contains("/monitoring/events/");
        Page event = observer.get(ok.location());
        assertThat(event.body()).contains("Your report is saved", "Два вибухи на околиці міста", "Cherkasy Oblast");

        Web mediator = web("en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD);
        Page noReason = mediator.post(ok.location(), ok.location().replaceFirst("\\?.*$", "") + "/decision", "state", "REFUTED", "reason", "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason.");
        Page refuted = mediator.post(ok.location(), ok.location().replaceFirst("\\?.*$", "") + "/decision", "state", "REFUTED",
                "reason", "The explosions were a controlled demolition");
        assertThat(refuted.status()).isEqualTo(302);
        assertThat(mediator.get(refuted.location()).body()).contains("the event is now “Refuted”", "The explosions were a controlled demolition");

        Web delegate = web("en").signIn("delegate.ua@demo.parley", ParleyTest.DEMO_PASSWORD);
        assertThat(delegate.get(p + "/reports/new").status()).isEqualTo(403);
        assertThat(delegate.get(p).body()).doesNotContain("data-state=\"REPORTED\"");
    }
}
