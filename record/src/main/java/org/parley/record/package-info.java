/**
 * Parley's verifiable record: an append-only transparency log built to RFC 9162 and the C2SP
 * tlog formats, so that anyone holding only the log's public key can check that nothing recorded
 * was altered or removed.
 *
 * <ul>
 *   <li>{@link org.parley.record.Checkpoint} — the signed tree head (C2SP tlog-checkpoint);</li>
 *   <li>{@link org.parley.record.merkle} — hashing, proofs and their verification;</li>
 *   <li>{@link org.parley.record.note} — signed notes, log keys and witness cosignatures;</li>
 *   <li>{@link org.parley.record.tiles} — tiled storage and the integrator that appends to it;</li>
 *   <li>{@link org.parley.record.witness} — the tlog-witness add-checkpoint protocol.</li>
 * </ul>
 *
 * <p>Failures about the data (bad proofs, signatures, formats, corrupt logs) are unchecked
 * {@link org.parley.record.RecordException}s; storage failures are {@link java.io.IOException}s.
 */
package org.parley.record;
