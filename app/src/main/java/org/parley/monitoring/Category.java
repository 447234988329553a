package org.parley.monitoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What an observer saw. Reports of the same event may name different categories (a shelling that caused
 * civilian casualties); categories of one {@link Group} are compatible when reports are grouped into events.
 */
public enum Category {
    EXPLOSION(Group.FIRE, true),
    SHELLING(Group.FIRE, true),
    SMALL_ARMS_FIRE(Group.SMALL_ARMS, true),
    AIRSTRIKE(Group.FIRE, true),
    DRONE_STRIKE(Group.FIRE, true),
    MISSILE_STRIKE(Group.FIRE, true),
    ENERGY_INFRASTRUCTURE_STRIKE(Group.FIRE, true),
    HEAVY_WEAPONS_IN_RESTRICTED_ZONE(Group.WEAPONS, false),
    TROOP_MOVEMENT(Group.MOVEMENT, false),
    OBSERVER_MOVEMENT_RESTRICTION(Group.RESTRICTION, false),
    CIVILIAN_CASUALTIES(Group.FIRE, true),
    CIVILIAN_DAMAGE(Group.FIRE, true),
    OTHER(Group.OTHER, false);

    public enum Group { FIRE, SMALL_ARMS, WEAPONS, MOVEMENT, RESTRICTION, OTHER }

    private final Group group;
    private final boolean kinetic;

    Category(Group group, boolean kinetic) {
        this.group = group;
        this.kinetic = kinetic;
    }

    public Group group() {
        return group;
    }

    /** Use of force: what a general ceasefire covers. */
    public boolean kinetic() {
        return kinetic;
    }

    public boolean compatibleWith(Category other) {
        return other != null && (this == other || group == other.group);
    }

    public static Optional<Category> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
