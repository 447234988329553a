package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

/** An observer's report as stored. Reports from outside sources are {@link OutsideReport}s, kept apart. */
public record Report(long id, long processId, String clientId, Long authorAccountId, String authorName, String team,
                     Instant observedFrom, Instant observedTo, Double latitude, Double longitude, Integer precisionM,
                     String place, String admin1, String admin2, Category category, Integer quantity, String direction,
                     Integer distanceM, String weapon, Long allegedPartyId, String allegedBy,
                     Integer killedCivilian, Integer killedMilitary, Integer injuredCivilian, Integer injuredMilitary,
                     String sources, String confidence, String description, String language, Long eventId,
                     Instant createdAt, List<Attachment> attachments) {

    public record Attachment(long id, String fileName, String contentType, int sizeBytes, String sha256) {
    }

    Report withAttachments(List<Attachment> list) {
        return new Report(id, processId, clientId, authorAccountId, authorName, team, observedFrom, observedTo, latitude, longitude,
                precisionM, place, admin1, admin2, category, quantity, direction, distanceM, weapon, allegedPartyId, allegedBy,
                killedCivilian, killedMilitary, injuredCivilian, injuredMilitary, sources, confidence, description, language,
                eventId, createdAt, list);
    }
}
