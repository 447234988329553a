package org.parley.engagement;

import java.time.Instant;
import java.util.List;

/**
 * What an organiser gives to open a consultation; checked by {@link Consultations#create}. {@code access}
 * says who may take part (when absent, {@code closedMode} true means invitation codes); {@code demographics}
 * are optional questions about the participant, each with its fixed answers.
 */
public record NewConsultation(String question, String context, List<String> languages, Instant opensAt, Instant closesAt,
                              Consultation.Moderation moderation, Boolean closedMode, List<String> seedStatements,
                              Consultation.Access access, List<NewQuestion> demographics) {

    public NewConsultation(String question, String context, List<String> languages, Instant opensAt, Instant closesAt,
                           Consultation.Moderation moderation, Boolean closedMode, List<String> seedStatements) {
        this(question, context, languages, opensAt, closesAt, moderation, closedMode, seedStatements, null, null);
    }

    /** Who may take part, from {@code access} or else {@code closedMode}. */
    public Consultation.Access effectiveAccess() {
        if (access != null) {
            return access;
        }
        return Boolean.TRUE.equals(closedMode) ? Consultation.Access.INVITATION : Consultation.Access.OPEN;
    }
}
