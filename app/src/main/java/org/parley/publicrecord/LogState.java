package org.parley.publicrecord;

import java.time.Instant;

/** The log as last published: its size, root and signed checkpoint. */
public record LogState(String origin, String verifierKey, long treeSize, byte[] rootHash, String checkpoint, Instant updatedAt) {
}
