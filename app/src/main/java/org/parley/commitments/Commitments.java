package org.parley.commitments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.parley.texts.NegotiatingText;
import org.parley.texts.TextVisibility;
import org.parley.texts.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments from adopted texts and how far each is implemented. The mediator makes them from clauses; the
 * responsible party's delegates report levels; observers verify them. Every level change needs a reason and evidence,
 * and goes on the public record (evidence by hash; a confidential text's commitments by hashes only).
 */
@Service
@Transactional(readOnly = true)
public class Commitments {

    private final CommitmentStore store;
    private final Processes processes;
    private final Texts texts;
    private final Roadmap roadmap;
    private final MilestoneCompletions completions;
    private final PublicRecord record;
    private final Clock clock;

    Commitments(CommitmentStore store, Processes processes, Texts texts, Roadmap roadmap, MilestoneCompletions completions,
                PublicRecord record, Clock clock) {
        this.store = store;
        this.processes = processes;
        this.texts = texts;
        this.roadmap = roadmap;
        this.completions = completions;
        this.record = record;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- reading

    /** The commitments the viewer may see: all but those of confidential texts, which only the people at the table and observers see. */
    public List<Commitment> list(long processId, Viewer viewer) {
        processes.get(processId);
        return resolve(processId, store.ofProcess(processId)).stream().filter(c -> visible(c, viewer)).toList();
    }

    public Commitment get(long processId, long commitmentId, Viewer viewer) {
        processes.get(processId);
        return resolve(processId, store.ofProcess(processId)).stream()
                .filter(c -> c.id() == commitmentId && visible(c, viewer)).findFirst()
                .orElseThrow(() -> new NotFoundException("commitment", commitmentId));
    }

    public List<LevelChange> history(long processId, long commitmentId, Viewer viewer) {
        get(processId, commitmentId, viewer);
        return store.history(commitmentId);
    }

    /** Every measured value of the commitment's indicators, reported and verified, oldest first. */
    public List<Indicator.Measurement> measurements(long processId, long commitmentId, Viewer viewer) {
        get(processId, commitmentId, viewer);
        return store.measurements(commitmentId);
    }

    /** Whether the viewer may report on this commitment (a delegate of a responsible party). */
    public boolean mayReport(Commitment c, Viewer viewer) {
        return viewer.is(Role.DELEGATE) && viewer.partyId() != null && c.partyIds().contains(viewer.partyId());
    }

    public boolean mayVerify(Viewer viewer) {
        return viewer.is(Role.OBSERVER);
    }

    private boolean visible(Commitment c, Viewer viewer) {
        return !c.confidential() || viewer.is(Role.OBSERVER) || texts.mayReadContent(c.processId(), c.textId(), viewer);
    }

    private boolean seesConfidential(long processId, Viewer viewer) {
        return viewer.is(Role.OBSERVER) || processes.mediates(processId, viewer);
    }

    /**
     * Resolves deadlines: a fixed date; entry into force plus the offset; or the completion of the anchor commitment,
     * of the anchor milestone, or the anchor event's occurrence, plus the offset (pending, so null, until that has
     * happened). Overdue: due before today and not complete.
     */
    private List<Commitment> resolve(long processId, List<CommitmentStore.Row> rows) {
        Map<Long, CommitmentStore.Row> byId = rows.stream().collect(Collectors.toMap(CommitmentStore.Row::id, Function.identity()));
        Map<Long, List<Indicator>> indicators = store.indicators(processId);
        boolean anchoredElsewhere = rows.stream().anyMatch(r -> r.deadlineKind() == DeadlineKind.AFTER_MILESTONE
                || r.deadlineKind() == DeadlineKind.AFTER_EVENT);
        Map<Long, LocalDate> milestones = anchoredElsewhere ? store.milestoneCompletions(processId) : Map.of();
        Map<Long, LocalDate> events = new HashMap<>();
        if (anchoredElsewhere) {
            store.events(processId).forEach(e -> events.put(e.id(), e.occurredOn()));
        }
        LocalDate today = today();
        List<Commitment> out = new ArrayList<>(rows.size());
        for (CommitmentStore.Row r : rows) {
            LocalDate from = switch (r.deadlineKind()) {
                case FIXED -> r.dueDate();
                case AFTER_ENTRY_INTO_FORCE -> r.inForceFrom();
                case AFTER_COMMITMENT -> {
                    CommitmentStore.Row anchor = byId.get(r.anchorId());
                    yield anchor == null ? null : anchor.completedOn();
                }
                case AFTER_MILESTONE -> milestones.get(r.anchorMilestoneId());
                case AFTER_EVENT -> events.get(r.anchorEventId());
            };
            LocalDate due = from == null || r.deadlineKind() == DeadlineKind.FIXED ? from : from.plusDays(r.offsetDays());
            int level = r.verifiedLevel() != null ? r.verifiedLevel() : r.reportedLevel();
            boolean overdue = due != null && due.isBefore(today) && level < 3;
            out.add(new Commitment(r.id(), r.processId(), r.textId(), r.clauseId(), r.action(), r.theme(), r.partyIds(), r.deadlineKind(),
                    r.dueDate(), r.offsetDays(), r.anchorId(), r.anchorMilestoneId(), r.anchorEventId(), due, r.reportedLevel(),
                    r.verifiedLevel(), r.completedOn(), r.confidential(), overdue, indicators.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    // --- changes

    @Transactional
    public Commitment create(long processId, NewCommitment command, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Texts.AdoptedClause clause = texts.adoptedClause(processId, command.textId(), command.clauseId());
        validate(processId, null, command, store.ofProcess(processId));
        long id = store.insert(processId, command, clause.visibility() == TextVisibility.CONFIDENTIAL, clause.entryIntoForce());
        store.addToBarometer(id, "CREATED", 1);
        Commitment created = get(processId, id, viewer);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", command.textId());
        data.put("clause", clause.number());
        putTerms(data, created);
        record.append(Fact.of("commitment.created", processId, "commitment/" + id, clock.instant(), Role.MEDIATOR.name(), data));
        return created;
    }

    /**
     * Changes a commitment's action, theme, parties, deadline or indicators. A deadline relative to a commitment that
     * hangs on this one is refused; an indicator with measured values cannot be removed. The new terms go on the record.
     */
    @Transactional
    public Commitment update(long processId, long commitmentId, NewCommitment command, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        CommitmentStore.Row row = store.find(commitmentId).filter(r -> r.processId() == processId)
                .orElseThrow(() -> new NotFoundException("commitment", commitmentId));
        store.lock(commitmentId);
        if (row.textId() != command.textId() || row.clauseId() != command.clauseId()) {
            throw new InvalidInputException("clauseId", "commitments.clause.fixed");
        }
        texts.adoptedClause(processId, command.textId(), command.clauseId());
        validate(processId, commitmentId, command, store.ofProcess(processId));
        Set<Long> own = store.indicators(processId).getOrDefault(commitmentId, List.of()).stream().map(Indicator::id).collect(Collectors.toSet());
        Set<Long> named = new HashSet<>();
        for (Indicator.Input i : command.indicators()) {
            if (i.id() != null && (!own.contains(i.id()) || !named.add(i.id()))) {
                throw new InvalidInputException("indicators", "commitments.indicator.notOfCommitment", i.id());
            }
        }
        List<Long> measuredButDropped = store.measuredIndicators(commitmentId).stream().filter(i -> !named.contains(i)).toList();
        if (!measuredButDropped.isEmpty()) {
            throw new InvalidInputException("indicators", "commitments.indicator.measured");
        }
        store.update(commitmentId, command);
        store.replaceIndicators(commitmentId, command.indicators());
        if (row.theme() != command.theme() || !new HashSet<>(row.partyIds()).equals(new HashSet<>(command.partyIds()))) {
            store.rebuildBarometer(processId);
        }
        Commitment updated = get(processId, commitmentId, viewer);
        Map<String, Object> data = new LinkedHashMap<>();
        putTerms(data, updated);
        record.append(Fact.of("commitment.updated", processId, "commitment/" + commitmentId, clock.instant(), Role.MEDIATOR.name(), data));
        return updated;
    }

    /** A commitment's terms as the record keeps them: a confidential text's action by its hash only. */
    private static void putTerms(Map<String, Object> data, Commitment c) {
        data.put("action", c.confidential() ? null : c.action());
        data.put("actionSha256", Texts.sha256(c.action()));
        data.put("theme", c.theme().name());
        data.put("parties", c.partyIds());
        data.put("deadline", c.deadlineKind().name());
        data.put("due", c.fixedDate() == null ? null : c.fixedDate().toString());
        data.put("offsetDays", c.offsetDays());
        data.put("afterCommitment", c.anchorCommitmentId());
        data.put("afterMilestone", c.anchorMilestoneId());
        data.put("afterEvent", c.anchorEventId());
        data.put("indicators", c.indicators().stream().map(i -> c.confidential()
                ? Map.of("id", i.id(), "sha256", Texts.sha256(i.name() + "\n" + i.unit() + "\n" + i.target().toPlainString()))
                : Map.of("id", i.id(), "name", i.name(), "unit", i.unit(), "target", i.target().toPlainString())).toList());
    }

    private void validate(long processId, Long self, NewCommitment c, List<CommitmentStore.Row> all) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> parties = processes.parties(processId).stream().map(Party::id).collect(Collectors.toSet());
        for (Long p : c.partyIds()) {
            if (p == null || !parties.contains(p)) {
                problems.add(new FieldProblem("partyIds", "party.notInProcess", p));
            }
        }
        if (c.deadlineKind() == DeadlineKind.FIXED && c.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", "commitments.dueDate.required"));
        }
        if (c.deadlineKind() != DeadlineKind.FIXED && c.offsetDays() == null) {
            problems.add(new FieldProblem("offsetDays", "commitments.offset.required"));
        }
        switch (c.deadlineKind()) {
            case FIXED, AFTER_ENTRY_INTO_FORCE -> {
            }
            case AFTER_COMMITMENT -> {
                Map<Long, Long> anchors = new HashMap<>();
                all.forEach(r -> anchors.put(r.id(), r.anchorId()));
                if (c.anchorCommitmentId() == null) {
                    problems.add(new FieldProblem("anchorCommitmentId", "commitments.anchor.required"));
                } else if (!anchors.containsKey(c.anchorCommitmentId())) {
                    problems.add(new FieldProblem("anchorCommitmentId", "commitments.anchor.notInProcess", c.anchorCommitmentId()));
                } else if (self != null && cycles(self, c.anchorCommitmentId(), anchors)) {
                    problems.add(new FieldProblem("anchorCommitmentId", "commitments.anchor.cycle"));
                }
            }
            case AFTER_MILESTONE -> {
                if (c.anchorMilestoneId() == null) {
                    problems.add(new FieldProblem("anchorMilestoneId", "commitments.milestone.required"));
                } else {
                    milestone(processId, c.anchorMilestoneId()).ifPresentOrElse(completions::note,
                            () -> problems.add(new FieldProblem("anchorMilestoneId", "commitments.milestone.notInProcess", c.anchorMilestoneId())));
                }
            }
            case AFTER_EVENT -> {
                if (c.anchorEventId() == null) {
                    problems.add(new FieldProblem("anchorEventId", "commitments.event.required"));
                } else if (store.event(c.anchorEventId()).filter(e -> e.processId() == processId).isEmpty()) {
                    problems.add(new FieldProblem("anchorEventId", "commitments.event.notInProcess", c.anchorEventId()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A milestone of the process, from the roadmap's public API. */
    private java.util.Optional<Milestone> milestone(long processId, long milestoneId) {
        try {
            return java.util.Optional.of(roadmap.milestone(processId, milestoneId));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }


    /** Whether following anchors from {@code anchor} comes back to {@code self}. */
    static boolean cycles(long self, Long anchor, Map<Long, Long> anchors) {
        Set<Long> seen = new HashSet<>();
        for (Long at = anchor; at != null; at = anchors.get(at)) {
            if (at == self || !seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    /** A responsible party's delegate reports a level, with a reason and evidence, and optionally indicator values. */
    @Transactional
    public Commitment report(long processId, long commitmentId, LevelInput input, Viewer viewer) {
        Commitment c = get(processId, commitmentId, viewer);
        if (!mayReport(c, viewer)) {
            throw new InvalidInputException("partyId", "commitments.report.notResponsible");
        }
        return change(c, LevelKind.REPORTED, input, viewer);
    }

    /** An observer verifies (or, with a different level, disputes) how far a commitment is implemented, and optionally indicator values. */
    @Transactional
    public Commitment verify(long processId, long commitmentId, LevelInput input, Viewer viewer) {
        Commitment c = get(processId, commitmentId, viewer);
        if (!mayVerify(viewer)) {
            throw new InvalidInputException("role", "commitments.verify.observersOnly");
        }
        return change(c, LevelKind.VERIFIED, input, viewer);
    }

    private Commitment change(Commitment c, LevelKind kind, LevelInput input, Viewer viewer) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.level() == null || input.level() < 0 || input.level() > 3) {
            problems.add(new FieldProblem("level", "commitments.level.range"));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "commitments.reason.required"));
        }
        if (input.evidence() == null || input.evidence().isBlank()) {
            problems.add(new FieldProblem("evidence", "commitments.evidence.required"));
        }
        Set<Long> indicatorIds = c.indicators().stream().map(Indicator::id).collect(Collectors.toSet());
        for (Indicator.Value v : input.indicators()) {
            if (!indicatorIds.contains(v.indicatorId())) {
                problems.add(new FieldProblem("indicators", "commitments.indicator.notOfCommitment", v.indicatorId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.lock(c.id());
        CommitmentStore.Row row = store.find(c.id()).orElseThrow();
        int previous = kind == LevelKind.REPORTED ? row.reportedLevel() : row.verifiedLevel() == null ? 0 : row.verifiedLevel();
        int level = input.level();
        int reported = kind == LevelKind.REPORTED ? level : row.reportedLevel();
        Integer verified = kind == LevelKind.VERIFIED ? Integer.valueOf(level) : row.verifiedLevel();
        int effective = verified != null ? verified : reported;
        LocalDate completedOn = effective == 3 ? (row.completedOn() != null ? row.completedOn() : today()) : null;
        store.setLevel(c.id(), kind, level, completedOn);
        String evidenceHash = Texts.sha256(input.evidence().strip());
        String actor = viewer.displayName() == null ? "" : viewer.displayName();
        long changeId = store.insertChange(c.processId(), c.id(), kind, level, previous, input.reason().strip(), input.evidence().strip(),
                evidenceHash, viewer.accountId(), actor);
        input.indicators().forEach(v -> store.measure(c.id(), v.indicatorId(), kind, v.value(), changeId, actor));
        store.addToBarometer(c.id(), kind.name(), level - previous);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("level", level);
        data.put("previous", previous);
        data.put("party", kind == LevelKind.REPORTED ? viewer.partyId() : null);
        data.put("reason", c.confidential() ? null : input.reason().strip());
        data.put("reasonSha256", Texts.sha256(input.reason().strip()));
        data.put("evidenceSha256", evidenceHash);
        // A small number's hash hides nothing: a confidential commitment's values stay off the record, only which were measured.
        data.put("indicators", input.indicators().stream().map(v -> c.confidential()
                ? Map.of("id", v.indicatorId())
                : Map.of("id", v.indicatorId(), "value", v.value().stripTrailingZeros().toPlainString())).toList());
        record.append(Fact.of(kind == LevelKind.REPORTED ? "commitment.level_reported" : "commitment.level_verified", c.processId(),
                "commitment/" + c.id(), clock.instant(), kind == LevelKind.REPORTED ? Role.DELEGATE.name() : Role.OBSERVER.name(), data));
        return get(c.processId(), c.id(), viewer);
    }

    // --- roll-ups

    public enum By { TEXT, THEME, PARTY }

    /** Commitments grouped by text, theme or party, as the viewer may see them. */
    public Rollup rollup(long processId, By by, Viewer viewer) {
        List<Commitment> all = list(processId, viewer);
        Map<Long, String> partyNames = processes.parties(processId).stream().collect(Collectors.toMap(Party::id, Party::shortName));
        Map<Long, String> textTitles = texts.list(processId, viewer).stream()
                .collect(Collectors.toMap(NegotiatingText::id, t -> t.title() == null ? "#" + t.id() : t.title()));
        Map<String, List<Commitment>> groups = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        if (by == By.THEME) {
            for (Theme t : Theme.values()) {
                groups.put(t.name(), new ArrayList<>());
                labels.put(t.name(), t.name());
            }
        }
        for (Commitment c : all) {
            switch (by) {
                case TEXT -> add(groups, labels, String.valueOf(c.textId()), textTitles.getOrDefault(c.textId(), "#" + c.textId()), c);
                case THEME -> groups.get(c.theme().name()).add(c);
                case PARTY -> c.partyIds().forEach(p -> add(groups, labels, String.valueOf(p), partyNames.getOrDefault(p, "#" + p), c));
            }
        }
        List<Rollup.Row> rows = new ArrayList<>();
        groups.forEach((key, cs) -> {
            int[] levels = new int[4];
            cs.forEach(c -> levels[c.verifiedLevel() == null ? 0 : c.verifiedLevel()]++);
            rows.add(new Rollup.Row(key, labels.get(key), cs.size(), cs.stream().mapToInt(Commitment::reportedLevel).average().orElse(0),
                    cs.stream().mapToInt(c -> c.verifiedLevel() == null ? 0 : c.verifiedLevel()).average().orElse(0), levels,
                    (int) cs.stream().filter(Commitment::overdue).count(), (int) cs.stream().filter(c -> c.level() == 3).count()));
        });
        return new Rollup(by.name(), rows);
    }

    private static void add(Map<String, List<Commitment>> groups, Map<String, String> labels, String key, String label, Commitment c) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        labels.putIfAbsent(key, label);
    }

    /** The barometer: average reported and verified levels day by day, optionally for one theme, text or party. */
    public Barometer barometer(long processId, Theme theme, Long textId, Long partyId, Viewer viewer) {
        processes.get(processId);
        List<CommitmentStore.Day> days = store.days(processId, seesConfidential(processId, viewer), theme == null ? null : theme.name(),
                textId, partyId);
        List<Barometer.Point> points = new ArrayList<>(days.size());
        int count = 0;
        long reported = 0;
        long verified = 0;
        for (CommitmentStore.Day d : days) {
            count += d.created();
            reported += d.reportedDelta();
            verified += d.verifiedDelta();
            points.add(new Barometer.Point(d.date(), count, count == 0 ? 0 : round((double) reported / count), count == 0 ? 0 : round((double) verified / count)));
        }
        return new Barometer(points);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
