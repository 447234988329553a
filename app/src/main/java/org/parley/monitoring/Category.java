package org.parley.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an observer saw: one of the built-in categories below, or one that a mediator added to a process at run
 * time (stored in monitoring_category, see {@link Categories}). Reports of the same event may name different
 * categories (a shelling that caused civilian casualties): categories of one compatibility {@code group} are
 * grouped into one event. A {@code kinetic} category is a use of force, what a general ceasefire covers. Two
 * categories are the same when their codes are; in JSON a category is its code.
 *
 * <p>Built-in names come from the i18n bundles ({@code monitoring.category.CODE}); an added category carries its
 * own names in English, Ukrainian and Russian. The ACLED event and sub-event types map the category to and from
 * ACLED-format files.
 */
public record Category(String name, String group, boolean kinetic, boolean builtin, String nameEn, String nameUk, String nameRu,
                       String acledEventType, String acledSubEventType) {

    public static final String FIRE = "FIRE";

    public static final Category EXPLOSION = builtin("EXPLOSION", FIRE, true, "Explosions/Remote violence", "Remote explosive/landmine/IED");
    public static final Category SHELLING = builtin("SHELLING", FIRE, true, "Explosions/Remote violence", "Shelling/artillery/missile attack");
    public static final Category SMALL_ARMS_FIRE = builtin("SMALL_ARMS_FIRE", "SMALL_ARMS", true, "Battles", "Armed clash");
    public static final Category AIRSTRIKE = builtin("AIRSTRIKE", FIRE, true, "Explosions/Remote violence", "Air/drone strike");
    public static final Category DRONE_STRIKE = builtin("DRONE_STRIKE", FIRE, true, "Explosions/Remote violence", "Air/drone strike");
    public static final Category MISSILE_STRIKE = builtin("MISSILE_STRIKE", FIRE, true, "Explosions/Remote violence", "Shelling/artillery/missile attack");
    public static final Category ENERGY_INFRASTRUCTURE_STRIKE = builtin("ENERGY_INFRASTRUCTURE_STRIKE", FIRE, true, "Explosions/Remote violence",
            "Air/drone strike");
    public static final Category HEAVY_WEAPONS_IN_RESTRICTED_ZONE = builtin("HEAVY_WEAPONS_IN_RESTRICTED_ZONE", "WEAPONS", false,
            "Strategic developments", "Other");
    public static final Category TROOP_MOVEMENT = builtin("TROOP_MOVEMENT", "MOVEMENT", false, "Strategic developments", "Other");
    public static final Category OBSERVER_MOVEMENT_RESTRICTION = builtin("OBSERVER_MOVEMENT_RESTRICTION", "RESTRICTION", false,
            "Strategic developments", "Other");
    public static final Category CIVILIAN_CASUALTIES = builtin("CIVILIAN_CASUALTIES", FIRE, true, "Violence against civilians", "Attack");
    public static final Category CIVILIAN_DAMAGE = builtin("CIVILIAN_DAMAGE", FIRE, true, "Violence against civilians", "Attack");
    public static final Category OTHER = builtin("OTHER", "OTHER", false, "Strategic developments", "Other");

    /** The built-in categories, in the order forms list them. */
    public static final List<Category> BUILTIN = List.of(EXPLOSION, SHELLING, SMALL_ARMS_FIRE, AIRSTRIKE, DRONE_STRIKE, MISSILE_STRIKE,
            ENERGY_INFRASTRUCTURE_STRIKE, HEAVY_WEAPONS_IN_RESTRICTED_ZONE, TROOP_MOVEMENT, OBSERVER_MOVEMENT_RESTRICTION, CIVILIAN_CASUALTIES,
            CIVILIAN_DAMAGE, OTHER);

    /** The compatibility groups of the built-in categories. */
    public static final List<String> BUILTIN_GROUPS = List.of(FIRE, "SMALL_ARMS", "WEAPONS", "MOVEMENT", "RESTRICTION", "OTHER");

    private static final Map<String, Category> BY_CODE = BUILTIN.stream().collect(Collectors.toUnmodifiableMap(Category::name, Function.identity()));

    private static Category builtin(String code, String group, boolean kinetic, String acledType, String acledSubType) {
        return new Category(code, group, kinetic, true, null, null, null, acledType, acledSubType);
    }

    /** The code, as stored and as in JSON. */
    @Override
    @JsonValue
    public String name() {
        return name;
    }

    public boolean compatibleWith(Category other) {
        return other != null && (equals(other) || group.equals(other.group));
    }

    /** An added category's own name in a language (English when it has none there); null for a built-in one (see the bundles). */
    public String ownName(Locale locale) {
        String lang = locale == null ? "en" : locale.getLanguage();
        String n = "uk".equals(lang) ? nameUk : "ru".equals(lang) ? nameRu : nameEn;
        return n == null || n.isBlank() ? nameEn : n;
    }

    /** A built-in category by its code, as typed (any case, spaces or hyphens for underscores). */
    public static Optional<Category> parse(String text) {
        return Optional.ofNullable(text).map(Category::code).map(BY_CODE::get);
    }

    /** A built-in category by its exact code, or null: no parsing, for codes read from the database. */
    static Category builtinOrNull(String code) {
        return BY_CODE.get(code);
    }

    /** A category known by its code only: an added one read where the process's categories are not at hand (its code is right, not its group). */
    static Category codeOnly(String code) {
        Category b = BY_CODE.get(code);
        return b != null ? b : new Category(code, code, false, false, code, code, code, null, null);
    }

    /** A built-in category by its exact code, like an enum's valueOf. */
    public static Category valueOf(String code) {
        Category c = BY_CODE.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no built-in category " + code);
        }
        return c;
    }

    /** The code a typed name stands for: upper case, runs of anything but letters and digits made one underscore. */
    static String code(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return t.replaceAll("^_+|_+$", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Category c && c.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
