package org.parley.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows that signatures, outbox mail and votes refer to without foreign keys (V4, V58, V63) cannot be deleted,
 * so none of those references can dangle. The demo process has one of each.
 */
@ParleyTest
class RowsNeverDeletedTest {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"process", "petition", "consultation", "consultation_participant", "consultation_statement"})
    void deletingOneIsRefused(String table) {
        long id = jdbc.sql("SELECT min(id) FROM " + table).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + table + " WHERE id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("rows of " + table + " are never deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }
}
