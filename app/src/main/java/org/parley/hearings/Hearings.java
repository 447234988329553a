package org.parley.hearings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parley.engagement.Consultations;
import org.parley.petitions.Participant;
import org.parley.petitions.Petitions;
import org.parley.platform.CitizenMail;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public hearings. Mediators of the process schedule them, cancel them and record minutes and an outcome;
 * citizens (with a pass) and accounts register and send written submissions until the hearing starts.
 * Seats are counted under the hearing's row lock; one registration and one submission per person.
 */
@Service
@Transactional(readOnly = true)
public class Hearings {

    public static final int MAX_SUBMISSION = 10_000;
    private static final Set<String> LANGUAGES = Set.of("en", "uk", "ru");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final HearingStore store;
    private final Processes processes;
    private final Petitions petitions;
    private final Consultations consultations;
    private final PublicRecord record;
    private final CitizenMail mail;
    private final MessageSource messages;
    private final Clock clock;

    Hearings(HearingStore store, Processes processes, Petitions petitions, Consultations consultations, PublicRecord record, CitizenMail mail,
             MessageSource messages, Clock clock) {
        this.store = store;
        this.processes = processes;
        this.petitions = petitions;
        this.consultations = consultations;
        this.record = record;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Hearing> list(long processId) {
        processes.get(processId);
        return store.ofProcess(processId);
    }

    public Hearing get(long processId, long hearingId) {
        return store.find(hearingId).filter(h -> h.processId() == processId).orElseThrow(() -> new NotFoundException("hearing", hearingId));
    }

    /** Hearings that take up a petition (not cancelled ones), soonest first. */
    public List<Hearing> ofPetition(long processId, long petitionId) {
        return store.ofPetition(processId, petitionId);
    }

    public Instant now() {
        return clock.instant();
    }

    // --- the mediator

    @Transactional
    public Hearing schedule(long processId, NewHearing h, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        String place = blankToNull(h.place());
        String url = blankToNull(h.onlineUrl());
        if (place == null && url == null) {
            problems.add(new FieldProblem("place", "hearings.where.required"));
        }
        if (url != null && !webAddress(url)) {
            problems.add(new FieldProblem("onlineUrl", "hearings.url.invalid"));
        }
        if (h.partyId() != null) {
            try {
                processes.requireParties(processId, "partyId", List.of(h.partyId()));
            } catch (InvalidInputException | NotFoundException e) {
                problems.add(new FieldProblem("partyId", "hearings.party.unknown"));
            }
        }
        if (h.consultationId() != null) {
            try {
                consultations.get(processId, h.consultationId());
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("consultationId", "hearings.consultation.unknown"));
            }
        }
        List<Long> linked = h.petitionIds() == null ? List.of() : h.petitionIds().stream().distinct().toList();
        for (Long id : linked) {
            try {
                if (id == null || !petitions.get(processId, id, Viewer.anonymous()).status().published()) {
                    throw new NotFoundException("petition", id);
                }
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("petitionIds", "hearings.petition.unknown", id));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = store.insert(processId, h, h.title().strip(), h.agenda().strip(), place, url, linked, viewer.accountId(), now);
        record.append(Fact.of("hearing.scheduled", processId, subject(id), now, viewer.role().name(), Map.of(
                "title", h.title().strip(), "startsAt", h.startsAt().toString(), "place", place == null ? "" : place,
                "onlineUrl", url == null ? "" : url, "addressee", h.partyId() == null ? "mediator" : h.partyId(), "capacity", h.capacity(),
                "petitions", linked, "consultation", h.consultationId() == null ? "" : h.consultationId(),
                "agendaSha256", sha256(h.agenda().strip()))));
        return get(processId, id);
    }

    @Transactional
    public Hearing cancel(long processId, long hearingId, String reason, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Hearing h = locked(processId, hearingId);
        String why = blankToNull(reason);
        if (why == null || why.length() > 2000) {
            throw new InvalidInputException("reason", "hearings.cancel.reasonRequired");
        }
        if (h.status() != HearingStatus.SCHEDULED) {
            throw new ConflictException("hearings.notScheduled");
        }
        store.cancel(hearingId, why);
        record.append(Fact.of("hearing.cancelled", processId, subject(hearingId), clock.instant(), viewer.role().name(), Map.of("reason", why)));
        return get(processId, hearingId);
    }

    /** Minutes and outcome, once the hearing has started: it is then held, and both are on the record. */
    @Transactional
    public Hearing recordMinutes(long processId, long hearingId, Minutes m, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Hearing h = locked(processId, hearingId);
        Instant now = clock.instant();
        if (h.status() != HearingStatus.SCHEDULED) {
            throw new ConflictException("hearings.notScheduled");
        }
        if (now.isBefore(h.startsAt())) {
            throw new ConflictException("hearings.minutes.tooEarly");
        }
        String minutes = m.minutes().strip();
        String outcome = m.outcome().strip();
        store.held(hearingId, minutes, outcome, now);
        String role = viewer.role().name();
        record.append(Fact.of("hearing.held", processId, subject(hearingId), now, role, Map.of(
                "startsAt", h.startsAt().toString(), "registered", h.registered(), "submissions", h.submissions(),
                "minutesSha256", sha256(minutes))));
        record.append(Fact.of("hearing.outcome", processId, subject(hearingId), now, role, Map.of(
                "outcome", outcome, "petitions", h.petitionIds())));
        return get(processId, hearingId);
    }

    public List<Registration> registrations(long processId, long hearingId, Viewer viewer) {
        if (!processes.mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        get(processId, hearingId);
        return store.registrations(hearingId, null);
    }

    // --- citizens

    /** A seat if one is free; else a place on the waiting list, or a refusal when the hearing keeps none. Once per person. */
    @Transactional
    public Registration register(long processId, long hearingId, Participant who) {
        Hearing h = locked(processId, hearingId);
        Instant now = clock.instant();
        if (!h.open(now)) {
            throw new ConflictException("hearings.closed");
        }
        Optional<RegistrationStatus> before = store.status(hearingId, who.key());
        if (before.isPresent() && before.get() != RegistrationStatus.CANCELLED) {
            throw new ConflictException("hearings.register.already");
        }
        RegistrationStatus status;
        if (store.count(hearingId, RegistrationStatus.REGISTERED) < h.capacity()) {
            status = RegistrationStatus.REGISTERED;
        } else if (h.waitingList()) {
            status = RegistrationStatus.WAITING;
        } else {
            throw new ConflictException("hearings.register.full", h.capacity());
        }
        store.register(hearingId, who, status, now);
        Registration mine = mine(hearingId, who).orElseThrow();
        if (who.email() != null) {
            mail(h, who.email(), status == RegistrationStatus.REGISTERED ? "hearings.mail.registered" : "hearings.mail.waiting", who.name(),
                    mine.waitingPosition());
        }
        return mine;
    }

    /** Gives the seat up (or the place on the waiting list); the first one waiting gets the seat, and a mail. */
    @Transactional
    public void cancelRegistration(long processId, long hearingId, Participant who) {
        Hearing h = locked(processId, hearingId);
        Instant now = clock.instant();
        RegistrationStatus before = store.status(hearingId, who.key()).orElse(RegistrationStatus.CANCELLED);
        if (before == RegistrationStatus.CANCELLED) {
            throw new ConflictException("hearings.register.none");
        }
        store.setStatus(hearingId, who.key(), RegistrationStatus.CANCELLED, now);
        if (before == RegistrationStatus.REGISTERED && h.open(now)) {
            store.firstWaiting(hearingId).ifPresent(w -> {
                store.setStatus(hearingId, w.personKey(), RegistrationStatus.REGISTERED, now);
                if (w.email() != null) {
                    mail(h, w.email(), "hearings.mail.promoted", w.name(), null);
                }
            });
        }
    }

    public Optional<Registration> mine(long hearingId, Participant who) {
        return store.registrations(hearingId, who.key()).stream().filter(r -> r.status() != RegistrationStatus.CANCELLED).findFirst();
    }

    @Transactional
    public Submission submit(long processId, long hearingId, NewSubmission s, Participant who) {
        Hearing h = locked(processId, hearingId);
        if (!h.open(clock.instant())) {
            throw new ConflictException("hearings.closed");
        }
        String body = s.body() == null ? "" : s.body().strip();
        if (body.isEmpty() || body.length() > MAX_SUBMISSION) {
            throw new InvalidInputException("body", "hearings.submission.invalid");
        }
        String language = s.language() != null && LANGUAGES.contains(s.language()) ? s.language()
                : LANGUAGES.contains(LocaleContextHolder.getLocale().getLanguage()) ? LocaleContextHolder.getLocale().getLanguage() : "en";
        if (!store.submit(hearingId, who, body, language, clock.instant())) {
            throw new ConflictException("hearings.submission.already");
        }
        List<Submission> all = store.submissions(hearingId);
        return all.getLast();
    }

    public List<Submission> submissions(long processId, long hearingId) {
        get(processId, hearingId);
        return store.submissions(hearingId);
    }

    // --- helpers

    private Hearing locked(long processId, long hearingId) {
        get(processId, hearingId);
        store.lock(hearingId);
        return get(processId, hearingId);
    }

    private void mail(Hearing h, String to, String code, String name, Integer position) {
        Locale locale = LocaleContextHolder.getLocale();
        String link = mail.link("/processes/" + h.processId() + "/hearings/" + h.id());
        mail.send(h.processId(), to, messages.getMessage("hearings.mail.subject", new Object[] {h.title()}, locale),
                messages.getMessage(code, new Object[] {name, h.title(), WHEN.format(h.startsAt()), link, position == null ? 0 : position}, locale));
    }

    static boolean webAddress(String url) {
        try {
            URI u = new URI(url);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String subject(long id) {
        return "hearing/" + id;
    }


    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
