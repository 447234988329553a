package org.parley.platform.security;

import org.parley.platform.Accounts;
import org.parley.platform.GeneratedPassword;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Accounts.NewAccount;
import org.parley.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A new installation needs one mediator to set everything else up: from {@code PARLEY_ADMIN_EMAIL} and
 * {@code PARLEY_ADMIN_PASSWORD}, or with a generated password printed once (and never stored in clear).
 */
@Component
@Order(0)
class FirstMediator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstMediator.class);

    private final Accounts accounts;
    private final String email;
    private final String password;

    FirstMediator(Accounts accounts, @Value("${parley.admin.email:admin@parley.local}") String email,
                  @Value("${parley.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.any()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? GeneratedPassword.next() : password;
        try {
            accounts.create(new NewAccount(email, "Mediator", secret, Role.MEDIATOR, null));
        } catch (InvalidInputException alreadyCreated) {
            return; // another node starting at the same moment created it first
        }
        if (generated) {
            System.out.printf("%n  First mediator account: %s  password: %s  (shown once; change it or set PARLEY_ADMIN_PASSWORD)%n%n", email, secret);
        } else {
            log.info("Created the first mediator account {}", email);
        }
    }

}
