package org.parley.record.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates shared/ (public conformance data kept beside the repository clone). CI always has it,
 * so a missing directory fails the tests rather than skipping them.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String override = System.getProperty("parley.shared.dir", System.getenv("PARLEY_SHARED_DIR"));
        Path root;
        if (override != null && !override.isBlank()) {
            root = Path.of(override);
        } else {
            Path module = Path.of(System.getProperty("parley.module.dir", System.getProperty("user.dir")));
            root = module.resolve("../../shared");
        }
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("conformance/tlog"))) {
            throw new IllegalStateException("shared conformance data not found at " + root
                    + "/conformance/tlog; set PARLEY_SHARED_DIR or -Dparley.shared.dir");
        }
        return root;
    }

    public static Path tlog() {
        return root().resolve("conformance/tlog");
    }
}
