package org.parley.forums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.CitizenPass;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forums and hearings from the pages, as a browser without script uses them: a citizen proves an email
 * through the pass form, starts a thread, replies and reports; the mediator reviews in the moderation queue,
 * schedules a hearing through its form (bad input comes back with the input kept), and the pages read in
 * English, Ukrainian and Russian.
 */
@ParleyTest
class CitizensPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A browser whose citizen has proven an email through the pass form and the mailed link. */
    private Web citizen(long pid, String name, String email) {
        Web web = new Web(port, "en");
        String forums = "/processes/" + pid + "/forums";
        Web.Page asked = web.post(forums, "/processes/" + pid + "/citizens/pass", "name", name, "email", email, "back", forums);
        assertThat(web.get(asked.location()).body()).contains("We sent you a link");
        String token = CitizenPass.linkToken(jdbc, email);
        Web.Page confirmed = web.post("/citizens/pass?t=" + token, "/citizens/pass", "t", token);
        assertThat(confirmed.location()).endsWith(forums);
        assertThat(web.get(confirmed.location()).body()).contains("Your email is confirmed", "You take part as " + name);
        return web;
    }

    @Test
    void aCitizenStartsAThreadRepliesAndReportsAndTheMediatorReviews() {
        Api mediatorApi = Api.at(port).asDemo("mediator");
        var process = Fixtures.smallProcess(mediatorApi, "2026-01-15");
        long pid = process.id();
        check(mediatorApi.put("/api/v1/processes/" + pid + "/forum-settings", "{\"reportThreshold\":1}"), 200);
        String forums = "/processes/" + pid + "/forums";

        Web anonymous = new Web(port, "en");
        Web.Page refused = anonymous.post(forums, forums + "/threads", "subject", "TRACK:" + process.trackId(), "title", "Hello", "body", "Text");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Prove your email first", "value=\"Hello\"");

        Web olena = citizen(pid, "Olena", CitizenPass.email("olena"));
        Web.Page empty = olena.post(forums, forums + "/threads", "subject", "TRACK:" + process.trackId(), "title", "Kept title",
                "body", "<script>x()</script>");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Nothing readable is left", "value=\"Kept title\"");
        Web.Page started = olena.post(forums, forums + "/threads", "subject", "TRACK:" + process.trackId(), "title", "Who monitors the line?",
                "body", "<p>A question.</p>", "follow", "true");
        assertThat(started.status()).isEqualTo(302);
        String thread = started.location().replaceAll("^https?://[^/]+", "");
        assertThat(olena.get(thread).body()).contains("Who monitors the line?", "A question.", "Stop following");
        Web.Page replied = olena.post(thread, thread + "/posts", "body", "Also: in which languages?");
        assertThat(olena.get(replied.location()).body()).contains("Also: in which languages?");
        assertThat(anonymous.get(forums).body()).contains("Who monitors the line?", "2 posts");

        Web taras = citizen(pid, "Taras", CitizenPass.email("taras"));
        long reply = jdbc.sql("SELECT max(p.id) FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id WHERE t.process_id = ?").param(pid)
                .query(Long.class).single();
        Web.Page reported = taras.post(thread, forums + "/posts/" + reply + "/report", "thread", thread.replaceAll(".*/", ""), "reason", "off topic");
        assertThat(taras.get(reported.location()).body()).contains("the post is hidden until a moderator reviews it",
                "hidden after reports").doesNotContain("Also: in which languages?");

        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        String queue = mediator.get(forums + "/moderation").body();
        assertThat(queue).contains("Also: in which languages?", "off topic", "1 report");
        assertThat(anonymous.get(forums + "/moderation").status()).isEqualTo(302);
        Web.Page restored = mediator.post(forums + "/moderation", forums + "/posts/" + reply + "/review", "decision", "RESTORE");
        assertThat(mediator.get(restored.location()).body()).contains("The post is visible again", "Nothing to review.");
        assertThat(anonymous.get(thread).body()).contains("Also: in which languages?");

        for (String[] lang : new String[][] {{"uk", "Форуми", "Створити тему"}, {"ru", "Форумы", "Создать тему"}, {"en", "Forums", "Start a thread"}}) {
            String page = new Web(port, lang[0]).get(forums).body();
            assertThat(page).as(lang[0]).contains("lang=\"" + lang[0] + "\"", lang[1], lang[2]);
        }
    }

    @Test
    void theMediatorSchedulesAHearingFromTheFormAndACitizenRegisters() {
        Api mediatorApi = Api.at(port).asDemo("mediator");
        var process = Fixtures.smallProcess(mediatorApi, "2026-01-15");
        long pid = process.id();
        String hearings = "/processes/" + pid + "/hearings";
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        String start = LocalDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.MINUTES).toString();
        Web.Page nowhere = mediator.post(hearings + "/new", hearings + "/new", "title", "Hearing on exchanges", "agenda", "1. Lists",
                "startsAt", start, "capacity", "1", "_waitingList", "on");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.body()).contains("Give a place, an online link, or both.", "value=\"Hearing on exchanges\"");
        Web.Page scheduled = mediator.post(hearings + "/new", hearings + "/new", "title", "Hearing on exchanges", "agenda", "1. Lists",
                "startsAt", start, "capacity", "1", "_waitingList", "on", "place", "Kyiv, House of Trade Unions", "partyId", String.valueOf(process.partyA()));
        assertThat(scheduled.status()).isEqualTo(302);
        String hearing = scheduled.location().replaceAll("^https?://[^/]+", "");
        assertThat(new Web(port, "en").get(hearings).body()).contains("Hearing on exchanges", "0 / 1");
        assertThat(new Web(port, "en").get(hearings + "/new").status()).as("the form is the mediator's").isEqualTo(302);

        Web olena = citizen(pid, "Olena", CitizenPass.email("olena"));
        Web.Page registered = olena.post(hearing, hearing + "/register");
        assertThat(olena.get(registered.location()).body()).contains("You have a seat", "1 of 1 seats taken");
        Web taras = citizen(pid, "Taras", CitizenPass.email("taras"));
        Web.Page full = taras.post(hearing, hearing + "/register");
        assertThat(taras.get(full.location()).body()).contains("All 1 seats are taken and this hearing keeps no waiting list.");
        Web.Page sent = taras.post(hearing, hearing + "/submissions", "body", "Publish the lists of exchanged people.");
        assertThat(taras.get(sent.location()).body()).contains("Your written submission is published.", "Publish the lists of exchanged people.");
        assertThat(mediator.get(hearing).body()).contains("Registrations", "Olena");

        for (String[] lang : new String[][] {{"uk", "Публічні слухання", "Письмові звернення"}, {"ru", "Публичные слушания", "Письменные обращения"}}) {
            assertThat(new Web(port, lang[0]).get(hearing).body()).as(lang[0]).contains(lang[1], lang[2]);
        }
    }
}
