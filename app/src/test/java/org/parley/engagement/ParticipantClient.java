package org.parley.engagement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.parley.support.Api;

/** A participant of a consultation on the API: no account, its token in the participant header. */
public final class ParticipantClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    final String token;

    public ParticipantClient(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** Joins the consultation (with an optional invitation code) and returns the participant, or fails. */
    public static ParticipantClient join(int port, String consultationPath, String invitationCode) {
        Api.Response r = new ParticipantClient(port, null).post(consultationPath + "/participants",
                invitationCode == null ? "{}" : "{\"invitationCode\":\"" + invitationCode + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("join failed: " + r);
        }
        return new ParticipantClient(port, r.json().path("participantToken").asString());
    }

    public Api.Response vote(String consultationPath, long statementId, String vote) {
        return post(consultationPath + "/votes", "{\"statementId\":" + statementId + ",\"vote\":\"" + vote + "\"}");
    }

    public Api.Response get(String path) {
        return send("GET", path, null);
    }

    public Api.Response post(String path, String json) {
        return send("POST", path, json);
    }

    Api.Response send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, */*;q=0.1")
                .header("Accept-Language", "en");
        if (token != null) {
            b.header("X-Participant-Token", token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
