package org.parley.humanitarian;

/** How a corridor or pause went (PeaceRep's coding). */
public enum CorridorOutcome {
    SUCCESSFUL, UNSUCCESSFUL, DISPUTED, UNKNOWN;

    /** The PeaceRep file's {@code status_result}. */
    static CorridorOutcome ofSource(String text) {
        return switch (text == null ? "" : text.trim()) {
            case "successful" -> SUCCESSFUL;
            case "unsuccessful/disrupted" -> UNSUCCESSFUL;
            case "disputed" -> DISPUTED;
            case "proposed route/outcome unknown" -> UNKNOWN;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
