package org.parley.humanitarian;

import java.util.Locale;
import java.util.Optional;

/** The humanitarian clusters (sectors) as OCHA names them; {@code label} is the English name used in HXL files. */
public enum Sector {
    FOOD_SECURITY("Food Security"), HEALTH("Health"), SHELTER_NFI("Shelter/NFI"), WASH("WASH"), PROTECTION("Protection"),
    EDUCATION("Education"), NUTRITION("Nutrition"), LOGISTICS("Logistics"), CCCM("CCCM"), CASH("Multi-purpose Cash"),
    EARLY_RECOVERY("Early Recovery");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code (FOOD_SECURITY) or English name (Food Security), ignoring case and spaces. */
    public static Optional<Sector> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
        for (Sector s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(t) || s.label.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
