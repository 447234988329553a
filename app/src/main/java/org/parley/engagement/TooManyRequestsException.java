package org.parley.engagement;

/** One participant sends votes or statements faster than a person could: answered with 429. */
class TooManyRequestsException extends RuntimeException {

    TooManyRequestsException(String code) {
        super(code);
    }
}
