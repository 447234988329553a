package org.parley.platform.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code PARLEY_DATA_DIR}, {@code PARLEY_DATABASE_URL}/{@code _USER}/{@code _PASSWORD} and
 * {@code PARLEY_EMBEDDED_DB_PORT}, bound by Spring's relaxed binding.
 */
@ConfigurationProperties("parley")
record DatabaseProperties(Path dataDir, Database database, EmbeddedDb embeddedDb) {

    DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null ? new Database(null, null, null, 20) : database;
        embeddedDb = embeddedDb == null ? new EmbeddedDb(null, null) : embeddedDb;
    }

    record Database(String url, String user, String password, Integer poolSize) {
        boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * {@code settings}: further server settings of the embedded cluster ({@code parley.embedded-db.settings.<name>}),
     * e.g. {@code shared_preload_libraries=pg_stat_statements} for the benchmarks' statement statistics.
     */
    record EmbeddedDb(Integer port, Map<String, String> settings) {
        EmbeddedDb {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }
}
