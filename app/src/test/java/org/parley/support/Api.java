package org.parley.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: no exceptions on 4xx, JSON in and out, an optional bearer token. */
public final class Api {

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The message given for one field in a problem's {@code errors}, or null. */
        public String fieldError(String field) {
            for (JsonNode e : json().path("errors")) {
                if (field.equals(e.path("field").asString())) {
                    return e.path("message").asString();
                }
            }
            return null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;
    private final String language;
    private final java.util.Map<String, String> headers;

    private Api(String base, String token, String language) {
        this(base, token, language, java.util.Map.of());
    }

    private Api(String base, String token, String language, java.util.Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.language = language;
        this.headers = headers;
    }

    /** The same client, sending one more header on every request (e.g. a citizen pass). */
    public Api withHeader(String name, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, token, language, java.util.Map.copyOf(more));
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, "en");
    }

    public Api as(String email, String password) {
        Response r = post("/api/v1/auth/token", "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("sign-in failed for " + email + ": " + r);
        }
        return new Api(base, r.json().path("accessToken").asString(), language);
    }

    public Api asDemo(String who) {
        return as(who + "@demo.parley", ParleyTest.DEMO_PASSWORD);
    }

    public Api withToken(String rawToken) {
        return new Api(base, rawToken, language);
    }

    public Api anonymous() {
        return new Api(base, null, language);
    }

    public Api inLanguage(String lang) {
        return new Api(base, token, lang);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1")
                .header("Accept-Language", language);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    /** POSTs a plain-text body, as tlog clients do. */
    public Response sendText(String path, String text) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path, e);
        }
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonMapper json() {
        return JSON;
    }
}
