package org.parley.record;

/** An inclusion or consistency proof does not prove what it was offered for. */
public class InvalidProofException extends RecordException {

    public InvalidProofException(String message) {
        super(message);
    }
}
