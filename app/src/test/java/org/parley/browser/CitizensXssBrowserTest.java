package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.CitizenPass;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.parley.support.WatchedBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Script typed into every field a citizen (or a party) fills in petitions, forums, hearings and feedback, then
 * every page that shows it opened in a real (headless) Chromium: nothing runs (no marker set, no dialog, no
 * Content Security Policy violation, no inline script, event-handler attribute or javascript: link in the
 * page), and the text is shown inert: plain fields show the markup as text, rich text keeps only what the
 * sanitiser allows.
 */
@ParleyTest
class CitizensXssBrowserTest {

    /** Each sets window.__xss if it ever runs. */
    static final String SCRIPT = "<script>window.__xss='script'</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss='img'\">";
    static final String LINK = "<a href=\"javascript:window.__xss='link'\">click me</a>";
    static final String SVG = "<svg onload=\"window.__xss='svg'\"></svg>";
    static final String ATTR = "\"><b onmouseover=\"window.__xss='attr'\">bold</b>";
    static final String ALL = SCRIPT + IMG + LINK + SVG + ATTR;
    /** For fields of at most 200 characters (titles). */
    static final String SOME = SCRIPT + IMG + ATTR;
    static final String SHORT = "<img src=x onerror=alert(1)>";
    static final Pattern URL = Pattern.compile("https?://\\S+\\?t=[A-Za-z0-9_-]+");

    /** What a page may not hold: any inline script, any on* attribute, any javascript: address. */
    static final String ACTIVE = """
            () => {
              const bad = [];
              document.querySelectorAll('*').forEach(el => {
                for (const a of el.attributes) {
                  if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + '[' + a.name + ']');
                  if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name.toLowerCase())
                      && a.value.replace(/\\s/g, '').toLowerCase().startsWith('javascript:')) bad.push(el.tagName + '[' + a.name + '=' + a.value + ']');
                }
                if (el.tagName === 'SCRIPT' && !/^\\/(js|webjars)\\//.test(el.getAttribute('src') || '')) bad.push('inline script: ' + el.outerHTML.slice(0, 80));
              });
              return bad;
            }""";

    static WatchedBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void open() {
        browser = new WatchedBrowser();
    }

    @AfterEach
    void closePages() {
        browser.closePages();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    String link(String recipient) {
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(recipient).query(String.class).single();
        Matcher m = URL.matcher(body);
        assertThat(m.find()).as("a link in the mail to " + recipient).isTrue();
        return m.group();
    }

    /** Opens a page and checks that nothing a citizen typed became active on it. */
    void inert(Page page, String url, String... visibleText) {
        page.navigate(url);
        page.waitForLoadState();
        assertThat(page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)")).as("a payload ran on " + url).isNull();
        @SuppressWarnings("unchecked")
        List<String> active = (List<String>) page.evaluate(ACTIVE);
        assertThat(active).as("active markup on " + url).isEmpty();
        String text = page.locator("main").innerText();
        for (String t : visibleText) {
            assertThat(text).as("shown as text on " + url).contains(t);
        }
    }

    @Test
    void scriptInEveryFieldIsShownInertOnEveryPage() {
        String base = "http://localhost:" + port;
        Api api = Api.at(port);
        Api mediator = api.asDemo("mediator");
        var process = Fixtures.smallProcess(mediator, "2026-01-15");
        long pid = process.id();
        check(mediator.put("/api/v1/processes/" + pid + "/petition-settings", """
                {"supportersNeeded":1,"openDays":30,"responseThreshold":1,"responseDays":14,"hearingThreshold":1,
                 "rateLimitIp":100,"rateLimitSubnet":100,"rateWindowMinutes":60}"""), 200);

        // A citizen starts a petition with script in every field, and confirms it from the emailed link.
        Page citizen = browser.open("citizen");
        citizen.navigate(base + "/processes/" + pid + "/petitions/new");
        citizen.locator("#title").fill("Title " + SOME);
        citizen.locator("#body").fill("Body " + ALL);
        citizen.locator("#toMediator1").check();
        citizen.locator("#creatorName").fill("Name " + SHORT);
        citizen.locator("#email").fill("xss.creator@example.org");
        citizen.locator("main form button[type=submit]").click();
        citizen.navigate(link("xss.creator@example.org"));
        citizen.locator("main form button[type=submit]").click();
        String petitionUrl = citizen.url().replaceAll("[?#].*", "");
        long petition = Long.parseLong(petitionUrl.replaceAll(".*/", ""));

        // She signs it herself, with script in her name and region, and confirms; the mediator publishes it.
        citizen.locator("#name").fill("Signer " + SHORT);
        citizen.locator("#email").fill("xss.signer@example.org");
        citizen.locator("#region").fill(SHORT);
        citizen.locator("#consent1").check();
        citizen.locator("#sign form button[type=submit]").click();
        citizen.navigate(link("xss.signer@example.org"));
        citizen.locator("main form button[type=submit]").first().click();
        check(mediator.post("/api/v1/processes/" + pid + "/petitions/" + petition + "/moderation", "{\"publish\":true}"), 200);
        check(mediator.post("/api/v1/processes/" + pid + "/petitions/" + petition + "/responses",
                "{\"body\":" + Api.json().writeValueAsString("Response " + ALL) + "}"), 200);
        inert(citizen, petitionUrl, "Title " + SCRIPT, "Body " + SCRIPT + IMG, "Name " + SHORT, "Response " + SCRIPT + IMG + LINK, SHORT);
        inert(citizen, base + "/processes/" + pid + "/petitions", "Title " + SCRIPT);

        // In the forums she proves her email through the pass form and starts a thread about the petition.
        citizen.navigate(base + "/processes/" + pid + "/forums");
        citizen.locator("#pass-name").fill("Forum " + SHORT);
        citizen.locator("#pass-email").fill("xss.forum@example.org");
        citizen.locator("#citizen-pass form button[type=submit]").click();
        citizen.navigate(link("xss.forum@example.org"));
        citizen.locator("main form button[type=submit]").click();
        citizen.locator("#thread-subject").selectOption("PETITION:" + petition);
        citizen.locator("#thread-title").fill("Thread " + SOME);
        citizen.locator("#thread-body").fill("<p>Post <strong>kept</strong></p>" + ALL);
        citizen.locator("#new-thread form button[type=submit]").click();
        String threadUrl = citizen.url().replaceAll("[?#].*", "");
        long thread = Long.parseLong(threadUrl.replaceAll(".*/", ""));
        citizen.locator("#reply-body").fill("Reply " + ALL);
        citizen.locator("#reply form button[type=submit]").click();
        long opening = jdbc.sql("SELECT min(id) FROM forum_post WHERE thread_id = ?").param(thread).query(Long.class).single();
        check(mediator.put("/api/v1/processes/" + pid + "/forum-posts/" + opening + "/translations/uk",
                "{\"title\":" + Api.json().writeValueAsString("Переклад " + SOME) + ",\"body\":"
                        + Api.json().writeValueAsString("<p>Переклад</p>" + ALL) + "}"), 204);
        inert(citizen, threadUrl, "Thread " + SCRIPT, "Forum " + SHORT, "Post kept", "click me", "Reply");
        assertThat(citizen.locator("#posts .post-body strong").first().textContent()).as("allowed rich text stays rich").isEqualTo("kept");
        inert(citizen, base + "/processes/" + pid + "/forums", "Thread " + SCRIPT);

        // A hearing with script in its fields; she sends a written submission with script in it.
        long hearing = check(mediator.post("/api/v1/processes/" + pid + "/hearings", """
                {"title":%s,"agenda":%s,"startsAt":"%s","place":%s,"capacity":10,"petitionIds":[%d]}"""
                .formatted(Api.json().writeValueAsString("Hearing " + SOME), Api.json().writeValueAsString("Agenda " + ALL),
                        Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES),
                        Api.json().writeValueAsString("Place " + SHORT), petition)), 201).json().path("id").asLong();
        String hearingUrl = base + "/processes/" + pid + "/hearings/" + hearing;
        citizen.navigate(hearingUrl);
        citizen.locator("#submission-body").fill("Submission " + ALL);
        citizen.locator("#submissions form button[type=submit]").click();
        inert(citizen, hearingUrl, "Hearing " + SCRIPT, "Agenda " + SCRIPT + IMG, "Place " + SHORT, "Submission " + SCRIPT);
        inert(citizen, petitionUrl, "Hearing " + SCRIPT);

        // Feedback on a milestone, with script in the comment.
        long milestone = Fixtures.milestone(mediator, pid, "{\"title\":\"Ceasefire\",\"dueKind\":\"DATE\",\"dueDate\":\"2026-03-15\"}");
        String milestoneUrl = base + "/processes/" + pid + "/milestones/" + milestone;
        citizen.navigate(milestoneUrl);
        citizen.locator("#feedback input[value=PARTLY]").check();
        citizen.locator("#feedback-comment-MILESTONE").fill("Comment " + ALL);
        citizen.locator("#feedback form button[type=submit]").click();
        inert(citizen, milestoneUrl, "Comment " + SCRIPT);

        // What the mediator reads: the outbox (names in mails), the thread with hidden bodies, the moderation queue.
        Page moderator = browser.signedIn(base, "mediator@demo.parley", ParleyTest.DEMO_PASSWORD);
        Api other = api.withHeader(CitizenPass.HEADER, CitizenPass.of(api, jdbc, pid, "Reporter", CitizenPass.email("reporter")));
        long reply = jdbc.sql("SELECT max(id) FROM forum_post WHERE thread_id = ?").param(thread).query(Long.class).single();
        check(other.post("/api/v1/processes/" + pid + "/forum-posts/" + reply + "/reports",
                "{\"reason\":" + Api.json().writeValueAsString("Reason " + ALL) + "}"), 201);
        inert(moderator, base + "/processes/" + pid + "/petition-outbox", "Name " + SHORT);
        inert(moderator, base + "/processes/" + pid + "/forums/moderation", "Reason " + SCRIPT, "Reply");
        inert(moderator, threadUrl, "Thread " + SCRIPT);
        inert(moderator, petitionUrl, "Title " + SCRIPT);
        inert(moderator, hearingUrl, "Forum " + SHORT);
        // The moderators' translation, read in Ukrainian (by the citizen: an account would keep the language it switches to).
        citizen.navigate(threadUrl);
        citizen.locator(".lang-switch button[value=uk]").click();
        inert(citizen, threadUrl, "Переклад " + SCRIPT, "Переклад");

        assertThat(browser.problems()).as("console errors, CSP violations, failed requests or dialogs").isEmpty();
    }
}
