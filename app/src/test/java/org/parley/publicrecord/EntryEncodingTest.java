package org.parley.publicrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntryEncodingTest {

    @Test
    void anEntryIsTheCanonicalJsonOfItsFact() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("to", "COMPLETED");
        data.put("from", "PLANNED");
        data.put("reason", "Signed in Geneva — «final»\n");
        data.put("parties", List.of(3, 1));
        data.put("evidenceSha256", null);
        Fact fact = Fact.of("milestone.status_changed", 1L, "milestone/7", Instant.parse("2026-11-25T10:15:30.123456Z"), "MEDIATOR", data);

        String json = new String(EntryEncoding.encode(fact), StandardCharsets.UTF_8);

        // RFC 8785: members sorted by key, no insignificant white space, minimal escaping, time cut to milliseconds.
        assertThat(json).isEqualTo("{\"actor\":\"MEDIATOR\",\"data\":{\"evidenceSha256\":null,\"from\":\"PLANNED\",\"parties\":[3,1],"
                + "\"reason\":\"Signed in Geneva — «final»\\n\",\"to\":\"COMPLETED\"},\"process\":1,\"subject\":\"milestone/7\","
                + "\"time\":\"2026-11-25T10:15:30.123Z\",\"type\":\"milestone.status_changed\"}");
    }

    @Test
    void theSameFactAlwaysGivesTheSameBytes() {
        Fact a = Fact.of("party.added", 2L, "party/9", Instant.parse("2026-01-01T00:00:00Z"), "MEDIATOR", Map.of("b", 1, "a", 2));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("a", 2);
        reordered.put("b", 1);
        Fact b = Fact.of("party.added", 2L, "party/9", Instant.parse("2026-01-01T00:00:00Z"), "MEDIATOR", reordered);
        assertThat(EntryEncoding.encode(a)).isEqualTo(EntryEncoding.encode(b));
    }
}
