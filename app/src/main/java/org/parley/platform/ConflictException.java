package org.parley.platform;

/** A request that is well formed but conflicts with the current state (e.g. an illegal status change). 409. */
public class ConflictException extends RuntimeException {

    private final transient Object[] args;

    /** @param code a message code, resolved in the reader's language */
    public ConflictException(String code, Object... args) {
        super(code);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
