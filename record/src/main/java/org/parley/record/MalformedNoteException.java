package org.parley.record;

/**
 * Text that should be a signed note, a checkpoint, a signature line or a witness request does
 * not follow its C2SP grammar. Parsing is strict: anything a conforming producer would not emit
 * is rejected rather than guessed at.
 */
public class MalformedNoteException extends RecordException {

    public MalformedNoteException(String message) {
        super(message);
    }

    public MalformedNoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
