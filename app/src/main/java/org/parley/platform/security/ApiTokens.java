package org.parley.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.parley.platform.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for API clients. Only a SHA-256 of each token is stored: tokens carry 256 random bits,
 * so a fast hash is enough and a stolen table yields nothing usable.
 */
@Service
class ApiTokens {

    record IssuedToken(long id, String token) {
    }

    record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    private static final String PREFIX = "parley_";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    IssuedToken issue(long accountId, String name) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("INSERT INTO api_token (account_id, name, token_hash) VALUES (?, ?, ?) RETURNING id")
                .params(accountId, name, hash(token)).query(Long.class).single();
        return new IssuedToken(id, token);
    }

    Optional<Viewer> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE api_token t SET last_used_at = now()
                FROM account a
                WHERE t.token_hash = ? AND a.id = t.account_id AND a.enabled
                  AND (t.expires_at IS NULL OR t.expires_at > now())
                RETURNING a.id, a.email, a.display_name, a.role, a.party_id""")
                .param(hash(token))
                .query((rs, n) -> new Viewer(rs.getLong(1), rs.getString(2), rs.getString(3),
                        org.parley.platform.Role.valueOf(rs.getString(4)), (Long) rs.getObject(5)))
                .optional();
    }

    List<TokenInfo> list(long accountId) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at FROM api_token WHERE account_id = ? ORDER BY id")
                .param(accountId)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    boolean revoke(long accountId, long tokenId) {
        return jdbc.sql("DELETE FROM api_token WHERE id = ? AND account_id = ?").params(tokenId, accountId).update() == 1;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
