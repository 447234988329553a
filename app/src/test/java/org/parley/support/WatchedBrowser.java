package org.parley.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium for one browser test class, with a browser of one's own per person (own cookies), each
 * watched: a console error, an uncaught page error, a failed request, a Content Security Policy violation or
 * an unexpected dialog is collected in {@link #problems()}, which a test asserts empty at its end.
 * Open it in {@code @BeforeAll}, call {@link #closePages()} in {@code @AfterEach} and {@link #close()} in
 * {@code @AfterAll}.
 */
public final class WatchedBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Shared machines are slow: pages may wait for Leaflet, the boundaries or a chart. */
    private static final double TIMEOUT_MS = 60_000;

    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> contexts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    public WatchedBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    /** A new browser window for {@code who}, English by default, watched for problems. */
    public Page open(String who) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) || m.text().contains("Content Security Policy")) {
                problems.add(who + ": console " + m.type() + " on " + page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> problems.add(who + ": page error on " + page.url() + ": " + e));
        page.onRequestFailed(r -> {
            if (r.failure() == null || !r.failure().contains("ERR_ABORTED")) {
                problems.add(who + ": failed request " + r.url() + ": " + r.failure());
            }
        });
        page.onDialog(d -> {
            problems.add(who + ": a dialog opened on " + page.url() + ": " + d.message());
            d.dismiss();
        });
        return page;
    }

    /** A window for {@code email}, signed in through the sign-in page of the server at {@code base}. */
    public Page signedIn(String base, String email, String password) {
        Page page = open(email);
        page.navigate(base + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("main button[type=submit]").click();
        page.waitForURL(base + "/");
        return page;
    }

    /** What went wrong in any window so far (console errors, CSP violations, failed requests, dialogs). */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    public void closePages() {
        synchronized (contexts) {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }

    @Override
    public void close() {
        closePages();
        browser.close();
        playwright.close();
    }
}
