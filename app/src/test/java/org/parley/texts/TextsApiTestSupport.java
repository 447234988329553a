package org.parley.texts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.parley.support.Api;

/** Helpers other features' tests use to bring a test text to adoption. */
public final class TextsApiTestSupport {

    private TextsApiTestSupport() {
    }

    /** The {@link Table#ceasefire} draft with its bracket resolved to "30 km". */
    public static JsonNode resolved(JsonNode text) {
        ObjectNode draft = TextsApiTest.draftOf(text, "Bracket resolved: 30 km");
        ObjectNode second = (ObjectNode) draft.path("articles").get(0).path("clauses").get(1);
        second.put("body", "The parties withdraw heavy weapons 30 km from the line of contact.");
        second.set("alternatives", Api.json().createArrayNode());
        return draft;
    }
}
