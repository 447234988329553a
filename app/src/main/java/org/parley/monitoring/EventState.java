package org.parley.monitoring;

/** Where an event stands: reported by one observer, corroborated by several, then decided by a named verifier. */
public enum EventState {
    REPORTED, CORROBORATED, VERIFIED, REFUTED, INCONCLUSIVE;

    public boolean open() {
        return this == REPORTED || this == CORROBORATED;
    }

    public boolean decided() {
        return this == VERIFIED || this == REFUTED;
    }
}
