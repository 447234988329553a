package org.parley.platform.security;

import org.parley.platform.Accounts.Account;
import org.parley.platform.Viewer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountStore accounts;

    AccountUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Account account = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
        String hash = accounts.passwordHash(email).orElseThrow(() -> new UsernameNotFoundException("disabled account"));
        return new ParleyPrincipal(viewerOf(account), hash);
    }

    static Viewer viewerOf(Account a) {
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), a.partyId());
    }
}
