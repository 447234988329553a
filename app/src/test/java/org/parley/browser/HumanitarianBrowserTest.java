package org.parley.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.process.Process;
import org.parley.support.Api;
import org.parley.support.Chromium;
import org.parley.process.Processes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An agency requests a convoy to Kharkiv in a real (headless) Chromium, notifies Ukraine and Russia, each
 * party's delegate acknowledges it for their party, the convoy is deconflicted, leaves and is delivered, and
 * the 4W gap map and table move. Then a corridor whose window saw shelling that observers reported and verified
 * through monitoring's API counts the incident and is marked successful only with an override. Any console
 * error or CSP violation fails it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.demo.password=" + HumanitarianBrowserTest.PASSWORD})
class HumanitarianBrowserTest {

    static final String PASSWORD = "demo-password-1";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String dataDir = Chromium.freshDataDir("browser-test-data");
        registry.add("parley.data-dir", () -> dataDir);
    }

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    final List<BrowserContext> contexts = new ArrayList<>();
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

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
    }

    /** A browser of its own for one person, signed in. */
    Page signedIn(String email) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
                problems.add("console " + m.type() + " on " + page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> problems.add("page error on " + page.url() + ": " + e));
        page.onRequestFailed(r -> {
            if (r.failure() == null || !r.failure().contains("ERR_ABORTED")) {
                problems.add("failed request " + r.url() + ": " + r.failure());
            }
        });
        page.navigate(base() + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL(base() + "/");
        return page;
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anAgencysConvoyIsAcknowledgedByBothPartiesDeliveredAndTheGapMapMoves() {
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();
        String hum = base() + "/processes/" + pid + "/humanitarian";

        // The agency opens the humanitarian overview from the process's menu; the map draws Kharkiv's reach.
        Page agency = signedIn("humanitarian@demo.parley");
        agency.navigate(base() + "/processes/" + pid);
        agency.locator(".process-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Humanitarian")).click();
        agency.waitForURL(hum);
        assertThat(agency.locator("h1").textContent()).isEqualTo("Humanitarian assistance");
        agency.locator("#gap-map[data-ready=true]").waitFor();
        long reachedBefore = Long.parseLong(agency.locator("#gap-map path[data-pcode=UA63]").getAttribute("data-reached"));
        assertThat(reachedBefore).isPositive();
        String coverageBefore = agency.locator("#gap-map path[data-pcode=UA63]").getAttribute("data-coverage");
        screenshot(agency, "humanitarian-dashboard-before-en");

        // It requests a convoy to Kharkiv.
        agency.navigate(hum + "/deliveries");
        agency.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request a delivery")).click();
        LocalDateTime dep = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        agency.locator("#title").fill("Convoy 7: food and hygiene kits to Kharkiv");
        agency.locator("#organisationId").selectOption(new SelectOption().setLabel("WFP — World Food Programme"));
        agency.locator("#sector").selectOption("FOOD_SECURITY");
        agency.locator("#origin").fill("Dnipro warehouse");
        agency.locator("#destination").fill("Kharkiv");
        agency.locator("#destinationPcode").selectOption("UA63");
        agency.locator("#route").fill("Dnipro – Krasnohrad – Kharkiv");
        agency.locator("#plannedDeparture").fill(local.format(dep));
        agency.locator("#plannedArrival").fill(local.format(dep.plusHours(8)));
        agency.locator("#peopleToReach").fill("20000");
        agency.locator("[id='cargo0.commodity']").fill("Wheat flour");
        agency.locator("[id='cargo0.quantity']").fill("80");
        agency.locator("[id='cargo0.unit']").fill("t");
        agency.locator("[id='cargo1.commodity']").fill("Hygiene kits");
        agency.locator("[id='cargo1.quantity']").fill("2000");
        agency.locator("[id='cargo1.unit']").fill("kits");
        screenshot(agency, "delivery-form-en");
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request the delivery")).click();
        agency.waitForURL("**/humanitarian/deliveries/*");
        String delivery = agency.url();
        assertThat(agency.locator("h1").textContent()).isEqualTo("Convoy 7: food and hygiene kits to Kharkiv");
        assertThat(agency.locator("#delivery-status").getAttribute("data-status")).isEqualTo("REQUESTED");

        // It notifies Ukraine and Russia.
        agency.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("UA — Ukraine")).check();
        agency.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("RU — Russian Federation")).check();
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notify").setExact(true)).click();
        agency.waitForURL(delivery);
        assertThat(agency.locator(".alert-success").textContent()).contains("The parties were notified.");
        assertThat(agency.locator("#delivery-status").getAttribute("data-status")).isEqualTo("NOTIFIED");
        assertThat(agency.locator("li[data-party=UA]").textContent()).contains("awaiting acknowledgement");

        // Each party's delegate acknowledges for their party.
        Page ua = signedIn("delegate.ua@demo.parley");
        ua.navigate(delivery);
        ua.locator("#note").fill("Checkpoints on the H-31 informed");
        ua.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge for my party")).click();
        ua.waitForURL(delivery);
        assertThat(ua.locator(".alert-success").textContent()).contains("Your party’s acknowledgement was recorded.");
        assertThat(ua.locator("li[data-party=UA]").getAttribute("data-acknowledged")).isEqualTo("true");
        assertThat(ua.locator("#delivery-status").getAttribute("data-status")).isEqualTo("NOTIFIED");
        assertThat(ua.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge for my party")).count()).isZero();

        Page ru = signedIn("delegate.ru@demo.parley");
        ru.navigate(delivery);
        ru.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge for my party")).click();
        ru.waitForURL(delivery);
        assertThat(ru.locator("#delivery-status").getAttribute("data-status")).isEqualTo("DECONFLICTED");
        screenshot(ru, "delivery-deconflicted-en");

        // The agency sends it on its way and records it delivered.
        agency.navigate(delivery);
        agency.locator("#status").selectOption("UNDER_WAY");
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
        agency.waitForURL(delivery);
        assertThat(agency.locator("#delivery-status").getAttribute("data-status")).isEqualTo("UNDER_WAY");
        agency.locator("#status").selectOption("DELIVERED");
        agency.locator("#peopleReached").fill("19500");
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record").setExact(true)).click();
        agency.waitForURL(delivery);
        assertThat(agency.locator(".alert-success").textContent()).contains("The delivery is now “Delivered”.");
        assertThat(agency.locator("#delivery-status").getAttribute("data-status")).isEqualTo("DELIVERED");
        assertThat(agency.locator("#people-reached").textContent()).isEqualTo("19,500");
        assertThat(agency.locator(".history-entry").count()).isEqualTo(5);
        screenshot(agency, "delivery-delivered-en");

        // The gap map and table moved in Kharkiv Oblast.
        agency.navigate(hum);
        agency.locator("#gap-map[data-ready=true]").waitFor();
        long reachedAfter = Long.parseLong(agency.locator("#gap-map path[data-pcode=UA63]").getAttribute("data-reached"));
        assertThat(reachedAfter).isEqualTo(reachedBefore + 19_500);
        assertThat(agency.locator("#gap-map path[data-pcode=UA63]").getAttribute("data-coverage")).isNotEqualTo(coverageBefore);
        assertThat(agency.locator("tr[data-pcode=UA63][data-sector=FOOD_SECURITY] .reached").textContent()).isEqualTo("529,500");
        assertThat(agency.locator("#stat-delivered").textContent()).isEqualTo("1");
        screenshot(agency, "humanitarian-dashboard-after-en");

        // The public sees the aggregate, not the convoy.
        agency.locator(".lang-switch button[value=uk]").click();
        agency.waitForCondition(() -> "uk".equals(agency.locator("html").getAttribute("lang")));
        assertThat(agency.locator("h1").textContent()).isEqualTo("Гуманітарна допомога");
        agency.locator("#gap-map[data-ready=true]").waitFor();
        screenshot(agency, "humanitarian-dashboard-uk");

        assertThat(problems).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void aCorridorWithAVerifiedIncidentInItsWindowIsMarkedSuccessfulOnlyWithAnOverride() {
        long pid = processes.all().stream().filter(p -> p.name().equals(PROCESS)).mapToLong(Process::id).min().orElseThrow();
        String hum = base() + "/processes/" + pid + "/humanitarian";

        // Two observers report shelling beside the Bakhmut – Kostiantynivka road three hours ago, through
        // monitoring's API; the mediator verifies the event.
        Api api = Api.at(port);
        String monitoring = "/api/v1/processes/" + pid + "/monitoring";
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long event = check(api.asDemo("observer").post(monitoring + "/reports", report(at, 48.560, 37.860)), 201).json().path("eventId").asLong();
        check(api.asDemo("observer2").post(monitoring + "/reports", report(at.plus(6, ChronoUnit.MINUTES), 48.562, 37.858)), 201);
        check(api.asDemo("mediator").post(monitoring + "/events/" + event + "/decision",
                "{\"state\":\"VERIFIED\",\"reason\":\"Craters measured by two patrols\"}"), 200);

        // Ukraine's delegate proposes a corridor on that road whose window covers the shelling.
        Page ua = signedIn("delegate.ua@demo.parley");
        ua.navigate(hum + "/corridors");
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        LocalDateTime opens = LocalDateTime.now(ZoneOffset.UTC).minusHours(6).truncatedTo(ChronoUnit.HOURS);
        ua.locator("#fromName").fill("Bakhmut");
        ua.locator("#toName").fill("Kostiantynivka");
        ua.locator("#purpose").selectOption("EVACUATION");
        ua.locator("#routePoints").fill("48.595, 38.000\n48.530, 37.710");
        ua.locator("#bufferMetres").fill("2000");
        ua.locator("#windowStart").fill(local.format(opens));
        ua.locator("#windowEnd").fill(local.format(opens.plusHours(5)));
        ua.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose").setExact(true)).click();
        ua.waitForURL("**/humanitarian/corridors/*");
        String corridor = ua.url();
        assertThat(ua.locator("#incident-check").getAttribute("data-incidents")).isEqualTo("1");
        assertThat(ua.locator("#incident-check").textContent()).contains("1 verified incident within 2.0 km of the route");
        assertThat(ua.locator("li.incident").getAttribute("data-event-id")).isEqualTo(String.valueOf(event));
        ua.waitForCondition(() -> ua.locator("#corridor-map[data-ready=true], #corridor-map[data-error]").count() > 0);
        assertThat(ua.locator("#corridor-map").getAttribute("data-error")).as("map error; problems: %s", problems).isNull();
        assertThat(ua.locator("#corridor-map path[data-event-id='" + event + "']").count()).isEqualTo(1);
        screenshot(ua, "corridor-with-incident-en");

        // The agency records it successful: refused without the override, the reason kept.
        Page agency = signedIn("humanitarian@demo.parley");
        agency.navigate(corridor);
        agency.locator("#outcome").selectOption("SUCCESSFUL");
        agency.locator("#reason").fill("All 40 buses reached Kostiantynivka");
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
        assertThat(agency.locator(".alert-error.conflict").textContent())
                .contains("There were 1 verified incidents", "only with an override and a reason");
        assertThat(agency.locator("#corridor-outcome").getAttribute("data-outcome")).isEqualTo("UNKNOWN");
        assertThat(agency.locator("#reason").inputValue()).isEqualTo("All 40 buses reached Kostiantynivka");
        screenshot(agency, "corridor-override-refused-en");

        // With the override (and its reason) it is taken, and says so.
        agency.locator("form.outcome-form input[type=checkbox][name=override]").check();
        agency.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
        agency.waitForURL(corridor);
        assertThat(agency.locator(".alert-success").textContent()).contains("The outcome is now “Successful”.");
        assertThat(agency.locator("#corridor-outcome").getAttribute("data-outcome")).isEqualTo("SUCCESSFUL");
        assertThat(agency.locator(".flag").textContent()).isEqualTo("marked successful despite verified incidents");
        screenshot(agency, "corridor-overridden-en");

        // The refused outcome is the one 409 the browser reports; anything else fails.
        assertThat(problems.stream().filter(p -> !p.contains("/outcome: Failed to load resource: the server responded with a status of 409")))
                .as("console errors and CSP violations").isEmpty();
    }

    private static String report(Instant at, double lat, double lon) {
        return """
                {"clientId":"%s","observedFrom":"%s","latitude":%s,"longitude":%s,"precisionM":100,"category":"SHELLING","quantity":4,
                 "description":"Impacts heard and seen from the post","language":"en","confidence":"HIGH"}"""
                .formatted(UUID.randomUUID(), at, lat, lon);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
