package org.parley.publicrecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry's bytes: the RFC 8785 canonical JSON of its fact, so that anyone holding the same fact
 * produces the same bytes and the same leaf hash.
 */
final class EntryEncoding {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EntryEncoding() {
    }

    static byte[] encode(Fact fact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", fact.type());
        body.put("process", fact.processId());
        body.put("subject", fact.subject());
        body.put("time", fact.time().toString());
        body.put("actor", fact.actorRole());
        body.put("data", fact.data());
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(body)).getEncodedString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("A fact that cannot be canonicalised: " + fact.type(), e);
        }
    }
}
