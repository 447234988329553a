package org.parley.platform;

/** Too many requests from one source within a window (a rate limit): 429, with a message code in the reader's language. */
public class TooManyRequestsException extends RuntimeException {

    private final int retryAfterSeconds;

    public TooManyRequestsException(String code) {
        this(code, 60);
    }

    /** {@code retryAfterSeconds} goes to the client in Retry-After. */
    public TooManyRequestsException(String code, int retryAfterSeconds) {
        super(code);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
