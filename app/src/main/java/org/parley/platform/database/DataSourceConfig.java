package org.parley.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An external PostgreSQL when {@code PARLEY_DATABASE_URL} is set; otherwise the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfig {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfig.class);

    @Bean
    DataSource dataSource(DatabaseProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley");
        config.setMaximumPoolSize(props.database().poolSize() == null ? 20 : props.database().poolSize());
        if (props.database().external()) {
            String url = props.database().url();
            config.setJdbcUrl(url.startsWith("jdbc:") ? url : "jdbc:" + url);
            config.setUsername(props.database().user());
            config.setPassword(props.database().password());
            log.info("Using the external PostgreSQL at {}", config.getJdbcUrl().replaceAll("password=[^&]*", "password=***"));
        } else {
            EmbeddedDatabase db = EmbeddedDatabase.startOrGet(props.dataDir(), props.embeddedDb().port(), props.embeddedDb().settings());
            config.setJdbcUrl(db.jdbcUrl());
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }
}
