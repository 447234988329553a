package org.parley.texts;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A clause as it stands: its number (counted through the whole text, so renumbered on every change), its
 * body, and an open bracket if it has alternatives. The bracket sits where the body says {@value #SLOT}, or
 * at the end.
 */
public record Clause(long id, int number, String body, List<Alternative> alternatives, int changedInVersion) {

    public static final String SLOT = "[*]";

    @JsonProperty
    public boolean bracketed() {
        return !alternatives.isEmpty();
    }

    /** The clause as read: the alternatives in square brackets in place of the slot. */
    @JsonProperty
    public String rendered() {
        return render(body, alternatives);
    }

    static String render(String body, List<Alternative> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            return body.replace(SLOT, "").replaceAll("\\s{2,}", " ").strip();
        }
        String brackets = alternatives.stream().map(a -> "[" + a.body().strip() + "]").collect(Collectors.joining(" "));
        return body.contains(SLOT) ? body.replace(SLOT, brackets) : body.strip() + " " + brackets;
    }
}
