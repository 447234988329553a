package org.parley.record;

/**
 * A signed note carries no valid signature from a trusted key, or a signature from a trusted
 * key fails to verify.
 */
public class BadSignatureException extends RecordException {

    public BadSignatureException(String message) {
        super(message);
    }
}
