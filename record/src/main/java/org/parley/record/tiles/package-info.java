/**
 * C2SP tlog-tiles storage: the layout of tiles and entry bundles, stores in memory and in a
 * directory, a hash reader that serves any tree size from tiles, and the
 * {@link org.parley.record.tiles.Integrator} that appends entries, the heart of a sequencer.
 */
package org.parley.record.tiles;
