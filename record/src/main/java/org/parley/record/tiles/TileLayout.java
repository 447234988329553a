package org.parley.record.tiles;

/**
 * Geometry and resource paths of a C2SP tlog-tiles log.
 *
 * <p>Tiles are 8 tree levels high, so a full tile holds 256 hashes. Tile level {@code L} holds the
 * hashes of perfect subtrees of height {@code 8L}: leaf hashes at level 0, the roots of full
 * level-0 tiles at level 1, and so on. The rightmost tile of each level is usually partial; its
 * width follows from the tree size alone, which is why readers and writers agree on paths without
 * listing storage.
 */
public final class TileLayout {

    /** Tree levels per tile. */
    public static final int HEIGHT = 8;
    /** Hashes (or entries) in a full tile (or entry bundle). */
    public static final int WIDTH = 1 << HEIGHT;
    /** Path of the signed checkpoint. */
    public static final String CHECKPOINT_PATH = "checkpoint";
    /** Highest tile level a path may name. */
    public static final int MAX_LEVEL = 63;

    private TileLayout() {
    }

    /** Number of hashes stored at tile level {@code level} for a tree of {@code treeSize} leaves. */
    public static long hashesAtLevel(int level, long treeSize) {
        requireLevel(level);
        long shift = (long) HEIGHT * level;
        return shift >= 64 ? 0 : treeSize >>> shift;
    }

    /** Number of tiles, full and partial, at tile level {@code level} for a tree of {@code treeSize}. */
    public static long tileCount(int level, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        return (hashes + WIDTH - 1) >>> HEIGHT;
    }

    /** Number of tile levels that hold at least one hash for a tree of {@code treeSize}. */
    public static int levelCount(long treeSize) {
        int levels = 0;
        while (levels <= MAX_LEVEL && hashesAtLevel(levels, treeSize) > 0) {
            levels++;
        }
        return levels;
    }

    /**
     * Width of tile {@code index} at {@code level} in a tree of {@code treeSize}: {@link #WIDTH} for a
     * full tile, 1..255 for the partial one, 0 if the tree has no such tile.
     */
    public static int width(int level, long index, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        long first = index << HEIGHT;
        if (index < 0 || first >>> HEIGHT != index || first >= hashes) {
            return 0;
        }
        return (int) Math.min(WIDTH, hashes - first);
    }

    /** {@code tile/<L>/<N>[.p/<W>]}. */
    public static String tilePath(int level, long index, int width) {
        requireLevel(level);
        return "tile/" + level + "/" + encodeIndex(index) + partialSuffix(width);
    }

    /** {@code tile/entries/<N>[.p/<W>]}. */
    public static String entriesPath(long index, int width) {
        return "tile/entries/" + encodeIndex(index) + partialSuffix(width);
    }

    /**
     * Encodes a tile index as zero-padded 3-digit path elements, all but the last prefixed with
     * {@code x}: 1234067 becomes {@code x001/x234/067}. The prefix keeps a directory and a file of
     * the same number from colliding on a filesystem.
     */
    public static String encodeIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("tile index must not be negative: " + index);
        }
        String last = threeDigits(index % 1000);
        StringBuilder prefix = new StringBuilder();
        for (long n = index / 1000; n > 0; n /= 1000) {
            prefix.insert(0, "x" + threeDigits(n % 1000) + "/");
        }
        return prefix + last;
    }

    private static String threeDigits(long n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Long.toString(n);
    }

    private static String partialSuffix(int width) {
        if (width < 1 || width > WIDTH) {
            throw new IllegalArgumentException("tile width must be in [1, 256]: " + width);
        }
        return width == WIDTH ? "" : ".p/" + width;
    }

    private static void requireLevel(int level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level must be in [0, 63]: " + level);
        }
    }
}
