package org.parley.record.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TileLayoutTest {

    @Test
    void indexesAreSplitIntoThreeDigitGroups() {
        assertEquals("000", TileLayout.encodeIndex(0));
        assertEquals("999", TileLayout.encodeIndex(999));
        assertEquals("x001/000", TileLayout.encodeIndex(1000));
        assertEquals("x001/x234/067", TileLayout.encodeIndex(1_234_067));
        assertEquals("x009/x223/x372/x036/x854/x775/807", TileLayout.encodeIndex(Long.MAX_VALUE));
    }

    @Test
    void pathsFollowTlogTiles() {
        assertEquals("tile/0/x001/x234/067", TileLayout.tilePath(0, 1_234_067, 256));
        assertEquals("tile/3/000.p/7", TileLayout.tilePath(3, 0, 7));
        assertEquals("tile/entries/x001/000.p/255", TileLayout.entriesPath(1000, 255));
        assertThrows(IllegalArgumentException.class, () -> TileLayout.tilePath(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TileLayout.tilePath(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TileLayout.entriesPath(-1, 1));
    }

    @Test
    void widthsFollowFromTheTreeSize() {
        // The tlog-tiles example: a tree of 70,000 leaves.
        assertEquals(274, TileLayout.tileCount(0, 70_000));
        assertEquals(256, TileLayout.width(0, 272, 70_000));
        assertEquals(112, TileLayout.width(0, 273, 70_000));
        assertEquals(0, TileLayout.width(0, 274, 70_000));
        assertEquals(256, TileLayout.width(1, 0, 70_000));
        assertEquals(17, TileLayout.width(1, 1, 70_000));
        assertEquals(1, TileLayout.width(2, 0, 70_000));
        assertEquals(3, TileLayout.levelCount(70_000));
        // A tree of 256 is one full level-0 tile and a level-1 tile of width 1.
        assertEquals(1, TileLayout.tileCount(0, 256));
        assertEquals(1, TileLayout.width(1, 0, 256));
        assertEquals(0, TileLayout.levelCount(0));
    }
}
