package org.parley.petitions;

import java.time.Instant;

/** One message in the outbox. */
public record Mail(long id, Long processId, String recipient, String subject, String body, Instant createdAt, Instant sentAt,
                   int attempts, String lastError) {
}
