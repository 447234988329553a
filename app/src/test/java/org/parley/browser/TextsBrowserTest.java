package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.process.Track;
import org.parley.support.Chromium;
import org.parley.support.WatchedBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenario in a real (headless) Chromium: the mediator drafts a three-clause ceasefire with one bracket;
 * Russia and Ukraine record positions; the bracket is resolved; all accept; the text is adopted and signed; two
 * commitments come from it; Russia reports level 2 with evidence; an observer verifies level 1; the barometer shows
 * both. Each person has their own browser; any console error, CSP violation or failed request ({@link WatchedBrowser})
 * fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + NewcomerBrowserTest.PASSWORD})
class TextsBrowserTest {

    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final String TITLE = "Ceasefire along the line of contact";

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

    /** A signed-in person in a browser of their own, watched for console errors and CSP violations. */
    private Page as(String email) {
        return browser.signedIn(base(), email, NewcomerBrowserTest.PASSWORD);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aCeasefireIsNegotiatedAdoptedSignedAndItsImplementationTracked() {
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();
        Map<String, Long> party = new java.util.HashMap<>();
        for (Party p : processes.parties(pid)) {
            party.put(p.shortName(), p.id());
        }
        Track military = processes.tracks(pid).stream().filter(t -> t.name().equals("Military de-escalation")).findFirst().orElseThrow();

        // The mediator drafts a text on the military track, with Russia and Ukraine as signatories.
        Page mediator = as("mediator@demo.parley");
        mediator.navigate(base() + "/processes/" + pid);
        mediator.locator(".process-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Texts and commitments")).click();
        assertThat(mediator.locator("h1").textContent()).isEqualTo("Negotiating texts");
        mediator.getByLabel("Title").fill(TITLE);
        mediator.getByLabel("Track").selectOption(String.valueOf(military.id()));
        mediator.locator("#new-text input[name=signatoryIds][value='" + party.get("RU") + "']").check();
        mediator.locator("#new-text input[name=signatoryIds][value='" + party.get("UA") + "']").check();
        mediator.getByLabel("Preamble").fill("The parties agree as follows.");
        mediator.getByLabel("First article's heading").fill("Ceasefire");
        mediator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the draft")).click();
        mediator.waitForURL("**/texts/*");
        assertThat(mediator.locator("h1").textContent()).isEqualTo(TITLE);
        String textUrl = mediator.url().replaceFirst("#.*$", "");
        long textId = Long.parseLong(textUrl.replaceAll(".*/texts/", ""));

        for (String[] clause : List.of(
                new String[] {"All hostilities cease at 00:00 UTC on the day after signature.", "first clause"},
                new String[] {"Heavy weapons are withdrawn [*] from the line of contact.", "withdrawal"},
                new String[] {"Observers verify the withdrawal and report weekly.", "verification"})) {
            mediator.locator("#new-clause-body").fill(clause[0]);
            mediator.locator("#new-clause-reason").fill(clause[1]);
            mediator.waitForNavigation(() -> mediator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the clause")).click());
        }
        Locator clauses = mediator.locator(".clause");
        assertThat(clauses.count()).isEqualTo(3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Long.parseLong(clauses.nth(i).getAttribute("id").replace("clause-", "")));
        }
        long withdrawal = ids.get(1);

        // The whole draft in one form: the preamble reworded, saved as a new version with its reason.
        mediator.locator("#edit-draft").click();
        mediator.waitForURL("**/edit");
        mediator.getByLabel("Preamble").fill("The parties, determined to end the hostilities, agree as follows.");
        mediator.locator("#reason").fill("Preamble agreed at the first session");
        WatchedBrowser.screenshot(mediator, "texts-whole-draft-en");
        mediator.waitForNavigation(() -> mediator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a new version")).click());
        assertThat(mediator.locator(".preamble").textContent()).isEqualTo("The parties, determined to end the hostilities, agree as follows.");
        assertThat(mediator.locator(".clause").count()).isEqualTo(3);

        // One bracket: Ukraine proposes 15 km, Russia 30 km.
        for (String[] alt : List.of(new String[] {"15 km", "UA"}, new String[] {"30 km", "RU"})) {
            openTools(mediator, withdrawal);
            mediator.locator("#alt-body-" + withdrawal).fill(alt[0]);
            mediator.locator("#alt-party-" + withdrawal).selectOption(new SelectOption().setLabel(alt[1]));
            mediator.locator("#alt-reason-" + withdrawal).fill("proposal of " + alt[1]);
            mediator.waitForNavigation(() -> mediator.locator("#alternative-" + withdrawal + " button").click());
        }
        assertThat(mediator.locator("#clause-" + withdrawal + " .clause-rendered").textContent())
                .isEqualTo("Heavy weapons are withdrawn [15 km] [30 km] from the line of contact.");
        WatchedBrowser.screenshot(mediator, "texts-draft-en");

        // Russia and Ukraine record their positions: accept the rest; Russia amends, Ukraine rejects the bracketed clause.
        Page russia = as("delegate.ru@demo.parley");
        Page ukraine = as("delegate.ua@demo.parley");
        position(russia, textUrl, ids.get(0), "ACCEPT", null);
        position(russia, textUrl, withdrawal, "AMEND", "Heavy weapons are withdrawn 30 km, in two phases.");
        position(russia, textUrl, ids.get(2), "ACCEPT", null);
        position(ukraine, textUrl, ids.get(0), "ACCEPT", null);
        position(ukraine, textUrl, withdrawal, "REJECT", null);
        position(ukraine, textUrl, ids.get(2), "ACCEPT", null);
        assertThat(ukraine.locator("body").textContent()).doesNotContain("in two phases");
        mediator.navigate(textUrl);
        assertThat(mediator.locator("#matrix").textContent()).contains("amend", "reject");
        assertThat(mediator.locator("#adopt button").isDisabled()).isTrue();

        // The mediator resolves the bracket (30 km); the clause changed, so both accept it again.
        openTools(mediator, withdrawal);
        mediator.locator("#resolve-" + withdrawal + " input[name=choice][value='1']").check();
        mediator.locator("#res-reason-" + withdrawal).fill("Agreed at the second session");
        mediator.waitForNavigation(() -> mediator.locator("#resolve-" + withdrawal + " button").click());
        assertThat(mediator.locator("#clause-" + withdrawal + " .clause-rendered").textContent())
                .isEqualTo("Heavy weapons are withdrawn 30 km from the line of contact.");
        position(russia, textUrl, withdrawal, "ACCEPT", null);
        position(ukraine, textUrl, withdrawal, "ACCEPT", null);

        // All accept: the mediator adopts; the hash is shown and goes on the record.
        mediator.navigate(textUrl);
        assertThat(mediator.locator("#adopt button").isDisabled()).isFalse();
        mediator.waitForNavigation(() -> mediator.locator("#adopt button").click());
        assertThat(mediator.locator("#text-status").textContent()).isEqualTo("Adopted");
        String hash = mediator.locator("#adopted-hash").textContent();
        assertThat(hash).matches("[0-9a-f]{64}");

        // Each signatory's delegate signs.
        for (Page delegate : List.of(russia, ukraine)) {
            delegate.navigate(textUrl);
            delegate.waitForNavigation(() -> delegate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign for my party")).click());
            assertThat(delegate.locator(".alert-success").textContent()).contains("signature is recorded");
        }
        mediator.navigate(textUrl);
        assertThat(mediator.locator("#signatures li").count()).isEqualTo(2);
        WatchedBrowser.screenshot(mediator, "texts-adopted-en");

        // Two commitments come from it.
        long ceasefire = commitment(mediator, pid, textId, ids.get(0), "Cease all hostilities", "CEASEFIRE", "AFTER_ENTRY_INTO_FORCE", "1");
        commitment(mediator, pid, textId, withdrawal, "Withdraw heavy weapons 30 km", "WEAPONS_WITHDRAWAL", "AFTER_ENTRY_INTO_FORCE", "14");

        // Russia reports level 2 with evidence; the observer verifies level 1.
        String commitmentUrl = base() + "/processes/" + pid + "/commitments/" + ceasefire;
        russia.navigate(commitmentUrl);
        russia.locator("#report-level").selectOption("2");
        russia.locator("#report-reason").fill("Hostilities stopped on most of the line");
        russia.locator("#report-evidence").fill("General Staff order no. 17 and daily situation reports");
        russia.waitForNavigation(() -> russia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report")).click());
        assertThat(russia.locator("#reported-level").textContent()).startsWith("2");
        Page observer = as("observer@demo.parley");
        observer.navigate(commitmentUrl);
        observer.locator("#verify-level").selectOption("1");
        observer.locator("#verify-reason").fill("Violations seen in two sectors");
        observer.locator("#verify-evidence").fill("Monitoring mission weekly report no. 1");
        observer.waitForNavigation(() -> observer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the verification")).click());
        assertThat(observer.locator("#verified-level").textContent()).startsWith("1");
        assertThat(observer.locator("#reported-level").textContent()).startsWith("2");
        assertThat(observer.locator("#history .history-entry").count()).isEqualTo(2);
        WatchedBrowser.screenshot(observer, "commitment-en");

        // The barometer for this text shows both lines: reported (2 + 0) / 2 = 1.00, verified (1 + 0) / 2 = 0.50.
        observer.navigate(base() + "/processes/" + pid + "/commitments");
        observer.locator("#filter-text").selectOption(String.valueOf(textId));
        observer.waitForNavigation(() -> observer.locator("#barometer-filter button").click());
        observer.locator("#barometer-chart[data-ready='2']").waitFor();
        Locator last = observer.locator("#barometer-table tbody tr").last();
        assertThat(last.locator(".reported").textContent()).isEqualTo("1.00");
        assertThat(last.locator(".verified").textContent()).isEqualTo("0.50");
        WatchedBrowser.screenshot(observer, "barometer-en");

        // The events deadlines count from, and the plan's tables beside what is measured.
        observer.locator(".texts-subnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Events")).click();
        assertThat(observer.locator("h1").textContent()).isEqualTo("Events deadlines count from");
        WatchedBrowser.screenshot(observer, "deadline-events-en");
        observer.locator(".texts-subnav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("The plan")).click();
        assertThat(observer.locator("#plan-OBJECTIVE").textContent()).contains("Reduce military escalations", "Heavy weapons withdrawn");
        WatchedBrowser.screenshot(observer, "plan-en");

        assertThat(browser.problems()).as("console errors and CSP violations").isEmpty();
    }

    /** Opens a clause's drafting tools unless the browser already did (it opens a details element a fragment points into). */
    private static void openTools(Page page, long clauseId) {
        Locator details = page.locator("#clause-" + clauseId + " details.clause-tools");
        if (details.getAttribute("open") == null) {
            details.locator("summary").click();
        }
    }

    private void position(Page delegate, String textUrl, long clauseId, String stance, String amendment) {
        delegate.navigate(textUrl);
        delegate.locator("#stance-" + clauseId).selectOption(stance);
        delegate.locator("#amendment-" + clauseId).fill(amendment == null ? "" : amendment);
        delegate.waitForNavigation(() -> delegate.locator("#position-" + clauseId + " button").click());
        assertThat(delegate.locator(".alert-success").textContent()).contains("Your position is recorded");
    }

    private long commitment(Page mediator, long pid, long textId, long clauseId, String action, String theme, String deadline, String days) {
        mediator.navigate(base() + "/processes/" + pid + "/commitments");
        mediator.locator("#clause").selectOption(textId + "/" + clauseId);
        mediator.locator("#action").fill(action);
        mediator.locator("#theme").selectOption(theme);
        for (String p : List.of("RU", "UA")) {
            mediator.locator("#new-commitment label.check").filter(new Locator.FilterOptions().setHasText(p)).first().locator("input").check();
        }
        mediator.locator("#deadlineKind").selectOption(deadline);
        mediator.locator("#offsetDays").fill(days);
        mediator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the commitment")).click();
        mediator.waitForURL("**/commitments/*");
        assertThat(mediator.locator("h1").textContent()).isEqualTo(action);
        return Long.parseLong(mediator.url().replaceFirst("#.*$", "").replaceAll(".*/commitments/", ""));
    }
}
