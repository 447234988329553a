package org.parley.roadmap;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.roadmap.RoadmapEvents.MilestoneCreated;
import org.parley.roadmap.RoadmapEvents.MilestoneStatusChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The roadmap of a process. Changes are the process's mediators' and are serialised per process. */
@Service
@Transactional(readOnly = true)
public class Roadmap {

    private final MilestoneStore store;
    private final Processes processes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int atRiskDays;

    Roadmap(MilestoneStore store, Processes processes, ApplicationEventPublisher events, Clock clock,
            @Value("${parley.roadmap.at-risk-days:14}") int atRiskDays) {
        this.store = store;
        this.processes = processes;
        this.events = events;
        this.clock = clock;
        this.atRiskDays = atRiskDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<Milestone> milestones(long processId) {
        Process process = processes.get(processId);
        List<MilestoneRow> rows = store.ofProcess(processId);
        RoadmapGraph graph = new RoadmapGraph(process.startDate(), rows);
        LocalDate today = today();
        return rows.stream().map(m -> graph.view(m.id(), today, atRiskDays)).toList();
    }

    public Milestone milestone(long processId, long milestoneId) {
        Process process = processes.get(processId);
        RoadmapGraph graph = graph(process);
        if (!graph.contains(milestoneId)) {
            throw new NotFoundException("milestone", milestoneId);
        }
        return graph.view(milestoneId, today(), atRiskDays);
    }

    public List<StatusHistoryEntry> history(long processId, long milestoneId) {
        milestone(processId, milestoneId);
        return store.history(milestoneId);
    }

    @Transactional
    public Milestone create(long processId, NewMilestone command, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        RoadmapGraph before = graph(processes.get(processId));
        List<Long> deps = dependenciesWithAnchor(command);
        validate(processId, command, deps, before);
        long id = store.insert(processId, command);
        store.replaceParties(id, command.partyIds() == null ? List.of() : command.partyIds());
        store.replaceDependencies(id, deps);
        store.appendHistory(id, null, MilestoneStatus.PLANNED, viewer.accountId(), "created", null);
        Milestone created = milestone(processId, id);
        events.publishEvent(new MilestoneCreated(processId, id, created.title(), created.dueDate(), created.partyIds(),
                created.dependsOn(), clock.instant()));
        return created;
    }

    @Transactional
    public Milestone update(long processId, long milestoneId, NewMilestone command, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        RoadmapGraph graph = graph(processes.get(processId));
        if (!graph.contains(milestoneId)) {
            throw new NotFoundException("milestone", milestoneId);
        }
        List<Long> deps = dependenciesWithAnchor(command);
        validate(processId, command, deps, graph);
        if (graph.wouldCycle(milestoneId, deps)) {
            throw new InvalidInputException("dependsOn", "milestone.dependency.cycle");
        }
        store.update(milestoneId, command);
        store.replaceParties(milestoneId, command.partyIds() == null ? List.of() : command.partyIds());
        store.replaceDependencies(milestoneId, deps);
        return milestone(processId, milestoneId);
    }

    @Transactional
    public Milestone changeStatus(long processId, long milestoneId, StatusChange change, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        RoadmapGraph graph = graph(processes.get(processId));
        if (!graph.contains(milestoneId)) {
            throw new NotFoundException("milestone", milestoneId);
        }
        MilestoneRow current = graph.row(milestoneId);
        if (!current.status().next().contains(change.status())) {
            throw new ConflictException("milestone.status.illegal", current.status(), change.status());
        }
        LocalDate completedOn = null;
        if (change.status() == MilestoneStatus.COMPLETED) {
            List<String> open = current.dependsOn().stream().map(graph::row)
                    .filter(d -> !d.status().isSettled()).map(MilestoneRow::title).toList();
            if (!open.isEmpty()) {
                throw new ConflictException("milestone.status.dependenciesOpen", String.join(", ", open));
            }
            completedOn = change.effectiveOn() == null ? today() : change.effectiveOn();
            if (completedOn.isAfter(today())) {
                throw new InvalidInputException("effectiveOn", "milestone.completedInFuture");
            }
        }
        store.setStatus(milestoneId, change.status(), completedOn);
        String evidenceHash = store.appendHistory(milestoneId, current.status(), change.status(), viewer.accountId(),
                change.reason(), change.evidence());
        events.publishEvent(new MilestoneStatusChanged(processId, milestoneId, current.status(), change.status(),
                change.reason().trim(), evidenceHash, clock.instant()));
        return milestone(processId, milestoneId);
    }

    private RoadmapGraph graph(Process process) {
        return new RoadmapGraph(process.startDate(), store.ofProcess(process.id()));
    }

    /** A milestone due "after X" cannot come before X, so X is always one of its dependencies. */
    private static List<Long> dependenciesWithAnchor(NewMilestone m) {
        LinkedHashSet<Long> deps = new LinkedHashSet<>(m.dependsOn() == null ? List.of() : m.dependsOn());
        if (m.dueKind() == DueKind.AFTER_MILESTONE && m.anchorMilestoneId() != null) {
            deps.add(m.anchorMilestoneId());
        }
        return List.copyOf(deps);
    }

    private void validate(long processId, NewMilestone m, List<Long> deps, RoadmapGraph graph) {
        List<FieldProblem> problems = new ArrayList<>();
        switch (m.dueKind()) {
            case DATE -> {
                if (m.dueDate() == null) {
                    problems.add(new FieldProblem("dueDate", "milestone.dueDate.required"));
                }
            }
            case AFTER_START, AFTER_MILESTONE -> {
                if (m.offsetAmount() == null) {
                    problems.add(new FieldProblem("offsetAmount", "milestone.offset.required"));
                }
                if (m.offsetUnit() == null) {
                    problems.add(new FieldProblem("offsetUnit", "milestone.offset.required"));
                }
                if (m.dueKind() == DueKind.AFTER_MILESTONE && m.anchorMilestoneId() == null) {
                    problems.add(new FieldProblem("anchorMilestoneId", "milestone.anchor.required"));
                }
            }
        }
        for (Long d : deps) {
            if (!graph.contains(d)) {
                String field = d.equals(m.anchorMilestoneId()) ? "anchorMilestoneId" : "dependsOn";
                problems.add(new FieldProblem(field, "milestone.dependency.notInProcess", d));
            }
        }
        if (m.trackId() != null && processes.tracks(processId).stream().noneMatch(t -> t.id() == m.trackId())) {
            problems.add(new FieldProblem("trackId", "milestone.track.notInProcess", m.trackId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (m.partyIds() != null) {
            processes.requireParties(processId, "partyIds", m.partyIds());
        }
    }
}
