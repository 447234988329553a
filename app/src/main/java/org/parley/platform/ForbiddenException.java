package org.parley.platform;

/** The viewer is known but may not do this. Answered with 403. */
public class ForbiddenException extends RuntimeException {

    /** @param code a message code, resolved in the reader's language */
    public ForbiddenException(String code) {
        super(code);
    }
}
