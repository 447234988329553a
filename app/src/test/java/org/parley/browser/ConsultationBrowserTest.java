package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.engagement.ParticipantClient;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.Api;
import org.parley.support.Chromium;
import org.parley.support.WatchedBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A public consultation end to end, in a real (headless) Chromium: the organiser (the demo mediator)
 * opens a consultation with seed statements through the form; thirty participants vote through the
 * API in two planted camps who all agree with one bridging statement; one more person votes in the
 * browser, statement by statement (htmx); the report then shows two opinion groups, the scatter plot
 * and the bridging statement as common ground, in English and in Ukrainian. Any console error, Content
 * Security Policy violation or failed request ({@link WatchedBrowser}) fails the test. Runs on its own fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + ConsultationBrowserTest.PASSWORD})
class ConsultationBrowserTest {

    static final String PASSWORD = "demo-password-1";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final String QUESTION = "How should the first year after a ceasefire be organised?";
    static final String BRIDGE = "Every prisoner of war should be able to go home.";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String dataDir = Chromium.freshDataDir("consultations-browser-data");
        registry.add("parley.data-dir", () -> dataDir);
    }

    static WatchedBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    Page page;

    @BeforeAll
    static void launch() {
        browser = new WatchedBrowser();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closePages() {
        browser.closePages();
    }

    @Test
    void anOrganiserOpensAConsultationTheCampsVoteAndTheReportFindsTwoGroupsAndCommonGround() {
        String base = "http://localhost:" + port;
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();

        // The organiser signs in and opens a consultation with ten seed statements.
        page = browser.signedIn(base, "mediator@demo.parley", PASSWORD);
        page.navigate(base + "/processes/" + pid);
        page.locator(".process-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Consultations")).click();
        page.waitForURL("**/processes/" + pid + "/consultations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a consultation")).click();
        page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill(QUESTION);
        page.getByLabel("Context").fill("Tell us what matters most to you.");
        StringBuilder seeds = new StringBuilder(BRIDGE);
        for (int j = 1; j < 10; j++) {
            seeds.append('\n').append("Proposal number ").append(j).append(" for the first year.");
        }
        page.locator("#seedStatements").fill(seeds.toString());
        screenshot("consultation-form-en");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the consultation")).click();
        page.waitForURL("**/processes/" + pid + "/consultations/*");
        assertThat(page.locator("h1").textContent()).isEqualTo(QUESTION);
        String url = page.url();
        long cid = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        String apiPath = "/api/v1/processes/" + pid + "/consultations/" + cid;

        // Thirty participants vote through the API in two camps; everyone agrees with the bridge.
        Api api = Api.at(port);
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode s : api.get(apiPath + "/statements").json()) {
            ids.add(s.path("id").asLong());
            texts.add(s.path("text").asString());
        }
        assertThat(texts).hasSize(10).first().isEqualTo(BRIDGE);
        for (int person = 0; person < 30; person++) {
            ParticipantClient p = ParticipantClient.join(port, apiPath, null);
            for (int j = 0; j < ids.size(); j++) {
                assertThat(p.vote(apiPath, ids.get(j), stance(person % 2 == 0, j)).status()).isEqualTo(200);
            }
        }

        // One more person votes in the browser, with camp A, statement after statement.
        Page v = browser.open("visitor");
        v.navigate(base + "/processes/" + pid + "/consultations/" + cid);
        for (int round = 0; round < 10; round++) {
            String text = v.locator(".consult-statement").textContent().strip();
            int j = texts.indexOf(text);
            assertThat(j).as("statement shown: %s", text).isNotNegative();
            String choice = stance(true, j);
            if (round == 0) {
                screenshot(v, "consultation-vote-en");
            }
            v.locator(".consult-vote button[value=" + choice + "]").click();
            int voted = round + 1;
            v.waitForCondition(() -> voted == 10 ? v.locator(".consult-done").count() == 1
                    : v.locator(".consult-progress").textContent().startsWith("Voted: " + voted + "."));
        }
        assertThat(v.locator(".consult-done").textContent()).contains("You have voted on every statement");

        // The report, recomputed in the background, shows two groups and the bridge as common ground.
        page.navigate(base + "/processes/" + pid + "/consultations/" + cid + "/report");
        // "Participants" is counted live; "On the map" waits for the background recompute that follows the last vote.
        for (int attempt = 0; attempt < 60 && !("31".equals(figure("Participants")) && "31".equals(figure("On the map"))
                && "2".equals(page.locator("#group-count").textContent())); attempt++) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(figure("Participants")).isEqualTo("31");
        assertThat(figure("On the map")).isEqualTo("31");
        assertThat(page.locator("#group-count").textContent()).isEqualTo("2");
        assertThat(page.locator(".consult-group")).satisfies(l -> assertThat(l.count()).isEqualTo(2));
        assertThat(page.locator(".consult-group h3").allTextContents()).allMatch(t -> t.matches("Group [12] \\(participants: 1[56]\\)"));
        assertThat(page.locator("#consensus .consensus-statement").allTextContents()).hasSize(1).first().asString().contains(BRIDGE);
        page.waitForCondition(() -> "31".equals(page.locator("#opinion-map").getAttribute("data-drawn-points")));
        assertThat(page.locator("table.consult-table tbody tr").count()).isEqualTo(10);
        screenshot("consultation-report-en");
        JsonNode report = api.get(apiPath + "/report").json();
        assertThat(report.path("groupCount").asInt()).as(report.toString().substring(0, 300)).isEqualTo(2);
        assertThat(page.locator("#opinion-map").getAttribute("data-drawn-groups")).isEqualTo("2");
        assertThat(browser.problems()).as("console errors and CSP violations in English").isEmpty();

        // In Ukrainian.
        page.locator(".lang-switch button[value=uk]").click();
        page.waitForCondition(() -> "uk".equals(page.locator("html").getAttribute("lang")));
        assertThat(page.locator("h1").textContent()).isEqualTo("Звіт");
        assertThat(page.locator("#consensus h2").textContent()).isEqualTo("Спільне");
        assertThat(page.locator(".consult-group h3").first().textContent()).startsWith("Група");
        page.waitForCondition(() -> "31".equals(page.locator("#opinion-map").getAttribute("data-drawn-points")));
        screenshot("consultation-report-uk");

        assertThat(browser.problems()).as("console errors and CSP violations").isEmpty();
    }

    /** Camp A agrees with the even proposals, camp B with the odd ones; both agree with the bridge (0). */
    private static String stance(boolean campA, int j) {
        if (j == 0) {
            return "AGREE";
        }
        return (j % 2 == 0) == campA ? "AGREE" : "DISAGREE";
    }

    private String figure(String label) {
        return page.locator(".consult-figures div").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label))
                .locator("dd").textContent().strip();
    }

    private void screenshot(String name) {
        WatchedBrowser.screenshot(page, name);
    }

    private static void screenshot(Page p, String name) {
        WatchedBrowser.screenshot(p, name);
    }
}
