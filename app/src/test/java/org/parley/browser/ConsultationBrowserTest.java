package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engagement.ParticipantClient;
import org.parley.support.Chromium;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.Api;
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
 * and the bridging statement as common ground, in English and in Ukrainian. Any console error or
 * Content Security Policy violation fails the test. Runs on its own fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + ConsultationBrowserTest.PASSWORD})
class ConsultationBrowserTest {

    static final String PASSWORD = "demo-password-1";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final String QUESTION = "How should the first year after a ceasefire be organised?";
    static final String BRIDGE = "Every prisoner of war should be able to go home.";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String dataDir = Chromium.freshDataDir("consultations-browser-data");
        registry.add("parley.data-dir", () -> dataDir);
    }

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    BrowserContext context;
    Page page;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void launch() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        context = newContext();
        page = watched(context.newPage());
    }

    private BrowserContext newContext() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900));
        c.setDefaultTimeout(15_000);
        return c;
    }

    private Page watched(Page p) {
        p.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
                problems.add("console " + m.type() + " on " + p.url() + ": " + m.text());
            }
        });
        p.onPageError(e -> problems.add("page error on " + p.url() + ": " + e));
        p.onRequestFailed(r -> {
            if (r.failure() == null || !r.failure().contains("ERR_ABORTED")) {
                problems.add("failed request " + r.url() + ": " + r.failure());
            }
        });
        return p;
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void anOrganiserOpensAConsultationTheCampsVoteAndTheReportFindsTwoGroupsAndCommonGround() {
        String base = "http://localhost:" + port;
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();

        // The organiser signs in and opens a consultation with ten seed statements.
        page.navigate(base + "/login");
        page.getByLabel("E-mail").fill("mediator@demo.parley");
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL(base + "/");
        page.navigate(base + "/processes/" + pid);
        page.locator(".process-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Consultations")).click();
        page.waitForURL("**/processes/" + pid + "/consultations");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open a consultation")).click();
        page.getByLabel("Question").fill(QUESTION);
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
        BrowserContext visitor = newContext();
        Page v = watched(visitor.newPage());
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
        visitor.close();

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
        assertThat(problems).as("console errors and CSP violations in English").isEmpty();

        // In Ukrainian.
        page.locator(".lang-switch button[value=uk]").click();
        page.waitForCondition(() -> "uk".equals(page.locator("html").getAttribute("lang")));
        assertThat(page.locator("h1").textContent()).isEqualTo("Звіт");
        assertThat(page.locator("#consensus h2").textContent()).isEqualTo("Спільне");
        assertThat(page.locator(".consult-group h3").first().textContent()).startsWith("Група");
        page.waitForCondition(() -> "31".equals(page.locator("#opinion-map").getAttribute("data-drawn-points")));
        screenshot("consultation-report-uk");

        assertThat(problems).as("console errors and CSP violations").isEmpty();
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
        screenshot(page, name);
    }

    private static void screenshot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

}
