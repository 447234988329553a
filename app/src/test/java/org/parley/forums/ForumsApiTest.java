package org.parley.forums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.CitizenPass;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Forums through the API: citizens post under a proven email, rich text is sanitised before it is stored,
 * K reports from different people hide a post until a mediator reviews it, followers are mailed, moderators
 * translate, and bad input is refused with problem details.
 */
@ParleyTest
class ForumsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;
    Fixtures.SmallProcess process;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
        process = Fixtures.smallProcess(mediator, "2026-01-15");
    }

    private Api citizen(String name, String email) {
        return api.withHeader(CitizenPass.HEADER, CitizenPass.of(api, jdbc, process.id(), name, email));
    }

    private String base() {
        return "/api/v1/processes/" + process.id();
    }

    private long thread(Api as, String title, String body) {
        var r = check(as.post(base() + "/forum-threads", """
                {"subjectKind":"TRACK","subjectId":%d,"title":%s,"body":%s,"language":"en","follow":true}"""
                .formatted(process.trackId(), Api.json().writeValueAsString(title), Api.json().writeValueAsString(body))), 201);
        return r.json().path("id").asLong();
    }

    private JsonNode posts(Api as, long thread) {
        return check(as.get(base() + "/forum-threads/" + thread), 200).json().path("posts");
    }

    @Test
    void aCitizenPostsOnlyUnderAProvenEmailAndALinkWorksOnce() {
        var noPass = api.post(base() + "/forum-threads", """
                {"subjectKind":"TRACK","subjectId":%d,"title":"Hello","body":"Hi"}""".formatted(process.trackId()));
        assertThat(noPass.status()).isEqualTo(400);
        assertThat(noPass.contentType()).contains("application/problem+json");
        assertThat(noPass.fieldError(CitizenPass.HEADER)).contains("Prove your email");

        String email = CitizenPass.email("olena");
        check(api.post(base() + "/citizen-passes", """
                {"name":"Olena","email":"%s"}""".formatted(email)), 202);
        String link = CitizenPass.linkToken(jdbc, email);
        String pass = check(api.post("/api/v1/citizen-passes/confirm", "{\"token\":\"" + link + "\"}"), 201).json().path("pass").asString();
        assertThat(api.post("/api/v1/citizen-passes/confirm", "{\"token\":\"" + link + "\"}").status()).as("a replayed link").isEqualTo(409);
        assertThat(api.post(base() + "/citizen-passes", "{\"name\":\"X\",\"email\":\"not an email\"}").fieldError("email")).isNotNull();
        assertThat(api.post(base() + "/citizen-passes", "{\"name\":\"X\",\"email\":\"x@mailinator.com\"}").fieldError("email"))
                .as("a disposable domain").contains("disposable");

        long thread = thread(api.withHeader(CitizenPass.HEADER, pass), "Monitoring", "<p>Who monitors the line?</p>");
        JsonNode first = posts(api, thread).get(0);
        assertThat(first.path("authorName").asString()).isEqualTo("Olena");
        assertThat(first.has("authorRole")).isFalse();
        assertThat(first.toString()).doesNotContain(email);

        check(api.post("/api/v1/citizen-passes/revoke", null), 204);
        api.withHeader(CitizenPass.HEADER, pass).post("/api/v1/citizen-passes/revoke", null);
        assertThat(api.withHeader(CitizenPass.HEADER, pass).post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"again\"}").status())
                .as("a revoked pass").isEqualTo(400);
    }

    @Test
    void richTextIsSanitisedBeforeItIsStored() {
        Api olena = citizen("Olena", CitizenPass.email("olena"));
        long thread = thread(olena, "<script>alert('title')</script>", """
                <p onclick="alert(1)">Plain <strong>bold</strong> <em>kept</em></p>
                <script>alert('xss')</script><img src=x onerror="alert('img')">
                <a href="javascript:alert('link')">bad link</a> <a href="https://example.org/a">good link</a>
                <iframe src="https://evil.example"></iframe><style>body{display:none}</style>""");
        String body = posts(olena, thread).get(0).path("bodyHtml").asString();
        assertThat(body).contains("<strong>bold</strong>", "<em>kept</em>", "bad link", "good link", "href=\"https://example.org/a\"",
                "nofollow");
        assertThat(body.toLowerCase()).doesNotContain("<script", "onerror", "onclick", "javascript:", "<img", "<iframe", "<style", "alert('xss')");
        String stored = jdbc.sql("SELECT body_html FROM forum_post WHERE thread_id = ?").param(thread).query(String.class).single();
        assertThat(stored).isEqualTo(body);
        // the title is plain text: kept as typed, escaped wherever it is shown
        assertThat(check(olena.get(base() + "/forum-threads/" + thread), 200).json().path("thread").path("title").asString())
                .isEqualTo("<script>alert('title')</script>");

        var onlyScript = olena.post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"<script>alert(1)</script>\"}");
        assertThat(onlyScript.status()).isEqualTo(400);
        assertThat(onlyScript.fieldError("body")).contains("Nothing readable");
        var tooLong = olena.post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"" + "a".repeat(20_001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.fieldError("body")).isNotNull();
        var unknownSubject = olena.post(base() + "/forum-threads", """
                {"subjectKind":"PETITION","subjectId":999999999,"title":"x","body":"y"}""");
        assertThat(unknownSubject.fieldError("subjectId")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM forum_post WHERE thread_id = ?").param(thread).query(Integer.class).single())
                .as("nothing half-saved").isEqualTo(1);
    }

    @Test
    void reportsHideAPostUntilAMediatorReviewsIt() {
        Api author = citizen("Author", CitizenPass.email("author"));
        long thread = thread(author, "Corridors", "<p>Opening</p>");
        long post = check(author.post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"Something people dislike\"}"), 201)
                .json().path("id").asLong();
        String report = base() + "/forum-posts/" + post + "/reports";
        Api a = citizen("A", CitizenPass.email("a"));
        Api b = citizen("B", CitizenPass.email("b"));
        Api c = citizen("C", CitizenPass.email("c"));
        assertThat(check(a.post(report, "{\"reason\":\"rude\"}"), 201).json().path("status").asString()).isEqualTo("VISIBLE");
        assertThat(a.post(report, "{\"reason\":\"again\"}").status()).as("one report per person").isEqualTo(409);
        assertThat(check(b.post(report, "{}"), 201).json().path("status").asString()).isEqualTo("VISIBLE");
        assertThat(check(c.post(report, "{\"reason\":\"off topic\"}"), 201).json().path("status").asString())
                .as("the third report (K = 3 by default)").isEqualTo("HIDDEN");

        JsonNode hidden = posts(api, thread).get(1);
        assertThat(hidden.path("status").asString()).isEqualTo("HIDDEN");
        assertThat(hidden.has("bodyHtml")).as("the public no longer sees it").isFalse();
        assertThat(posts(mediator, thread).get(1).path("bodyHtml").asString()).as("the moderator does").contains("Something people dislike");

        assertThat(api.get(base() + "/forum-moderation").status()).isIn(401, 403);
        assertThat(api.asDemo("delegate.us").get(base() + "/forum-moderation").status()).isEqualTo(403);
        JsonNode queue = check(mediator.get(base() + "/forum-moderation"), 200).json();
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("post").path("id").asLong()).isEqualTo(post);
        assertThat(queue.get(0).path("reasons").toString()).contains("rude", "off topic");

        String review = base() + "/forum-posts/" + post + "/review";
        assertThat(api.asDemo("delegate.us").post(review, "{\"decision\":\"RESTORE\"}").status()).isEqualTo(403);
        assertThat(check(mediator.post(review, "{\"decision\":\"RESTORE\"}"), 200).json().path("status").asString()).isEqualTo("VISIBLE");
        assertThat(posts(api, thread).get(1).path("bodyHtml").asString()).contains("Something people dislike");
        assertThat(check(mediator.get(base() + "/forum-moderation"), 200).json()).isEmpty();

        // reviewed: earlier reporters cannot report again, new ones count from zero
        assertThat(a.post(report, "{}").status()).isEqualTo(409);
        Api d = citizen("D", CitizenPass.email("d"));
        assertThat(check(d.post(report, "{}"), 201).json().path("status").asString()).isEqualTo("VISIBLE");

        var noReason = mediator.post(review, "{\"decision\":\"REMOVE\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.fieldError("reason")).isNotNull();
        check(mediator.post(review, "{\"decision\":\"REMOVE\",\"reason\":\"Personal attack\"}"), 200);
        JsonNode removed = posts(api, thread).get(1);
        assertThat(removed.path("status").asString()).isEqualTo("REMOVED");
        assertThat(removed.has("bodyHtml")).isFalse();
        assertThat(removed.path("moderationReason").asString()).isEqualTo("Personal attack");
        assertThat(d.post(report, "{}").status()).isEqualTo(409);
    }

    @Test
    void theReportThresholdIsAProcessSetting() {
        assertThat(check(api.get(base() + "/forum-settings"), 200).json().path("reportThreshold").asInt()).isEqualTo(3);
        assertThat(api.asDemo("delegate.us").put(base() + "/forum-settings", "{\"reportThreshold\":1}").status()).isEqualTo(403);
        assertThat(mediator.put(base() + "/forum-settings", "{\"reportThreshold\":0}").status()).isEqualTo(400);
        check(mediator.put(base() + "/forum-settings", "{\"reportThreshold\":1}"), 200);
        Api author = citizen("Author", CitizenPass.email("author"));
        long thread = thread(author, "One report", "<p>Text</p>");
        long post = posts(author, thread).get(0).path("id").asLong();
        Api a = citizen("A", CitizenPass.email("a"));
        assertThat(check(a.post(base() + "/forum-posts/" + post + "/reports", "{}"), 201).json().path("status").asString()).isEqualTo("HIDDEN");
        assertThat(check(api.get(base() + "/forum-threads"), 200).json().get(0).has("title"))
                .as("a thread whose opening post is hidden shows no title").isFalse();
    }

    @Test
    void followersAreMailedNewPostsAndCanStop() {
        String authorEmail = CitizenPass.email("author");
        Api author = citizen("Author", authorEmail);
        long thread = thread(author, "Exchanges", "<p>When is the next exchange?</p>");
        String replierEmail = CitizenPass.email("replier");
        Api replier = citizen("Replier", replierEmail);
        check(replier.post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"<p>Next month, <b>they say</b>.</p>\",\"follow\":true}"), 201);

        String mail = jdbc.sql("SELECT subject || '\n' || body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
                .param(authorEmail).query(String.class).single();
        assertThat(mail).contains("New post in \u201cExchanges\u201d", "Replier wrote", "Next month, they say.", "/forums/threads/" + thread);
        assertThat(mail).doesNotContain("<b>");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'New post%'").param(replierEmail)
                .query(Integer.class).single()).as("nobody is mailed their own post").isZero();

        String token = mail.replaceAll("(?s).*/forums/unfollow\\?t=([A-Za-z0-9_-]+).*", "$1");
        check(api.post("/api/v1/forums/unfollow", "{\"token\":\"" + token + "\"}"), 204);
        int before = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(authorEmail).query(Integer.class).single();
        check(replier.post(base() + "/forum-threads/" + thread + "/posts", "{\"body\":\"Another\"}"), 201);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(authorEmail).query(Integer.class).single())
                .as("no mail after unfollowing").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'New post%'").param(replierEmail)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void moderatorsTranslatePostsAndTheOriginalIsKept() {
        Api author = citizen("Автор", CitizenPass.email("avtor"));
        var r = check(author.post(base() + "/forum-threads", """
                {"subjectKind":"TRACK","subjectId":%d,"title":"Гуманітарні коридори","body":"<p>Коли відкриють коридори?</p>","language":"uk"}"""
                .formatted(process.trackId())), 201);
        long thread = r.json().path("id").asLong();
        long post = posts(api, thread).get(0).path("id").asLong();
        String translate = base() + "/forum-posts/" + post + "/translations/";
        assertThat(author.put(translate + "en", "{\"body\":\"x\"}").status()).isIn(401, 403);
        assertThat(mediator.put(translate + "uk", "{\"body\":\"x\"}").fieldError("language")).as("into its own language").isNotNull();
        check(mediator.put(translate + "en", """
                {"title":"Humanitarian corridors","body":"<p>When will the corridors open?</p><script>x()</script>"}"""), 204);
        var view = check(api.get(base() + "/forum-threads/" + thread), 200).json();
        assertThat(view.path("thread").path("title").asString()).isEqualTo("Гуманітарні коридори");
        assertThat(view.path("thread").path("language").asString()).isEqualTo("uk");
        assertThat(view.path("thread").path("titleTranslations").path("en").asString()).isEqualTo("Humanitarian corridors");
        JsonNode p = view.path("posts").get(0);
        assertThat(p.path("bodyHtml").asString()).contains("Коли відкриють коридори?");
        assertThat(p.path("translations").path("en").asString()).isEqualTo("<p>When will the corridors open?</p>");
    }
}
