package org.parley.support;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen pass got the way a citizen gets one through the API: ask for a link, read it from the outbox
 * (what the citizen's mailbox would hold), confirm it. The pass goes in the X-Citizen-Pass header.
 */
public final class CitizenPass {

    public static final String HEADER = "X-Citizen-Pass";
    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");

    private CitizenPass() {
    }

    public static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The token in the newest mail to {@code recipient}. */
    public static String linkToken(JdbcClient jdbc, String recipient) {
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(recipient)
                .query(String.class).single();
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no link in the mail to " + recipient);
        }
        return m.group(1);
    }

    public static String of(Api api, JdbcClient jdbc, long processId, String name, String email) {
        Fixtures.check(api.post("/api/v1/processes/" + processId + "/citizen-passes", """
                {"name":"%s","email":"%s"}""".formatted(name, email)), 202);
        var confirmed = Fixtures.check(api.post("/api/v1/citizen-passes/confirm", """
                {"token":"%s"}""".formatted(linkToken(jdbc, email))), 201);
        return confirmed.json().path("pass").asString();
    }
}
