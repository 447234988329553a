package org.parley.publicrecord;

import java.util.Optional;

import org.parley.record.tiles.TileLayout;

/**
 * A C2SP tlog-tiles resource path after {@code tile/}: {@code <L>/<N>[.p/<W>]} or
 * {@code entries/<N>[.p/<W>]}, with N in its canonical {@code x001/x234/067} form. Anything else is not
 * a tile, so that every tile has exactly one URL (and one cache entry).
 */
record TilePath(int level, long index, int width) {

    static final int ENTRIES = PostgresTileStore.ENTRIES_LEVEL;

    boolean partial() {
        return width < TileLayout.WIDTH;
    }

    static Optional<TilePath> parse(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String head = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        int level;
        if (head.equals("entries")) {
            level = ENTRIES;
        } else if (head.matches("[0-9]{1,2}")) {
            level = Integer.parseInt(head);
            if (level > TileLayout.MAX_LEVEL) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        int width = TileLayout.WIDTH;
        int partial = rest.indexOf(".p/");
        if (partial >= 0) {
            String w = rest.substring(partial + 3);
            if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) >= TileLayout.WIDTH) {
                return Optional.empty();
            }
            width = Integer.parseInt(w);
            rest = rest.substring(0, partial);
        }
        if (!rest.matches("(x[0-9]{3}/)*[0-9]{3}")) {
            return Optional.empty();
        }
        long index;
        try {
            index = Long.parseLong(rest.replace("x", "").replace("/", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!TileLayout.encodeIndex(index).equals(rest)) {
            return Optional.empty(); // not canonical, e.g. x000/001
        }
        return Optional.of(new TilePath(level, index, width));
    }
}
