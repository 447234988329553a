package org.parley.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.ParleyTest;
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

    @Test
    void thePublicSeesTheDashboardWithVerifiedEventsOnlyInEachLanguage() {
        String p = "/processes/" + pid + "/monitoring";
        Page en = new Web("en").get(p);
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("Ceasefire monitoring", "verified events only", "General ceasefire", "ukraine-admin1.geojson", "id=\"compliance\"")
                .doesNotContain("data-state=\"REPORTED\"", "data-state=\"CORROBORATED\"", "File a report");
        assertThat(en.body()).contains("data-state=\"VERIFIED\"");
        assertThat(en.body()).contains("Withdrawal of weapons", "Inside a withdrawal zone", "Multiple rocket launchers: at least 70 km")
                .doesNotContain("Storage site North-1");
        assertThat(new Web("uk").get(p).body()).contains("Моніторинг припинення вогню", "Дотримання режимів припинення вогню");
        assertThat(new Web("ru").get(p).body()).contains("Мониторинг прекращения огня", "Соблюдение режимов прекращения огня");
        assertThat(new Web("en").get(p + "/events/" + verifiedEvent).status()).isEqualTo(200);
        assertThat(new Web("en").get(p + "/events/" + verifiedEvent).body()).contains("Violation of «General ceasefire»");
        assertThat(new Web("en").get(p + "/events/" + openEvent).status()).isEqualTo(404);
        String geo = new Web("en").get(p + "/map.geojson").body();
        assertThat(geo).contains("\"FeatureCollection\"", "\"VERIFIED\"").doesNotContain("\"REPORTED\"", "\"CORROBORATED\"");
        assertThat(new Web("en").get(p + "?category=NOPE").body()).contains("Unknown category");
        assertThat(new Web("en").get(p + "/reports/new").status()).isEqualTo(302);
    }

    @Test
    void anObserverFilesAReportOnTheFormAndBadInputComesBackWithMessages() {
        Web observer = new Web("en").signIn("observer@demo.parley");
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

        Web mediator = new Web("en").signIn("mediator@demo.parley");
        Page noReason = mediator.post(ok.location(), ok.location().replaceFirst("\\?.*$", "") + "/decision", "state", "REFUTED", "reason", "");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Give the reason.");
        Page refuted = mediator.post(ok.location(), ok.location().replaceFirst("\\?.*$", "") + "/decision", "state", "REFUTED",
                "reason", "The explosions were a controlled demolition");
        assertThat(refuted.status()).isEqualTo(302);
        assertThat(mediator.get(refuted.location()).body()).contains("the event is now “Refuted”", "The explosions were a controlled demolition");

        Web delegate = new Web("en").signIn("delegate.ua@demo.parley");
        assertThat(delegate.get(p + "/reports/new").status()).isEqualTo(403);
        assertThat(delegate.get(p).body()).doesNotContain("data-state=\"REPORTED\"");
    }

    record Page(int status, String location, String body) {
    }

    final class Web {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final String language;

        Web(String language) {
            this.language = language;
        }

        Web signIn(String email) {
            Page signedIn = post("/login", "/login", "username", email, "password", ParleyTest.DEMO_PASSWORD);
            assertThat(signedIn.status()).isEqualTo(302);
            assertThat(signedIn.location()).doesNotContain("error");
            return this;
        }

        Page get(String path) {
            return send(request(path).GET().build());
        }

        Page post(String formPage, String action, String... fields) {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf.group(1)));
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
            }
            return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        private HttpRequest.Builder request(String path) {
            String url = path.startsWith("http") ? path : "http://localhost:" + port + path;
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", "text/html")
                    .header("Accept-Language", language);
        }

        private Page send(HttpRequest request) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
            } catch (Exception e) {
                throw new IllegalStateException(request.method() + " " + request.uri(), e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
