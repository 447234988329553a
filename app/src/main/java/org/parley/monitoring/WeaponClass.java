package org.parley.monitoring;

/**
 * Weapon classes for withdrawal, with the distance from the contact line each is customarily withdrawn
 * (as in the Minsk package: 50 km for artillery of 100 mm and more, 70 km for multiple rocket launchers, 140
 * km for heavy rocket launchers and tactical missiles). A zone may set another distance.
 */
public enum WeaponClass {
    ARTILLERY_100MM_PLUS(50), MLRS(70), HEAVY_MLRS_AND_TACTICAL_MISSILES(140), TANKS(15), MORTARS(15);

    private final int defaultKm;

    WeaponClass(int defaultKm) {
        this.defaultKm = defaultKm;
    }

    public int defaultKm() {
        return defaultKm;
    }
}
