package org.parley.support;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript: a cookie session, CSRF tokens read from the form's page, no redirects followed. */
public final class Web {

    public record Page(int status, String location, String body) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final int port;
    private final String language;

    public Web(int port, String language) {
        this.port = port;
        this.language = language;
    }

    /** Signs in with the demo password that {@link ParleyTest} sets. */
    public Web signIn(String email) {
        return signIn(email, ParleyTest.DEMO_PASSWORD);
    }

    public Web signIn(String email, String password) {
        Page signedIn = post("/login", "/login", "username", email, "password", password);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return this;
    }

    /** A GET, with extra headers given as name, value, name, value… */
    public Page get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** Reads {@code formPage} for a CSRF token, then posts the fields (name, value, name, value…) to {@code action}. */
    public Page post(String formPage, String action, String... fields) {
        return post(formPage, action, java.util.List.of(), fields);
    }

    /** Like {@link #post(String, String, String...)} with extra request headers (name, value, …), e.g. htmx's HX-Request. */
    public Page post(String formPage, String action, java.util.List<String> headers, String... fields) {
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

    /** Like {@link #post}, as multipart/form-data with one file ({@code fileField}) besides the fields. */
    public Page postFile(String formPage, String action, String fileField, String fileName, byte[] content, String... fields) {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
        String boundary = "parley" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("_csrf", csrf.group(1)));
        all.addAll(java.util.List.of(fields));
        for (int i = 0; i + 1 < all.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n" + all.get(i + 1) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private HttpRequest.Builder request(String path) {
        String local = path.replaceFirst("#.*$", "");
        String url = local.startsWith("http") ? local : "http://localhost:" + port + local;
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
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
