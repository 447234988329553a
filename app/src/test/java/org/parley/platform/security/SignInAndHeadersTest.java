package org.parley.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ParleyTest
class SignInAndHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordGuessingIsThrottledPerAccount() {
        String email = Api.unique("throttled").replace(' ', '-') + "@example.org";
        accounts.create(new Accounts.NewAccount(email, "Throttled", "the-right-password-1", Role.ANALYST, null));
        Api api = Api.at(port);
        for (int i = 0; i < 5; i++) {
            var r = api.post("/api/v1/auth/token", "{\"username\":\"" + email + "\",\"password\":\"wrong-" + i + "\"}");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        var locked = api.post("/api/v1/auth/token", "{\"username\":\"" + email + "\",\"password\":\"the-right-password-1\"}");
        assertThat(locked.status()).isEqualTo(429);
    }

    @Test
    void tokensAreStoredHashedAndBadTokensRefused() {
        Api api = Api.at(port);
        var r = check(api.post("/api/v1/auth/token", """
                {"username":"analyst@demo.parley","password":"%s"}""".formatted(ParleyTest.DEMO_PASSWORD)), 201);
        String token = r.json().path("accessToken").asString();
        // Only its SHA-256 is stored.
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(token).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE position(convert_to(?, 'UTF8') in token_hash) > 0")
                .param(token).query(Long.class).single()).isZero();
        assertThat(api.withToken(token).get("/api/v1/me").json().path("email").asString()).isEqualTo("analyst@demo.parley");
        var bad = api.withToken("parley_not-a-real-token").get("/api/v1/me");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // No inline script anywhere on the page.
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page.body()).find()).isFalse();
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteSessionKeptInPostgres() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).as("a CSRF token in the sign-in form").isTrue();

        String form = "username=" + URLEncoder.encode("observer@demo.parley", StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(ParleyTest.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'observer@demo.parley'").query(Long.class).single())
                .isPositive();

        // A form post without the CSRF token is refused.
        var noCsrf = http.send(HttpRequest.newBuilder(URI.create(base + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=uk")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void healthInfoAndMetrics() {
        Api api = Api.at(port);
        assertThat(api.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        var metrics = api.asDemo("mediator").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}
