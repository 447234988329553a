package org.parley.platform.database;

import java.nio.file.Path;

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
        embeddedDb = embeddedDb == null ? new EmbeddedDb(null) : embeddedDb;
    }

    record Database(String url, String user, String password, Integer poolSize) {
        boolean external() {
            return url != null && !url.isBlank();
        }
    }

    record EmbeddedDb(Integer port) {
    }
}
