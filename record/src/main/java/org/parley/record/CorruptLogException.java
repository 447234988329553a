package org.parley.record;

/**
 * The log's stored tiles, entry bundles or checkpoint are missing where the tree size says they
 * must exist, have the wrong length, or contradict each other or the signed root.
 */
public class CorruptLogException extends RecordException {

    public CorruptLogException(String message) {
        super(message);
    }
}
