/**
 * The public record inside the app: facts become entries of a C2SP tlog-tiles log kept in PostgreSQL,
 * integrated by a single sequencer, signed as checkpoints and served over HTTP for anyone to verify
 * with {@code parley-verify}. The Merkle tree, notes and tiles themselves are the plain-Java
 * {@code record} module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public record")
package org.parley.publicrecord;
