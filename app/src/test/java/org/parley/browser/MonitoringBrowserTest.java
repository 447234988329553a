package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.monitoring.Ceasefire;
import org.parley.support.Chromium;
import org.parley.support.WatchedBrowser;
import org.parley.monitoring.Monitoring;
import org.parley.monitoring.MonitoringRealData;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two observers report one shelling near the same place, in a real (headless) Chromium; the event shows as
 * corroborated by two observers; a verifier verifies it and attributes it; it appears as a violation of the
 * demo's general ceasefire on the map, in the compliance table and in the public view. Any console error,
 * Content Security Policy violation or failed request ({@link WatchedBrowser}) fails the test. It runs on its own fresh database, like
 * {@link NewcomerBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + MonitoringBrowserTest.PASSWORD})
class MonitoringBrowserTest {

    static final String PASSWORD = "demo-password-1";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";

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
    Monitoring monitoring;

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

    Page browserOf(String who) {
        return browser.open(who);
    }

    Page signedIn(String email) {
        return browser.signedIn(base(), email, PASSWORD);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void twoObserversReportOneShellingAVerifierVerifiesItAndItIsAViolationOnTheMapInTheTableAndInPublic() {
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();
        Party ru = processes.parties(pid).stream().filter(p -> p.shortName().equals("RU")).findFirst().orElseThrow();
        Ceasefire general = monitoring.ceasefires(pid).stream().filter(c -> c.name().equals("General ceasefire")).findFirst().orElseThrow();
        String dashboard = base() + "/processes/" + pid + "/monitoring";
        String ruRow = "#compliance .compliance[data-ceasefire-id='" + general.id() + "'] tr[data-party-id='" + ru.id() + "']";

        // The public's compliance table before.
        Page publicPage = browserOf("public");
        publicPage.navigate(dashboard);
        int ruBefore = Integer.parseInt(publicPage.locator(ruRow).getAttribute("data-total"));

        // The first observer reports a shelling from the monitoring page.
        Page first = signedIn("observer@demo.parley");
        first.navigate(base() + "/processes/" + pid);
        first.locator(".process-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Monitoring")).click();
        first.waitForURL("**/processes/" + pid + "/monitoring");
        first.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File a report")).click();
        first.locator("#category").selectOption("SHELLING");
        first.locator("#team").fill("Team Zaporizhzhia-2");
        first.locator("#latitude").fill("47.6490");
        first.locator("#longitude").fill("36.2560");
        first.locator("#quantity").fill("6");
        first.locator("#weapon").fill("122 mm artillery");
        first.locator("#direction").fill("from the south-east");
        first.locator("#description").fill("Six impacts of artillery on the eastern edge of the town.");
        screenshot(first, "monitoring-report-form-en");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the report")).click();
        first.waitForURL("**/monitoring/events/*");
        String eventUrl = first.url().replaceFirst("\\?.*$", "");
        long eventId = Long.parseLong(eventUrl.substring(eventUrl.lastIndexOf('/') + 1));
        assertThat(first.locator("#event-state").getAttribute("data-state")).isEqualTo("REPORTED");
        assertThat(first.locator("#observer-count").textContent()).isEqualTo("1 independent observer");

        // The second observer reports the same shelling, a few hundred metres away.
        Page second = signedIn("observer2@demo.parley");
        second.navigate(dashboard + "/reports/new");
        second.locator("#category").selectOption("SHELLING");
        second.locator("#latitude").fill("47.6515");
        second.locator("#longitude").fill("36.2600");
        second.locator("#description").fill("Artillery impacts heard and seen east of the town centre.");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the report")).click();
        second.waitForURL("**/monitoring/events/" + eventId + "*");
        assertThat(second.locator("#event-state").getAttribute("data-state")).isEqualTo("CORROBORATED");
        assertThat(second.locator("#event-state").textContent()).isEqualTo("Corroborated");
        assertThat(second.locator("#observer-count").textContent()).isEqualTo("2 independent observers");
        assertThat(second.locator("table.reports tbody tr").count()).isEqualTo(2);
        screenshot(second, "monitoring-event-corroborated-en");

        // A verifier (the mediator) verifies it and attributes it.
        Page verifier = signedIn("mediator@demo.parley");
        verifier.navigate(eventUrl);
        verifier.getByLabel("New state").selectOption("VERIFIED");
        verifier.getByLabel("Verified attribution").selectOption(new SelectOption().setValue(String.valueOf(ru.id())));
        verifier.getByLabel("Reason").fill("Both patrols saw the impacts; crater analysis shows fire from the south-east.");
        verifier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the decision")).click();
        verifier.waitForURL("**/monitoring/events/" + eventId + "*");
        assertThat(verifier.locator(".alert-success").textContent()).contains("the event is now “Verified”");
        assertThat(verifier.locator("#event-state").getAttribute("data-state")).isEqualTo("VERIFIED");
        assertThat(verifier.locator("#decided-by").textContent()).isEqualTo("Amina Haddad (mediator)");
        assertThat(verifier.locator("#attributed").textContent()).startsWith("RU");
        assertThat(verifier.locator("ul.violations li[data-ceasefire-id='" + general.id() + "']").textContent())
                .isEqualTo("Violation of «General ceasefire»");
        screenshot(verifier, "monitoring-event-verified-en");

        // The mediator imports the real UCDP file on the import page and watches it go in.
        verifier.navigate(dashboard + "/imports/new");
        verifier.locator("#format").selectOption("UCDP_GED");
        verifier.locator("#file").setInputFiles(MonitoringRealData.file("ucdp-ged-ukraine-2014-2023.csv"));
        verifier.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        verifier.waitForURL("**/monitoring/imports/*");
        verifier.waitForCondition(() -> "DONE".equals(verifier.locator("#import-progress").getAttribute("data-status")),
                new Page.WaitForConditionOptions().setTimeout(60_000));
        assertThat(verifier.locator("#rows-imported").textContent()).isEqualTo("3883");
        assertThat(verifier.locator("#deaths").textContent()).isEqualTo("18480");

        // On the dashboard: the map shows it, and apart from the events the outside source's 3,883 events as a layer of their own;
        // the compliance table counts it against RU.
        verifier.navigate(dashboard);
        verifier.waitForCondition(() -> verifier.locator("#monitoring-map").getAttribute("data-outside-loaded") != null);
        assertThat(verifier.locator("#monitoring-map path.leaflet-interactive").count()).isGreaterThan(25); // 25 oblasts and the events
        assertThat(verifier.locator("#monitoring-map path.event-marker.state-VERIFIED").count()).isGreaterThanOrEqualTo(4);
        assertThat(verifier.locator("#monitoring-map").getAttribute("data-outside-loaded")).isEqualTo("3883");
        assertThat(verifier.locator("#monitoring-map path.outside-marker").count()).isEqualTo(3883);
        assertThat(verifier.locator(".leaflet-control-layers").textContent()).contains("Observers’ events", "Outside sources (UCDP, ACLED)");
        assertThat(verifier.locator("#outside-count").textContent()).isEqualTo("3883");
        assertThat(Integer.parseInt(verifier.locator(ruRow).getAttribute("data-total"))).isEqualTo(ruBefore + 1);
        screenshot(verifier, "monitoring-dashboard-en");

        // The public sees it: in the events, on the map, in the compliance table; nothing unverified.
        publicPage.navigate(dashboard);
        assertThat(publicPage.locator("#public-notice").isVisible()).isTrue();
        assertThat(publicPage.locator("#events tr[data-event-id='" + eventId + "']").getAttribute("data-state")).isEqualTo("VERIFIED");
        assertThat(publicPage.locator("#events tr[data-state='REPORTED'], #events tr[data-state='CORROBORATED']").count()).isZero();
        assertThat(Integer.parseInt(publicPage.locator(ruRow).getAttribute("data-total"))).isEqualTo(ruBefore + 1);
        publicPage.waitForCondition(() -> publicPage.locator("#monitoring-map").getAttribute("data-loaded") != null);
        int markers = Integer.parseInt(publicPage.locator("#monitoring-map").getAttribute("data-loaded"));
        assertThat(publicPage.locator("#monitoring-map path.event-marker").count()).isEqualTo(markers);
        assertThat(publicPage.locator("#monitoring-map path.event-marker:not(.state-VERIFIED)").count()).isZero();
        assertThat(publicPage.locator("#monitoring-map path.outside-marker").count()).isZero();
        assertThat(publicPage.locator("#outside-count").count()).isZero();
        publicPage.locator("#events tr[data-event-id='" + eventId + "'] a").click();
        publicPage.waitForURL("**/monitoring/events/" + eventId);
        assertThat(publicPage.locator("ul.violations").textContent()).contains("General ceasefire");
        assertThat(publicPage.locator("table.reports").count()).isZero(); // the observers' reports stay with the mission
        screenshot(publicPage, "monitoring-public-event-en");

        // And in Ukrainian.
        publicPage.navigate(dashboard);
        publicPage.locator(".lang-switch button[value=uk]").click();
        publicPage.waitForCondition(() -> "uk".equals(publicPage.locator("html").getAttribute("lang")));
        assertThat(publicPage.locator("h1").textContent()).isEqualTo("Моніторинг припинення вогню");
        screenshot(publicPage, "monitoring-dashboard-uk");

        assertThat(browser.problems()).as("console errors, CSP violations, failed requests").isEmpty();
    }

    private static void screenshot(Page page, String name) {
        WatchedBrowser.screenshot(page, name);
    }
}
