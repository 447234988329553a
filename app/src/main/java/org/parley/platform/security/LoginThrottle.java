package org.parley.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per account and per client address. Counts live in PostgreSQL so that
 * every app node behind a load balancer sees the same failures.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailuresPerAccount;
    private final int maxFailuresPerAddress;
    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock,
                  @Value("${parley.login.max-failures-per-account:5}") int maxFailuresPerAccount,
                  @Value("${parley.login.max-failures-per-address:30}") int maxFailuresPerAddress,
                  @Value("${parley.login.window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    boolean isLocked(String email, String address) {
        OffsetDateTime now = now();
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM login_throttle WHERE throttle_key IN (?, ?) AND locked_until > ?)")
                .params(accountKey(email), addressKey(address), now).query(Boolean.class).single();
    }

    void failed(String email, String address) {
        record(accountKey(email), maxFailuresPerAccount);
        record(addressKey(address), maxFailuresPerAddress);
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(accountKey(email)).update();
    }

    private void record(String key, int max) {
        OffsetDateTime now = now();
        // One statement, so concurrent failures on several nodes are all counted.
        jdbc.sql("""
                INSERT INTO login_throttle AS t (throttle_key, failures, window_start)
                VALUES (:key, 1, :now)
                ON CONFLICT (throttle_key) DO UPDATE SET
                  failures = CASE WHEN t.window_start < :windowStart THEN 1 ELSE t.failures + 1 END,
                  window_start = CASE WHEN t.window_start < :windowStart THEN :now ELSE t.window_start END,
                  locked_until = CASE WHEN t.window_start >= :windowStart AND t.failures + 1 >= :max
                                      THEN :lockedUntil ELSE t.locked_until END""")
                .param("key", key).param("now", now).param("windowStart", now.minus(window))
                .param("max", max).param("lockedUntil", now.plus(window))
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
