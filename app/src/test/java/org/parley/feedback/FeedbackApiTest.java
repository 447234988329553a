package org.parley.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.CitizenPass;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Citizen feedback through the API and on the item pages: one answer per person per item (a second one
 * replaces the first), counts computed from what is stored, comments shown as text, rate limits and bad input.
 */
@ParleyTest
class FeedbackApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
    }

    @Test
    void onePersonOneAnswerPerMilestoneAndTheCountsFollow() {
        var process = Fixtures.smallProcess(mediator, "2026-01-15");
        long milestone = Fixtures.milestone(mediator, process.id(), """
                {"title":"Ceasefire in force","dueKind":"DATE","dueDate":"2026-03-15"}""");
        String path = "/api/v1/processes/" + process.id() + "/milestones/" + milestone + "/feedback";
        assertThat(check(api.get(path), 200).json().path("yes").asInt()).isZero();

        assertThat(api.post(path, "{\"answer\":\"YES\"}").fieldError(CitizenPass.HEADER)).as("no pass").isNotNull();
        Api olena = api.withHeader(CitizenPass.HEADER, CitizenPass.of(api, jdbc, process.id(), "Olena", CitizenPass.email("olena")));
        Api taras = api.withHeader(CitizenPass.HEADER, CitizenPass.of(api, jdbc, process.id(), "Taras", CitizenPass.email("taras")));
        assertThat(olena.post(path, "{\"answer\":\"MAYBE\"}").status()).isEqualTo(400);
        assertThat(olena.post(path, "{}").fieldError("answer")).isNotNull();
        assertThat(olena.post(path, "{\"answer\":\"NO\",\"comment\":\"" + "a".repeat(1001) + "\"}").fieldError("comment")).isNotNull();

        check(olena.post(path, "{\"answer\":\"NO\",\"comment\":\"Still shelling <script>alert(1)</script>\"}"), 200);
        JsonNode s = check(taras.post(path, "{\"answer\":\"PARTLY\"}"), 200).json();
        assertThat(s.path("no").asInt()).isEqualTo(1);
        assertThat(s.path("partly").asInt()).isEqualTo(1);
        s = check(olena.post(path, "{\"answer\":\"YES\",\"comment\":\"Quiet since Monday\"}"), 200).json();
        assertThat(s.path("yes").asInt()).as("her second answer replaces the first").isEqualTo(1);
        assertThat(s.path("no").asInt()).isZero();
        assertThat(s.path("partly").asInt()).isEqualTo(1);
        assertThat(s.path("comments")).hasSize(1);
        assertThat(s.path("comments").get(0).path("comment").asString()).isEqualTo("Quiet since Monday");
        assertThat(s.path("comments").get(0).path("authorName").asString()).isEqualTo("Olena");
        assertThat(s.toString()).doesNotContain("@example.org");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_feedback WHERE process_id = ? AND item_id = ?").params(process.id(), milestone)
                .query(Integer.class).single()).isEqualTo(2);

        assertThat(olena.post("/api/v1/processes/" + process.id() + "/milestones/999999999/feedback", "{\"answer\":\"YES\"}").status())
                .isEqualTo(404);

        String page = new Web(port, "en").get("/processes/" + process.id() + "/milestones/" + milestone).body();
        assertThat(page).contains("id=\"feedback\"", "2 people answered", "Quiet since Monday");
        assertThat(page).contains("class=\"num feedback-yes\">1<", "class=\"num feedback-partly\">1<", "class=\"num feedback-no\">0<");
    }

    @Test
    void aCitizenAnswersOnACommitmentPageAndTheAnswerIsShownThere() {
        long pid = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        long commitment = jdbc.sql("SELECT id FROM commitment WHERE process_id = ? ORDER BY id LIMIT 1").param(pid).query(Long.class).single();
        String email = CitizenPass.email("page");
        Web web = new Web(port, "en");
        String item = "/processes/" + pid + "/commitments/" + commitment;
        assertThat(web.get(item).body()).contains("id=\"citizen-pass\"", "Send me a link");
        Web.Page asked = web.post(item, "/processes/" + pid + "/citizens/pass", "name", "Page Citizen", "email", email, "back", item);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).endsWith(item + "#citizen-pass");
        assertThat(web.get(asked.location()).body()).as("where the browser lands").contains("We sent you a link");
        String token = CitizenPass.linkToken(jdbc, email);
        assertThat(web.get("/citizens/pass?t=" + token).body()).contains("Confirm my email");
        Web.Page confirmed = web.post("/citizens/pass?t=" + token, "/citizens/pass", "t", token);
        assertThat(confirmed.location()).endsWith(item);
        assertThat(web.get(confirmed.location()).body()).contains("Send my answer");
        int before = jdbc.sql("SELECT count(*) FROM citizen_feedback WHERE item_kind = 'COMMITMENT' AND item_id = ?").param(commitment)
                .query(Integer.class).single();

        Web.Page none = web.post(item, item + "/feedback", "comment", "kept text");
        assertThat(none.status()).isEqualTo(302);
        assertThat(web.get(none.location()).body()).contains("Choose yes, partly or no.", "kept text");
        Web.Page answered = web.post(item, item + "/feedback", "answer", "PARTLY", "comment", "<b>Half</b> of the posts are staffed");
        String page = web.get(answered.location()).body();
        assertThat(page).contains("Thank you: your answer is counted.", "&lt;b&gt;Half&lt;/b&gt; of the posts are staffed");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen_feedback WHERE item_kind = 'COMMITMENT' AND item_id = ?").param(commitment)
                .query(Integer.class).single()).isEqualTo(before + 1);
    }
}
