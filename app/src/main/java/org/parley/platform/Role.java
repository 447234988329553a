package org.parley.platform;

/** What an account does in a process. The public has no account and no role. */
public enum Role {
    MEDIATOR, DELEGATE, OBSERVER, HUMANITARIAN, ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }
}
