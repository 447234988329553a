package org.parley.record.witness;

import java.util.OptionalLong;

import org.parley.record.RecordException;

/**
 * A witness refused to cosign. The reason maps to the HTTP status the tlog-witness protocol
 * prescribes, so a witness served over HTTP answers exactly as the spec says.
 */
public class WitnessException extends RecordException {

    /** Why the witness refused, with the status code tlog-witness assigns to it. */
    public enum Reason {
        /** The checkpoint's origin is not a log this witness follows. */
        UNKNOWN_LOG(404),
        /** No trusted key of the log signed the checkpoint. */
        UNTRUSTED_CHECKPOINT(403),
        /** The request is malformed, or its old size exceeds the checkpoint's size. */
        BAD_REQUEST(400),
        /** The old size is not the witness's latest, or the same size has a different root. */
        CONFLICT(409),
        /** The consistency proof does not verify: the log may have forked. */
        INCONSISTENT(422);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Reason reason;
    private final long latestSize;

    public WitnessException(Reason reason, String message) {
        this(reason, message, -1, null);
    }

    public WitnessException(Reason reason, String message, long latestSize, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.latestSize = latestSize;
    }

    public Reason reason() {
        return reason;
    }

    /** For a size conflict, the size the witness last cosigned, which a client retries from. */
    public OptionalLong latestSize() {
        return latestSize < 0 ? OptionalLong.empty() : OptionalLong.of(latestSize);
    }
}
