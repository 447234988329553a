package org.parley.publicrecord;

import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.process.ProcessEvents.PartyAdded;
import org.parley.process.ProcessEvents.ProcessCreated;
import org.parley.process.ProcessEvents.SessionOutcomeRecorded;
import org.parley.process.ProcessEvents.TrackCreated;
import org.parley.process.Visibility;
import org.parley.roadmap.RoadmapEvents.MilestoneCreated;
import org.parley.roadmap.RoadmapEvents.MilestoneStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which facts of the dialogue and the roadmap go on the public record: one line each. Listeners run
 * inside the transaction that made the fact, so the entry commits or rolls back with it. Only
 * mediators make these changes (the services enforce it), hence the actor role.
 */
@Component
class FactsOfTheDialogue {

    private static final String MEDIATOR = "MEDIATOR";
    private static final int MAX_TEXT = 8000;
    private final PublicRecord record;

    FactsOfTheDialogue(PublicRecord record) {
        this.record = record;
    }

    @EventListener
    void on(ProcessCreated e) {
        record.append(Fact.of("process.created", e.processId(), "process/" + e.processId(), e.at(), MEDIATOR, data("name", e.name(), "startDate", e.startDate().toString())));
    }

    @EventListener
    void on(PartyAdded e) {
        record.append(Fact.of("party.added", e.processId(), "party/" + e.partyId(), e.at(), MEDIATOR, data("shortName", e.shortName(), "kind", e.kind().name(), "role", e.role().name())));
    }

    @EventListener
    void on(TrackCreated e) {
        record.append(Fact.of("track.created", e.processId(), "track/" + e.trackId(), e.at(), MEDIATOR, data("name", e.name(), "parties", e.partyIds())));
    }

    @EventListener
    void on(SessionOutcomeRecorded e) {
        if (e.visibility() == Visibility.PUBLIC) {
            record.append(Fact.of("session.outcome", e.processId(), "session/" + e.sessionId(), e.at(), MEDIATOR, data("track", e.trackId(), "title", e.title(), "outcome", fits(e.outcome()), "outcomeSha256", sha256(e.outcome()))));
        }
    }

    @EventListener
    void on(MilestoneCreated e) {
        record.append(Fact.of("milestone.created", e.processId(), "milestone/" + e.milestoneId(), e.at(), MEDIATOR, data("title", e.title(), "due", e.dueDate().toString(), "parties", e.partyIds(), "dependsOn", e.dependsOn())));
    }

    @EventListener
    void on(MilestoneStatusChanged e) {
        record.append(Fact.of("milestone.status_changed", e.processId(), "milestone/" + e.milestoneId(), e.at(), MEDIATOR, data("from", e.from().name(), "to", e.to().name(), "reason", e.reason(), "evidenceSha256", e.evidenceHash())));
    }

    /** Long texts go on the record by their hash only: an entry must stay within a tile bundle's 64 KiB. */
    private static String fits(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : null;
    }

    private static String sha256(String text) {
        try {
            return text == null ? null : java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key-value pairs in order; null values are kept as JSON null so that every entry of a type has the same keys. */
    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
