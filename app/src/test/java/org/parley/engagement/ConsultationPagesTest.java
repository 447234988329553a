package org.parley.engagement;

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
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consultation pages over real HTTP, as a browser without JavaScript (and with htmx) uses them:
 * they render in three languages, the public votes with a cookie and no account, forms keep what
 * was typed and say what is wrong, and organisers' pages stay theirs.
 */
@ParleyTest
class ConsultationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    Consultations consultations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    long pid;
    Consultation open;
    String base;

    @BeforeEach
    void aConsultation() {
        pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        Accounts.Account m = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        Viewer mediator = new Viewer(m.id(), m.email(), m.displayName(), Role.MEDIATOR, null);
        Instant now = Instant.now();
        open = consultations.create(pid, new NewConsultation("Pages test " + System.nanoTime(), "Context", List.of("en", "uk", "ru"),
                now.minusSeconds(60), now.plusSeconds(86_400), Consultation.Moderation.BEFORE, false,
                List.of("The first statement", "The second statement")), mediator);
        base = "/processes/" + pid + "/consultations/" + open.id();
    }

    @Test
    void thePagesRenderInThreeLanguagesAndOrganisersPagesStayTheirs() {
        for (String lang : List.of("en", "uk", "ru")) {
            Web web = new Web(lang);
            for (String page : List.of("/processes/" + pid + "/consultations", base, base + "/report")) {
                assertThat(web.get(page).status()).as(lang + " " + page).isEqualTo(200);
            }
        }
        assertThat(new Web("uk").get(base + "/report").body()).contains("Спільне", "Групи думок", "Відкриті дані");
        assertThat(new Web("ru").get(base).body()).contains("Согласен", "Не согласен", open.question());
        assertThat(new Web("en").get("/processes/" + pid + "/consultations").body()).contains(open.question());
        // organisers' pages: to the public, a sign-in; to the mediator, the page
        assertThat(new Web("en").get(base + "/moderation").status()).isEqualTo(302);
        Web mediator = new Web("en").signIn("mediator@demo.parley");
        assertThat(mediator.get(base + "/moderation").status()).isEqualTo(200);
        assertThat(mediator.get("/processes/" + pid + "/consultations/new").status()).isEqualTo(200);
        assertThat(new Web("en").get("/processes/" + pid + "/consultations/999999999").status()).isEqualTo(404);
    }

    @Test
    void thePublicVotesWithACookieWithAndWithoutHtmx() {
        Web visitor = new Web("en");
        List<Long> ids = consultations.statements(pid, open.id()).stream().map(Statement::id).toList();
        // a plain form post: counted, then back to the page
        Page plain = visitor.post(base, base + "/vote", "statementId", String.valueOf(ids.get(0)), "vote", "AGREE");
        assertThat(plain.status()).isEqualTo(302);
        // htmx: the next card comes back in place
        Page card = visitor.post(base, base + "/vote", List.of("HX-Request", "true"), "statementId", String.valueOf(ids.get(1)), "vote", "DISAGREE");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"vote-card\"").contains("You have voted on every statement").doesNotContain("<html");
        assertThat(jdbc.sql("SELECT vote FROM consultation_vote v JOIN consultation_participant p ON p.id = v.participant_id "
                + "WHERE p.consultation_id = ? ORDER BY v.statement_id").param(open.id()).query(Integer.class).list()).containsExactly(1, -1);
        // a bad vote says why, in the card
        Page bad = visitor.post(base, base + "/vote", List.of("HX-Request", "true"), "statementId", "999999999", "vote", "AGREE");
        assertThat(bad.body()).contains("cannot be voted on");
        // a statement: empty is refused with the typed form kept; a real one waits for moderation
        Page empty = visitor.post(base, base + "/statements", "text", "   ", "language", "en");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Write the statement.");
        Page tooLong = visitor.post(base, base + "/statements", "text", "y".repeat(281), "language", "en");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 280 characters").contains("y".repeat(281));
        Page ok = visitor.post(base, base + "/statements", "text", "A statement from the page", "language", "uk");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(visitor.get(base).body()).contains("will appear once a moderator accepts it");
        assertThat(jdbc.sql("SELECT status || ':' || language FROM consultation_statement WHERE consultation_id = ? AND text = ?")
                .params(open.id(), "A statement from the page").query(String.class).single()).isEqualTo("PENDING:uk");
    }

    @Test
    void theOrganisersFormKeepsWhatWasTypedAndSaysWhatIsWrong() {
        Web mediator = new Web("en").signIn("mediator@demo.parley");
        String form = "/processes/" + pid + "/consultations/new";
        Page bad = mediator.post(form, form, "question", "Kept question", "languages", "en", "opensAt", "2026-05-02T10:00",
                "closesAt", "2026-05-01T10:00", "moderation", "AFTER", "seedStatements", "Seed one\nSeed two");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The consultation must close after it opens.").contains("Kept question").contains("Seed two");
        Page noTime = mediator.post(form, form, "question", "Q", "languages", "en", "opensAt", "tomorrow", "closesAt", "", "moderation", "AFTER");
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.body()).contains("Enter a date and time");
        Page good = mediator.post(form, form, "question", "A page-made consultation " + System.nanoTime(), "languages", "en", "languages", "ru",
                "opensAt", "2026-01-01T10:00", "closesAt", "2099-01-01T10:00", "moderation", "BEFORE", "seedStatements", "Seed one\n\nSeed two\n");
        assertThat(good.status()).isEqualTo(302);
        long id = Long.parseLong(good.location().substring(good.location().lastIndexOf('/') + 1));
        assertThat(consultations.statements(pid, id)).extracting(Statement::text).containsExactly("Seed one", "Seed two");
        // moderation from the page: rejecting without a reason is refused, with one it works
        long pending = consultations.submit(pid, id, null, new NewStatement("From the organiser", "en"),
                new Viewer(accounts.findByEmail("mediator@demo.parley").orElseThrow().id(), "mediator@demo.parley", "M", Role.MEDIATOR, null)).id();
        String moderation = "/processes/" + pid + "/consultations/" + id + "/moderation";
        mediator.post(moderation, "/processes/" + pid + "/consultations/" + id + "/statements/" + pending + "/moderation", "accept", "false", "reason", "");
        assertThat(mediator.get(moderation).body()).contains("Give a reason for rejecting the statement.");
        mediator.post(moderation, "/processes/" + pid + "/consultations/" + id + "/statements/" + pending + "/moderation", "accept", "false", "reason", "Duplicate");
        assertThat(mediator.get(moderation).body()).contains("Duplicate");
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
            return this;
        }

        Page get(String path) {
            return send(request(path).GET().build());
        }

        Page post(String formPage, String action, String... fields) {
            return post(formPage, action, List.of(), fields);
        }

        Page post(String formPage, String action, List<String> headers, String... fields) {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf.group(1)));
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
            }
            HttpRequest.Builder b = request(action).header("Content-Type", "application/x-www-form-urlencoded");
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                b.header(headers.get(i), headers.get(i + 1));
            }
            return send(b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").header("Accept-Language", language);
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
