package org.parley.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.Playwright;

/**
 * What every browser test needs: Debian's Chromium driven by Playwright (its own browser download
 * cannot work here), and a fresh data directory so that the test's Parley loads the demo afresh.
 */
public final class Chromium {

    private Chromium() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless, and without the background traffic that a machine with no internet refuses. */
    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    /**
     * {@code target/NAME}, emptied first so the demo loads afresh; if another run is using it right now,
     * a directory of this run's own. Leftovers of earlier runs with no live server are removed.
     */
    public static String freshDataDir(String name) {
        Path target = Paths.get("target");
        try {
            Files.createDirectories(target);
            try (Stream<Path> dirs = Files.list(target)) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(name)).toList()) {
                    if (!inUse(dir)) {
                        deleteTree(dir);
                    }
                }
            }
            Path fixed = target.resolve(name);
            return Files.exists(fixed) ? target.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)).toString()
                    : fixed.toString();
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the browser test's data directory", e);
        }
    }

    private static boolean inUse(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
