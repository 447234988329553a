package org.parley.record;

/** A signer or verifier key string is not in the signed-note key format, or its key ID is wrong. */
public class MalformedKeyException extends RecordException {

    public MalformedKeyException(String message) {
        super(message);
    }

    public MalformedKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
