package org.parley.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The real data files shared beside the repository ({@code shared/data/real}), for the import tests and the browser test. */
public final class MonitoringRealData {

    private MonitoringRealData() {
    }

    /** A file of {@code shared/data/real}, looked for from the working directory upwards. */
    public static Path file(String name) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("real").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/data/real").resolve(name).normalize();
            if (Files.isRegularFile(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("cannot find the shared data file " + name);
    }
}
