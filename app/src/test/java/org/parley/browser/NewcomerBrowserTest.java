package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.process.Process;
import org.parley.support.Chromium;
import org.parley.support.WatchedBrowser;
import org.parley.process.Processes;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A newcomer's first visit, in a real (headless) Chromium: they find the process, sign in as its
 * mediator, plan a milestone that hangs on the ceasefire, record the ceasefire as completed with
 * evidence, watch the roadmap move, and read it all in Ukrainian. Any console error or Content Security
 * Policy violation fails the test.
 *
 * <p>It runs on its own fresh database (the ceasefire it completes is the demo's), so it never disturbs
 * the tests that share {@code target/test-data}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + NewcomerBrowserTest.PASSWORD})
class NewcomerBrowserTest {

    static final String PASSWORD = "demo-password-1";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final String CEASEFIRE = "Initial ceasefire agreement";
    static final String EXCHANGE = "Prisoner exchange framework";
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String dataDir = Chromium.freshDataDir("browser-test-data");
        registry.add("parley.data-dir", () -> dataDir);
    }

    static WatchedBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    Roadmap roadmap;

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

    @BeforeEach
    void openBrowser() {
        page = browser.open("newcomer");
    }

    @AfterEach
    void closeBrowser() {
        browser.closePages();
    }

    @Test
    void aNewcomerPlansAMilestoneCompletesTheCeasefireAndSeesTheRoadmapMove() throws Exception {
        String base = "http://localhost:" + port;
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();
        Milestone ceasefire = milestone(pid, CEASEFIRE);

        // A newcomer opens Parley and finds the process.
        page.navigate(base + "/");
        assertThat(page.locator("h1").first().textContent()).contains("Peace processes, run in the open");
        screenshot("home-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open “" + PROCESS + "”")).click();
        assertThat(page.locator("h1").textContent()).isEqualTo(PROCESS);

        // They sign in as the mediator.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByLabel("E-mail").fill("mediator@demo.parley");
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL(base + "/");
        assertThat(page.locator(".account-link").textContent()).contains("Amina Haddad");

        // They open the roadmap.
        page.navigate(base + "/processes/" + pid);
        page.locator(".process-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Roadmap")).click();
        page.waitForURL("**/processes/" + pid + "/roadmap");
        assertThat(page.locator("h1").textContent()).isEqualTo("Roadmap");
        Locator ceasefireBar = bar(ceasefire.id());
        assertThat(ceasefireBar.getAttribute("data-status")).isEqualTo("PLANNED");
        assertThat(ceasefireBar.getAttribute("class")).contains("status-PLANNED").doesNotContain("status-COMPLETED");

        // They add "Prisoner exchange framework", due 2 weeks after the ceasefire is completed.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New milestone")).click();
        page.getByLabel("Title").fill(EXCHANGE);
        page.getByLabel("Description").fill("Exchange of prisoners of war and of detained civilians, all for all, verified by the ICRC.");
        page.getByLabel("Track").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Humanitarian assistance"));
        page.getByLabel("After another milestone is completed").check();
        page.locator("#anchorMilestoneId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(CEASEFIRE));
        page.locator("#offsetAmount").fill("2");
        page.locator("#offsetUnit").selectOption("WEEKS");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("RU — Russian Federation")).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("UA — Ukraine")).check();
        screenshot("milestone-form-en");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the milestone")).click();

        // Its page says how the due date is worked out, and that it is projected for now.
        assertThat(page.locator("h1").textContent()).isEqualTo(EXCHANGE);
        assertThat(page.locator("#due-rule").textContent()).contains("2 weeks after «" + CEASEFIRE + "» is completed");
        assertThat(page.locator("#due-date").textContent()).contains("projected")
                .contains(LONG_DATE.format(ceasefire.dueDate().plusDays(14)));
        assertThat(page.locator(".dependencies").textContent()).contains(CEASEFIRE);
        Milestone exchange = milestone(pid, EXCHANGE);
        assertThat(exchange.dueProjected()).isTrue();

        // On the roadmap it waits for the ceasefire.
        page.navigate(base + "/processes/" + pid + "/roadmap");
        Locator exchangeBar = bar(exchange.id());
        assertThat(exchangeBar.getAttribute("class")).contains("projected");
        double xBefore = Double.parseDouble(exchangeBar.getAttribute("x"));
        double widthBefore = Double.parseDouble(exchangeBar.getAttribute("width"));
        assertThat(page.locator("path.link[data-from='" + ceasefire.id() + "'][data-to='" + exchange.id() + "']").count()).isEqualTo(1);
        assertThat(page.locator("path.link").first().getAttribute("marker-end")).isEqualTo("url(#arrow)");

        // The track filter swaps the timeline in place (htmx) and keeps the address shareable.
        long humanitarian = processes.tracks(pid).stream().filter(t -> t.name().equals("Humanitarian assistance")).findFirst().orElseThrow().id();
        page.getByLabel("Track").selectOption(String.valueOf(humanitarian));
        page.waitForURL("**/roadmap?track=" + humanitarian + "*");
        page.waitForCondition(() -> page.locator("rect.bar").count() == 2);
        assertThat(page.locator(".lang-switch input[name=back]").inputValue()).contains("/roadmap?track=" + humanitarian);
        assertThat(page.locator("rect.bar[data-milestone-id='" + ceasefire.id() + "']").count()).isZero();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show all milestones")).click();
        page.waitForCondition(() -> page.locator("rect.bar").count() == 4);

        // They record the ceasefire as completed, with the evidence.
        page.locator("svg.timeline a text.label").filter(new Locator.FilterOptions().setHasText(CEASEFIRE)).click();
        assertThat(page.locator("h1").textContent()).isEqualTo(CEASEFIRE);
        String evidence = "Ceasefire agreement signed in Geneva by the delegations of Ukraine, the Russian Federation and the United States; "
                + "signed copy deposited with the mediator, ref. CF-001.";
        page.getByLabel("New status").selectOption("COMPLETED");
        page.getByLabel("Reason").fill("Signed by all parties to the conflict");
        page.locator("#evidence").fill(evidence);
        assertThat(page.getByLabel("Effective date").inputValue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the change")).click();

        // The history shows who, when, why, the evidence and its SHA-256.
        page.waitForURL("**/milestones/" + ceasefire.id() + "*");
        assertThat(page.locator(".alert-success").textContent()).contains("The status is now “Completed”.");
        Locator latest = page.locator("#history .history-entry").first();
        assertThat(latest.getAttribute("data-to")).isEqualTo("COMPLETED");
        assertThat(latest.textContent()).contains("Signed by all parties to the conflict", "Amina Haddad", evidence);
        assertThat(latest.locator(".evidence-hash").textContent()).isEqualTo(sha256(evidence));
        screenshot("milestone-en");

        // The exchange is now due two weeks after the day the ceasefire was completed — no longer projected.
        LocalDate completedOn = milestone(pid, CEASEFIRE).completedOn();
        assertThat(completedOn).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        page.locator("a").filter(new Locator.FilterOptions().setHasText(EXCHANGE)).first().click();
        assertThat(page.locator("h1").textContent()).isEqualTo(EXCHANGE);
        assertThat(page.locator("#due-date").textContent()).contains(LONG_DATE.format(completedOn.plusDays(14))).doesNotContain("projected");

        // And the timeline moved: the ceasefire bar is completed, the exchange bar starts on the completion day.
        page.navigate(base + "/processes/" + pid + "/roadmap");
        assertThat(bar(ceasefire.id()).getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(bar(ceasefire.id()).getAttribute("class")).contains("status-COMPLETED").doesNotContain("status-PLANNED");
        Locator moved = bar(exchange.id());
        assertThat(moved.getAttribute("class")).doesNotContain("projected");
        assertThat(moved.getAttribute("data-due")).isEqualTo(completedOn.plusDays(14).toString());
        double xAfter = Double.parseDouble(moved.getAttribute("x"));
        double widthAfter = Double.parseDouble(moved.getAttribute("width"));
        assertThat(xAfter).isNotEqualTo(xBefore);
        assertThat(xAfter).isLessThan(xBefore);
        // Still two weeks long: it moved, it did not stretch (the chart's time scale is the same before and after).
        assertThat(widthAfter).isCloseTo(widthBefore, within(1e-6));
        assertThat(page.locator("tr[data-milestone-id='" + exchange.id() + "'] .due-cell").textContent())
                .contains(LONG_DATE.format(completedOn.plusDays(14)));
        screenshot("roadmap-en");

        // They switch to Ukrainian.
        page.locator(".lang-switch button[value=uk]").click();
        page.waitForCondition(() -> "uk".equals(page.locator("html").getAttribute("lang")));
        assertThat(page.locator("h1").textContent()).isEqualTo("Дорожня карта");
        assertThat(page.locator(".process-nav").textContent()).contains("Огляд", "Сторони", "Треки", "Засідання");
        assertThat(page.locator("table.milestones").textContent()).contains("Виконано", "Відповідальні сторони");
        assertThat(page.locator(".tick-label").first().textContent()).matches("[а-яіїєґ]+\\.? \\d{4}");
        screenshot("roadmap-uk");
        page.locator("svg.timeline a text.label").filter(new Locator.FilterOptions().setHasText(EXCHANGE)).click();
        assertThat(page.locator("#due-rule").textContent()).contains("2 тижні після виконання «" + CEASEFIRE + "»");
        screenshot("milestone-uk");

        assertThat(browser.problems()).as("console errors and CSP violations").isEmpty();
    }

    private Locator bar(long milestoneId) {
        return page.locator("rect.bar[data-milestone-id='" + milestoneId + "']");
    }

    private Milestone milestone(long pid, String title) {
        return roadmap.milestones(pid).stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    private void screenshot(String name) {
        WatchedBrowser.screenshot(page, name);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.trim().getBytes(StandardCharsets.UTF_8)));
    }

}
