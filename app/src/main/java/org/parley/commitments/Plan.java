package org.parley.commitments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.process.Track;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's own tables as data: objectives and proposed initiatives, strategies and anticipated impacts, collaboration
 * areas and potential outcomes, confidence-building measures. The mediator keeps them and links each row to tracks,
 * to commitments and to indicators of those commitments; everyone reads them, with links to commitments they may
 * not see left out.
 */
@Service
@Transactional(readOnly = true)
public class Plan {

    private final CommitmentStore store;
    private final Processes processes;
    private final Commitments commitments;

    Plan(CommitmentStore store, Processes processes, Commitments commitments) {
        this.store = store;
        this.processes = processes;
        this.commitments = commitments;
    }

    /** The plan's tables by kind, every kind present (empty where there are no rows). */
    public Map<PlanKind, List<PlanItem>> tables(long processId, Viewer viewer) {
        Map<PlanKind, List<PlanItem>> out = new EnumMap<>(PlanKind.class);
        for (PlanKind k : PlanKind.values()) {
            out.put(k, new ArrayList<>());
        }
        items(processId, viewer).forEach(p -> out.get(p.kind()).add(p));
        return out;
    }

    public PlanItem get(long processId, long itemId, Viewer viewer) {
        return items(processId, viewer).stream().filter(p -> p.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("plan item", itemId));
    }

    private List<PlanItem> items(long processId, Viewer viewer) {
        processes.get(processId);
        List<Commitment> visible = commitments.list(processId, viewer);
        Set<Long> visibleCommitments = visible.stream().map(Commitment::id).collect(Collectors.toSet());
        Set<Long> visibleIndicators = visible.stream().flatMap(c -> c.indicators().stream()).map(Indicator::id).collect(Collectors.toSet());
        return store.planItems(processId).stream()
                .map(p -> new PlanItem(p.id(), p.kind(), p.title(), p.expected(), p.trackIds(),
                        p.commitmentIds().stream().filter(visibleCommitments::contains).toList(),
                        p.indicatorIds().stream().filter(visibleIndicators::contains).toList()))
                .toList();
    }

    @Transactional
    public PlanItem add(long processId, PlanItem.Input input, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        validate(processId, input, viewer);
        long id = store.insertPlanItem(processId, input);
        return get(processId, id, viewer);
    }

    @Transactional
    public PlanItem update(long processId, long itemId, PlanItem.Input input, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        get(processId, itemId, viewer);
        validate(processId, input, viewer);
        store.updatePlanItem(itemId, input);
        return get(processId, itemId, viewer);
    }

    @Transactional
    public void delete(long processId, long itemId, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        get(processId, itemId, viewer);
        store.deletePlanItem(itemId);
    }

    /** Tracks and commitments of this process; each indicator one of a linked commitment's. */
    private void validate(long processId, PlanItem.Input input, Viewer viewer) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> tracks = processes.tracks(processId).stream().map(Track::id).collect(Collectors.toSet());
        for (Long t : input.trackIds()) {
            if (t == null || !tracks.contains(t)) {
                problems.add(new FieldProblem("trackIds", "commitments.plan.trackNotInProcess", t));
            }
        }
        Map<Long, Commitment> byId = commitments.list(processId, viewer).stream().collect(Collectors.toMap(Commitment::id, c -> c));
        Set<Long> linkedIndicators = new java.util.HashSet<>();
        for (Long c : input.commitmentIds()) {
            if (c == null || !byId.containsKey(c)) {
                problems.add(new FieldProblem("commitmentIds", "commitments.plan.commitmentNotInProcess", c));
            } else {
                byId.get(c).indicators().forEach(i -> linkedIndicators.add(i.id()));
            }
        }
        for (Long i : input.indicatorIds()) {
            if (i == null || !linkedIndicators.contains(i)) {
                problems.add(new FieldProblem("indicatorIds", "commitments.plan.indicatorNotOfCommitment", i));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
