package org.parley.petitions;

/** Too many signatures from one IP address or subnet on one petition within the window: 429. */
class RateLimitedException extends org.parley.platform.TooManyRequestsException {

    RateLimitedException(String code) {
        super(code, 60);
    }
}
