package org.parley.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.ProcessEvents.PartyAdded;
import org.parley.process.ProcessEvents.ProcessCreated;
import org.parley.process.ProcessEvents.SessionOutcomeRecorded;
import org.parley.process.ProcessEvents.TrackCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dialogue's public API. Every change is one transaction, made only by a mediator of the process,
 * and announces itself as an event within that transaction.
 */
@Service
@Transactional(readOnly = true)
public class Processes {

    private final ProcessStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Processes(ProcessStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    // --- processes

    @Transactional
    public Process create(NewProcess command, Viewer viewer) {
        if (!viewer.is(Role.MEDIATOR)) {
            throw new ForbiddenException("error.mediatorsOnly");
        }
        long id = store.insertProcess(command);
        store.addMediator(id, viewer.accountId());
        Process process = get(id);
        events.publishEvent(new ProcessCreated(id, process.name(), process.startDate(), clock.instant()));
        return process;
    }

    @Transactional
    public Process update(long processId, NewProcess command, Viewer viewer) {
        requireMediator(processId, viewer);
        store.updateProcess(processId, command);
        return get(processId);
    }

    public Process get(long processId) {
        return store.process(processId).orElseThrow(() -> new NotFoundException("process", processId));
    }

    public List<Process> all() {
        return store.processes();
    }

    /** Whether the viewer administers this process. */
    public boolean mediates(long processId, Viewer viewer) {
        return viewer.is(Role.MEDIATOR) && store.isMediator(processId, viewer.accountId());
    }

    /** Refuses anyone but a mediator of this process; also takes a lock that serialises changes to the process. */
    @Transactional
    public void requireMediator(long processId, Viewer viewer) {
        get(processId);
        if (!mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        store.lockProcess(processId);
    }

    @Transactional
    public void addMediator(long processId, long accountId, Viewer viewer) {
        requireMediator(processId, viewer);
        store.addMediator(processId, accountId);
    }

    // --- parties

    @Transactional
    public Party addParty(long processId, NewParty command, Viewer viewer) {
        requireMediator(processId, viewer);
        if (store.shortNameTaken(processId, command.shortName())) {
            throw new InvalidInputException("shortName", "party.shortName.taken");
        }
        long id = store.insertParty(processId, command);
        Party party = party(processId, id);
        events.publishEvent(new PartyAdded(processId, id, party.shortName(), party.kind(), party.role(), clock.instant()));
        return party;
    }

    public List<Party> parties(long processId) {
        get(processId);
        return store.parties(processId);
    }

    public Party party(long processId, long partyId) {
        return store.party(partyId).filter(p -> p.processId() == processId)
                .orElseThrow(() -> new NotFoundException("party", partyId));
    }

    /** Checks that every id names a party of this process; {@code field} names the input in the error. */
    public void requireParties(long processId, String field, List<Long> partyIds) {
        Set<Long> known = new HashSet<>(store.parties(processId).stream().map(Party::id).toList());
        List<FieldProblem> problems = new ArrayList<>();
        for (Long id : partyIds) {
            if (id == null || !known.contains(id)) {
                problems.add(new FieldProblem(field, "party.notInProcess", id));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    // --- tracks

    @Transactional
    public Track addTrack(long processId, NewTrack command, Viewer viewer) {
        requireMediator(processId, viewer);
        requireParties(processId, "partyIds", command.partyIds());
        if (command.chairAccountId() != null && !store.isMediator(processId, command.chairAccountId())) {
            throw new InvalidInputException("chairAccountId", "track.chair.notMediator");
        }
        long id = store.insertTrack(processId, command);
        Track track = track(processId, id);
        events.publishEvent(new TrackCreated(processId, id, track.name(), track.partyIds(), clock.instant()));
        return track;
    }

    public List<Track> tracks(long processId) {
        get(processId);
        return store.tracks(processId);
    }

    public Track track(long processId, long trackId) {
        return store.track(trackId).filter(t -> t.processId() == processId)
                .orElseThrow(() -> new NotFoundException("track", trackId));
    }

    // --- sessions

    @Transactional
    public Session addSession(long processId, NewSession command, Viewer viewer) {
        requireMediator(processId, viewer);
        Track track = store.track(command.trackId()).filter(t -> t.processId() == processId)
                .orElseThrow(() -> new InvalidInputException("trackId", "session.track.notInProcess"));
        if (command.endsAt() != null && command.endsAt().isBefore(command.startsAt())) {
            throw new InvalidInputException("endsAt", "session.endsBeforeStart");
        }
        long id = store.insertSession(command);
        return session(processId, id, viewer);
    }

    @Transactional
    public Session recordOutcome(long processId, long sessionId, SessionOutcome outcome, Viewer viewer) {
        requireMediator(processId, viewer);
        Session session = session(processId, sessionId, viewer);
        Track track = track(processId, session.trackId());
        List<FieldProblem> problems = new ArrayList<>();
        for (var a : outcome.attendance() == null ? List.<SessionOutcome.AttendanceLine>of() : outcome.attendance()) {
            if (!track.partyIds().contains(a.partyId())) {
                problems.add(new FieldProblem("attendance", "session.attendance.notInTrack", a.partyId()));
            }
        }
        for (var a : outcome.actions() == null ? List.<SessionOutcome.ActionLine>of() : outcome.actions()) {
            if (a.responsiblePartyId() != null && store.party(a.responsiblePartyId()).filter(p -> p.processId() == processId).isEmpty()) {
                problems.add(new FieldProblem("actions", "party.notInProcess", a.responsiblePartyId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.recordOutcome(sessionId, outcome);
        Session saved = session(processId, sessionId, viewer);
        events.publishEvent(new SessionOutcomeRecorded(processId, track.id(), sessionId, saved.title(),
                saved.minutesVisibility(), saved.outcome(), clock.instant()));
        return saved;
    }

    public List<Session> sessions(long processId, Viewer viewer) {
        get(processId);
        return store.sessions("WHERE t.process_id = ?", processId).stream().map(s -> forViewer(s, viewer)).toList();
    }

    public List<Session> sessionsOfTrack(long processId, long trackId, Viewer viewer) {
        track(processId, trackId);
        return store.sessions("WHERE s.track_id = ?", trackId).stream().map(s -> forViewer(s, viewer)).toList();
    }

    public Session session(long processId, long sessionId, Viewer viewer) {
        return store.sessions("WHERE s.id = ?", sessionId).stream()
                .filter(s -> s.processId() == processId)
                .findFirst()
                .map(s -> forViewer(s, viewer))
                .orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    /** Blanks the outcome, minutes and actions unless the viewer may read them. */
    private Session forViewer(Session s, Viewer viewer) {
        if (mayReadMinutes(s, viewer)) {
            return s;
        }
        return new Session(s.id(), s.processId(), s.trackId(), s.title(), s.startsAt(), s.endsAt(), s.place(), s.onlineUrl(),
                s.agenda(), s.attendance(), s.minutesVisibility(), false, null, null, List.of());
    }

    private boolean mayReadMinutes(Session s, Viewer viewer) {
        return switch (s.minutesVisibility()) {
            case PUBLIC -> true;
            case PARTIES -> mediates(s.processId(), viewer)
                    || (viewer.is(Role.DELEGATE) && store.track(s.trackId()).map(t -> t.partyIds().contains(viewer.partyId())).orElse(false));
            case MEDIATOR -> mediates(s.processId(), viewer);
        };
    }
}
