package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

/** A report as stored: from an observer ({@code OBSERVER}) or imported from an outside source ({@code EXTERNAL}). */
public record Report(long id, long processId, String kind, String clientId, Long authorAccountId, String authorName, String team,
                     Instant observedFrom, Instant observedTo, Double latitude, Double longitude, Integer precisionM,
                     String place, String admin1, String admin2, Category category, Integer quantity, String direction,
                     Integer distanceM, String weapon, Long allegedPartyId, String allegedBy,
                     Integer killedCivilian, Integer killedMilitary, Integer injuredCivilian, Integer injuredMilitary,
                     Integer deathsBest, String sources, String confidence, String description, String language, Long eventId,
                     String externalSource, String externalId, Instant createdAt, List<Attachment> attachments) {

    public record Attachment(long id, String fileName, String contentType, int sizeBytes, String sha256) {
    }

    Report withAttachments(List<Attachment> list) {
        return new Report(id, processId, kind, clientId, authorAccountId, authorName, team, observedFrom, observedTo, latitude, longitude,
                precisionM, place, admin1, admin2, category, quantity, direction, distanceM, weapon, allegedPartyId, allegedBy,
                killedCivilian, killedMilitary, injuredCivilian, injuredMilitary, deathsBest, sources, confidence, description, language,
                eventId, externalSource, externalId, createdAt, list);
    }
}
