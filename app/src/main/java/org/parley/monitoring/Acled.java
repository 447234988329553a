package org.parley.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ACLED's event types and their sub-event types (ACLED codebook), which categories map to and from. */
final class Acled {

    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Battles", List.of("Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
        TYPES.put("Explosions/Remote violence", List.of("Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade"));
        TYPES.put("Violence against civilians", List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
        TYPES.put("Protests", List.of("Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
        TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
        TYPES.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"));
    }

    private Acled() {
    }

    static boolean known(String type, String sub) {
        return type != null && sub != null && TYPES.getOrDefault(type, List.of()).contains(sub);
    }

    static String key(String type, String sub) {
        return (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) + "|" + (sub == null ? "" : sub.strip().toLowerCase(Locale.ROOT));
    }

    /** Every pair as "event type|sub-event type", for a form's choice. */
    static List<String> pairs() {
        return TYPES.entrySet().stream().flatMap(e -> e.getValue().stream().map(s -> e.getKey() + "|" + s)).toList();
    }
}
