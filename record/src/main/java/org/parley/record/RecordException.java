package org.parley.record;

/**
 * Base of every failure the record library reports about data it was given: a proof that does
 * not verify, a signature that does not check out, a note or checkpoint that is not well formed,
 * a log whose stored tiles contradict each other.
 *
 * <p>Unchecked because callers almost always treat these as "reject the input and say why";
 * storage failures stay {@link java.io.IOException}s so that callers can tell "the log lies"
 * from "the disk or network failed".
 */
public class RecordException extends RuntimeException {

    public RecordException(String message) {
        super(message);
    }

    public RecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
