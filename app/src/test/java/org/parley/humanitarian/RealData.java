package org.parley.humanitarian;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data beside the repository ({@code ../shared/data/real}), found from the app module or the root. */
final class RealData {

    private RealData() {
    }

    static Path file(String name) {
        String override = System.getProperty("parley.shared.dir", System.getenv("PARLEY_SHARED_DIR"));
        for (String base : new String[]{override == null ? null : override + "/data/real", "../../shared/data/real", "../shared/data/real"}) {
            if (base != null && Files.isReadable(Path.of(base, name))) {
                return Path.of(base, name).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("real data file " + name + " not found under ../shared/data/real; set PARLEY_SHARED_DIR");
    }
}
