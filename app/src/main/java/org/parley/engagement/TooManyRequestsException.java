package org.parley.engagement;

/** One participant sends votes or statements faster than a person could: answered with 429. */
class TooManyRequestsException extends org.parley.platform.TooManyRequestsException {

    TooManyRequestsException(String code) {
        super(code, 1);
    }
}
