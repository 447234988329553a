package org.parley.process;

/** Derived from how many parties sit at the track's table, never stored. */
public enum TrackFormat {
    BILATERAL, TRILATERAL, MULTILATERAL;

    static TrackFormat of(int parties) {
        return parties <= 2 ? BILATERAL : parties == 3 ? TRILATERAL : MULTILATERAL;
    }
}
