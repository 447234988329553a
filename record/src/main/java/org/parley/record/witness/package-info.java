/**
 * C2SP tlog-witness: the {@code add-checkpoint} request and response formats, and the witness's
 * decision to cosign or refuse.
 */
package org.parley.record.witness;
