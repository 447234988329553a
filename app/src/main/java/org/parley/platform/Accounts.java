package org.parley.platform;

import java.util.List;
import java.util.Optional;

/** The accounts of people who act in processes. */
public interface Accounts {

    record NewAccount(String email, String displayName, String password, Role role, Long partyId) {
    }

    record Account(long id, String email, String displayName, Role role, Long partyId, String locale) {
    }

    Account create(NewAccount account);

    Optional<Account> find(long id);

    Optional<Account> findByEmail(String email);

    List<Account> all();

    boolean any();
}
