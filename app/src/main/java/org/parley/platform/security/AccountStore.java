package org.parley.platform.security;

import java.util.List;
import java.util.Optional;

import org.parley.platform.Accounts;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class AccountStore implements Accounts {

    private static final String COLUMNS = "id, email, display_name, role, party_id, locale";
    private static final RowMapper<Account> ROW = (rs, n) -> new Account(rs.getLong("id"), rs.getString("email"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("party_id"), rs.getString("locale"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    AccountStore(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public Account create(NewAccount a) {
        if ((a.role() == Role.DELEGATE) != (a.partyId() != null)) {
            throw new InvalidInputException("partyId", "account.party.delegateOnly");
        }
        if (findByEmail(a.email()).isPresent()) {
            throw new InvalidInputException("email", "account.email.taken");
        }
        try {
            long id = jdbc.sql("""
                    INSERT INTO account (email, display_name, password_hash, role, party_id)
                    VALUES (:email, :name, :hash, :role, :party) RETURNING id""")
                    .param("email", a.email().trim())
                    .param("name", a.displayName().trim())
                    .param("hash", passwords.encode(a.password()))
                    .param("role", a.role().name())
                    .param("party", a.partyId())
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("partyId", "account.party.unknown");
        }
    }

    @Override
    public Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(ROW).optional();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE lower(email) = lower(?)").param(email.trim()).query(ROW).optional();
    }

    @Override
    public List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY id").query(ROW).list();
    }

    @Override
    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account)").query(Boolean.class).single();
    }

    Optional<String> passwordHash(String email) {
        return jdbc.sql("SELECT password_hash FROM account WHERE lower(email) = lower(?) AND enabled")
                .param(email.trim()).query(String.class).optional();
    }

}
