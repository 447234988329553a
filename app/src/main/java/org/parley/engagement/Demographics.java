package org.parley.engagement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optional demographic questions of a consultation: defined by the organiser when opening it, answered
 * by a participant at most once each, never required. The report shows them per opinion group, with small
 * cells suppressed ({@link Breakdown}); answers never leave the server one by one.
 */
@Service
@Transactional(readOnly = true)
public class Demographics {

    private final Consultations consultations;
    private final DemographicStore store;
    private final Clock clock;

    Demographics(Consultations consultations, DemographicStore store, Clock clock) {
        this.consultations = consultations;
        this.store = store;
        this.clock = clock;
    }

    /** What is wrong with an organiser's questions, field by field (field {@code demographics}). */
    static List<FieldProblem> check(List<NewQuestion> questions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (questions.size() > Question.MAX_QUESTIONS) {
            problems.add(new FieldProblem("demographics", "consultations.error.tooManyQuestions", Question.MAX_QUESTIONS));
            return problems;
        }
        for (NewQuestion q : questions) {
            String text = q == null || q.question() == null ? "" : q.question().strip();
            List<String> options = q == null || q.options() == null ? List.of() : q.options().stream().map(o -> o == null ? "" : o.strip()).toList();
            if (text.isEmpty()) {
                problems.add(new FieldProblem("demographics", "consultations.error.questionTextRequired"));
            } else if (text.length() > Question.MAX_TEXT) {
                problems.add(new FieldProblem("demographics", "consultations.error.questionTextTooLong", Question.MAX_TEXT));
            } else if (options.size() < Question.MIN_OPTIONS || options.size() > Question.MAX_OPTIONS) {
                problems.add(new FieldProblem("demographics", "consultations.error.optionCount", text, Question.MIN_OPTIONS, Question.MAX_OPTIONS));
            } else if (options.stream().anyMatch(o -> o.isEmpty() || o.length() > Question.MAX_OPTION)) {
                problems.add(new FieldProblem("demographics", "consultations.error.optionText", text, Question.MAX_OPTION));
            } else if (new HashSet<>(options).size() != options.size()) {
                problems.add(new FieldProblem("demographics", "consultations.error.optionTwice", text));
            } else {
                continue;
            }
            break; // one message is enough to fix the list
        }
        return problems;
    }

    public List<Question> questions(long processId, long consultationId) {
        consultations.get(processId, consultationId);
        return store.questions(consultationId);
    }

    /** A participant's answers so far: question id → option index. */
    public Map<Long, Integer> answersOf(long participantId) {
        return store.answersOf(participantId);
    }

    /**
     * Stores a participant's answers (question id → option index; a missing or null answer is "prefer not
     * to say"). All or nothing: a question answered before refuses the whole batch, as does an unknown
     * question or answer.
     */
    @Transactional
    public Map<Long, Integer> answer(long processId, long consultationId, Long participantId, Map<Long, Integer> answers) {
        Consultation c = consultations.get(processId, consultationId);
        if (participantId == null) {
            throw new InvalidInputException("participant", "consultations.error.participantUnknown");
        }
        if (consultations.phase(c) == Consultation.Phase.CLOSED) {
            throw new ConflictException("consultations.error.closed");
        }
        Map<Long, Question> byId = new LinkedHashMap<>();
        store.questions(consultationId).forEach(q -> byId.put(q.id(), q));
        Map<Long, Integer> given = new LinkedHashMap<>();
        for (var e : (answers == null ? Map.<Long, Integer>of() : answers).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Question q = byId.get(e.getKey());
            if (q == null) {
                throw new InvalidInputException("answers", "consultations.error.questionUnknown");
            }
            if (e.getValue() < 0 || e.getValue() >= q.options().size()) {
                throw new InvalidInputException("answers", "consultations.error.optionUnknown", q.text());
            }
            given.put(q.id(), e.getValue());
        }
        Set<Long> before = store.answersOf(participantId).keySet();
        for (var e : given.entrySet()) {
            if (before.contains(e.getKey()) || !store.answer(consultationId, participantId, e.getKey(), e.getValue(), clock.instant())) {
                throw new ConflictException("consultations.error.alreadyAnswered");
            }
        }
        return store.answersOf(participantId);
    }
}
