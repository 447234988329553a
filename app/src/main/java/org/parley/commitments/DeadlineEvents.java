package org.parley.commitments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.parley.texts.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events of a process that deadlines count from, other than commitments and milestones. The mediator names one;
 * the mediator or an observer records, once, that it happened; the deadlines that hang on it then have a date. Both
 * go on the public record (the evidence by its hash). Events are public: their titles say what is awaited, not what
 * a confidential text contains.
 */
@Service
@Transactional(readOnly = true)
public class DeadlineEvents {

    private final CommitmentStore store;
    private final Processes processes;
    private final PublicRecord record;
    private final Clock clock;

    DeadlineEvents(CommitmentStore store, Processes processes, PublicRecord record, Clock clock) {
        this.store = store;
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    public List<DeadlineEvent> list(long processId) {
        processes.get(processId);
        return store.events(processId);
    }

    public DeadlineEvent get(long processId, long eventId) {
        processes.get(processId);
        return store.event(eventId).filter(e -> e.processId() == processId).orElseThrow(() -> new NotFoundException("event", eventId));
    }

    /** Who may record that an event happened: the process's mediators and observers. */
    public boolean mayRecord(long processId, Viewer viewer) {
        return viewer.is(Role.OBSERVER) || processes.mediates(processId, viewer);
    }

    @Transactional
    public DeadlineEvent define(long processId, DeadlineEvent.Input input, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        long id = store.insertEvent(processId, input);
        DeadlineEvent created = get(processId, id);
        record.append(Fact.of("deadline_event.defined", processId, "deadline-event/" + id, clock.instant(), Role.MEDIATOR.name(),
                Map.of("title", created.title())));
        return created;
    }

    /** Records that the event happened on a day not in the future; refused once it has been recorded. */
    @Transactional
    public DeadlineEvent occurred(long processId, long eventId, DeadlineEvent.Occurrence occurrence, Viewer viewer) {
        DeadlineEvent event = get(processId, eventId);
        if (!mayRecord(processId, viewer)) {
            throw new InvalidInputException("role", "commitments.event.recordersOnly");
        }
        if (occurrence.occurredOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("occurredOn", "commitments.event.inFuture");
        }
        String evidenceHash = Texts.sha256(occurrence.evidence().strip());
        String recorder = viewer.displayName() == null ? "" : viewer.displayName();
        if (event.occurred() || !store.eventOccurred(eventId, occurrence, evidenceHash, viewer.accountId(), recorder)) {
            throw new ConflictException("commitments.event.alreadyOccurred");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("occurredOn", occurrence.occurredOn().toString());
        data.put("reason", occurrence.reason().strip());
        data.put("evidenceSha256", evidenceHash);
        record.append(Fact.of("deadline_event.occurred", processId, "deadline-event/" + eventId, clock.instant(),
                viewer.is(Role.OBSERVER) ? Role.OBSERVER.name() : Role.MEDIATOR.name(), data));
        return get(processId, eventId);
    }
}
