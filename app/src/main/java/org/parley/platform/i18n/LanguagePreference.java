package org.parley.platform.i18n;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class LanguagePreference {

    private final JdbcClient jdbc;

    LanguagePreference(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(long accountId, String lang) {
        jdbc.sql("UPDATE account SET locale = ? WHERE id = ?").params(lang, accountId).update();
    }
}
