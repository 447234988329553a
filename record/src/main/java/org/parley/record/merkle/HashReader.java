package org.parley.record.merkle;

import java.io.IOException;
import java.util.List;

/**
 * Source of the hashes of perfect subtrees, typically backed by tiles. Proof generation asks for
 * all the nodes a proof needs in one call so that an implementation can group them by tile and
 * fetch each tile once.
 */
@FunctionalInterface
public interface HashReader {

    /**
     * Returns the hash of each node, in the order asked.
     *
     * @throws org.parley.record.CorruptLogException if a node the tree must contain is missing
     * @throws IOException if the storage behind the reader fails
     */
    List<byte[]> readHashes(List<NodeId> nodes) throws IOException;
}
