package org.parley.record.merkle;

/**
 * A perfect subtree of the Merkle tree: the node at {@code level} above the leaves (0 = a leaf)
 * and {@code index} from the left on that level. It covers leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Such nodes never change once the tree has
 * grown past them, which is what lets tiles store them.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("node level must be in [0, 63]: " + level);
        }
        if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >>> level))) {
            throw new IllegalArgumentException("node index out of range: " + index + " at level " + level);
        }
    }

    /** First leaf index covered by this node. */
    public long firstLeaf() {
        return index << level;
    }

    /** One past the last leaf index covered by this node. */
    public long endLeaf() {
        return (index + 1) << level;
    }
}
