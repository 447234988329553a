package org.parley.platform;

/** Too many requests from one source within a window (a rate limit): 429, with a message code in the reader's language. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String code) {
        super(code);
    }
}
