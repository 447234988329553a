package org.parley.engagement;

import java.time.Instant;
import java.util.List;

/** What an organiser gives to open a consultation; checked by {@link Consultations#create}. */
public record NewConsultation(String question, String context, List<String> languages, Instant opensAt, Instant closesAt,
                              Consultation.Moderation moderation, Boolean closedMode, List<String> seedStatements) {
}
