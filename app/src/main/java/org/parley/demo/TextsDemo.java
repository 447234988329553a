package org.parley.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.commitments.Commitment;
import org.parley.commitments.Commitments;
import org.parley.commitments.DeadlineEvent;
import org.parley.commitments.DeadlineEvents;
import org.parley.commitments.DeadlineKind;
import org.parley.commitments.Indicator;
import org.parley.commitments.LevelInput;
import org.parley.commitments.NewCommitment;
import org.parley.commitments.Plan;
import org.parley.commitments.PlanItem;
import org.parley.commitments.PlanKind;
import org.parley.commitments.Theme;
import org.parley.platform.Accounts;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.process.Track;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.parley.texts.Adoption;
import org.parley.texts.Alternative;
import org.parley.texts.Clause;
import org.parley.texts.Draft;
import org.parley.texts.DraftArticle;
import org.parley.texts.DraftClause;
import org.parley.texts.NegotiatingText;
import org.parley.texts.NewText;
import org.parley.texts.PositionInput;
import org.parley.texts.SignatureInput;
import org.parley.texts.Stance;
import org.parley.texts.TextVisibility;
import org.parley.texts.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's negotiating texts and commitments, loaded once through the services as user input would go: an
 * adopted and signed initial ceasefire (its bracket resolved in version 2), the commitments made from it with
 * reported and verified levels and indicator values, deadlines counting from entry into force, another commitment, a
 * roadmap milestone and events (one happened, one awaited), a humanitarian framework still in draft with an open bracket
 * and confidential positions, and the plan's own tables linked to tracks, commitments and indicators.
 */
@Component
@Order(20)
class TextsDemo implements ApplicationRunner {

    static final String MARKER = "demo.texts.loaded";
    private static final Logger log = LoggerFactory.getLogger(TextsDemo.class);

    private final boolean enabled;
    private final DemoOnce once;
    private final Accounts accounts;
    private final Processes processes;
    private final Texts texts;
    private final Commitments commitments;
    private final DeadlineEvents events;
    private final Plan plan;
    private final Roadmap roadmap;
    private final Clock clock;

    TextsDemo(@Value("${parley.demo.enabled:true}") boolean enabled, DemoOnce once, Accounts accounts, Processes processes, Texts texts,
              Commitments commitments, DeadlineEvents events, Plan plan, Roadmap roadmap, Clock clock) {
        this.enabled = enabled;
        this.once = once;
        this.accounts = accounts;
        this.processes = processes;
        this.texts = texts;
        this.commitments = commitments;
        this.events = events;
        this.plan = plan;
        this.roadmap = roadmap;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && once.load(MARKER, (process, mediator) -> load(process.id(), mediator))) {
            log.info("Loaded the demo negotiating texts and commitments");
        }
    }

    private Viewer viewer(String email) {
        Accounts.Account a = accounts.findByEmail(email).orElseThrow();
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), a.partyId());
    }

    private void load(long pid, Viewer mediator) {
        Viewer usDelegate = viewer("delegate.us@demo.parley");
        Viewer ruDelegate = viewer("delegate.ru@demo.parley");
        Viewer uaDelegate = viewer("delegate.ua@demo.parley");
        Viewer observer = viewer("observer@demo.parley");
        Map<String, Long> party = processes.parties(pid).stream().collect(Collectors.toMap(Party::shortName, Party::id));
        Map<String, Track> track = processes.tracks(pid).stream().collect(Collectors.toMap(Track::name, t -> t));
        long us = party.get("US");
        long ru = party.get("RU");
        long ua = party.get("UA");
        Track military = track.get("Military de-escalation");
        Track humanitarian = track.get("Humanitarian assistance");
        Track economic = track.get("Economic cooperation");

        // 1. The initial ceasefire: drafted with one bracket, the bracket resolved, accepted by all, adopted, signed.
        NegotiatingText ceasefire = texts.create(pid, new NewText(military.id(), "Initial ceasefire agreement",
                "The parties, determined to end the hostilities and to protect the civilian population, agree as follows.",
                TextVisibility.PUBLISHED, List.of(us, ru, ua), List.of(
                new DraftArticle(null, "Cessation of hostilities", List.of(
                        new DraftClause(null, "All military operations along the line of contact cease at 00:00 UTC on the day after signature.", null),
                        new DraftClause(null, "The parties withdraw heavy weapons [*] from the line of contact within 14 days.",
                                List.of(new Alternative("15 km", ua), new Alternative("30 km", ru))))),
                new DraftArticle(null, "Verification and humanitarian measures", List.of(
                        new DraftClause(null, "An international monitoring mission verifies the ceasefire and the withdrawal and reports weekly.", null),
                        new DraftClause(null, "The parties exchange all prisoners and detainees, all for all, no later than 5 days after the withdrawal is completed.", null))))),
                mediator);
        Clause bracketed = ceasefire.clauses().get(1);
        ceasefire = texts.save(pid, ceasefire.id(), withClause(ceasefire, bracketed.id(),
                "The parties withdraw heavy weapons 30 km from the line of contact within 14 days.", List.of(),
                "Bracket resolved at the second session: 30 km, with monitoring by the mission."), mediator);
        for (Viewer delegate : List.of(usDelegate, ruDelegate, uaDelegate)) {
            for (Clause c : ceasefire.clauses()) {
                texts.recordPosition(pid, ceasefire.id(), new PositionInput(c.id(), Stance.ACCEPT, null), delegate);
            }
            texts.sharePositions(pid, ceasefire.id(), delegate);
        }
        LocalDate inForce = LocalDate.now(clock).minusDays(7);
        ceasefire = texts.adopt(pid, ceasefire.id(), new Adoption(inForce), mediator);
        for (Viewer delegate : List.of(usDelegate, ruDelegate, uaDelegate)) {
            texts.sign(pid, ceasefire.id(), new SignatureInput(null, null), delegate);
        }
        List<Clause> clauses = ceasefire.clauses();

        // 2. Provisions become commitments.
        Commitment stop = commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(0).id(),
                "Cease all military operations along the line of contact", Theme.CEASEFIRE, List.of(ru, ua),
                DeadlineKind.AFTER_ENTRY_INTO_FORCE, null, 1, null, null, null, List.of()), mediator);
        Commitment withdraw = commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(1).id(),
                "Withdraw heavy weapons 30 km from the line of contact", Theme.WEAPONS_WITHDRAWAL, List.of(ru, ua),
                DeadlineKind.AFTER_ENTRY_INTO_FORCE, null, 14, null, null, null,
                List.of(new Indicator.Input("Heavy weapons withdrawn", "systems", new BigDecimal("400")))), mediator);
        Commitment monitoring = commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(2).id(),
                "Give the monitoring mission access along the line of contact", Theme.CONFIDENCE_BUILDING, List.of(us, ru, ua),
                DeadlineKind.FIXED, LocalDate.now(clock).minusDays(2), null, null, null, null, List.of()), mediator);
        Commitment exchange = commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(3).id(),
                "Exchange all prisoners and detainees, all for all", Theme.PRISONERS, List.of(ru, ua),
                DeadlineKind.AFTER_COMMITMENT, null, 5, withdraw.id(), null, null,
                List.of(new Indicator.Input("Prisoners exchanged", "persons", new BigDecimal("1000")))), mediator);

        // Deadlines that count from events: the mission's deployment (recorded three days ago), the verified end of the
        // withdrawal (awaited), and the roadmap's humanitarian aid framework milestone (not yet completed).
        DeadlineEvent deployed = events.define(pid, new DeadlineEvent.Input("The monitoring mission is deployed along the whole line of contact",
                "Observers present in every sector, as the mission's head reports to the mediator."), mediator);
        events.occurred(pid, deployed.id(), new DeadlineEvent.Occurrence(LocalDate.now(clock).minusDays(3),
                "All eleven sector teams reported in position.", "Mission deployment report no. 2."), observer);
        DeadlineEvent withdrawn = events.define(pid, new DeadlineEvent.Input("The monitoring mission verifies the withdrawal complete",
                "The mission's final withdrawal report covers every site."), mediator);
        Commitment positions = commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(2).id(),
                "Share unit positions along the line of contact with the monitoring mission", Theme.CONFIDENCE_BUILDING, List.of(ru, ua),
                DeadlineKind.AFTER_EVENT, null, 2, null, null, deployed.id(), List.of()), mediator);
        commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(3).id(),
                "Hand over the remains of the fallen", Theme.PRISONERS, List.of(ru, ua),
                DeadlineKind.AFTER_EVENT, null, 10, null, null, withdrawn.id(), List.of()), mediator);
        Milestone aid = roadmap.milestones(pid).stream().filter(m -> m.title().equals("Humanitarian aid framework")).findFirst().orElseThrow();
        commitments.create(pid, new NewCommitment(ceasefire.id(), clauses.get(2).id(),
                "Agree the routes of humanitarian corridors with the monitoring mission", Theme.HUMANITARIAN_ACCESS, List.of(ru, ua),
                DeadlineKind.AFTER_MILESTONE, null, 7, null, aid.id(), null, List.of()), mediator);

        commitments.report(pid, stop.id(), new LevelInput(2, "Operations stopped on most of the line; local exchanges of fire continue.",
                "Daily situation reports of the General Staff, days 1–7.", List.of()), uaDelegate);
        commitments.report(pid, stop.id(), new LevelInput(3, "All operations stopped.", "Order No. 17 of the Ministry of Defence.", List.of()), ruDelegate);
        commitments.verify(pid, stop.id(), new LevelInput(2, "Violations recorded in two sectors on days 3 and 5.",
                "Monitoring mission weekly report no. 1.", List.of()), observer);
        commitments.report(pid, withdraw.id(), new LevelInput(1, "Withdrawal has begun in the northern sector.",
                "Notification to the monitoring mission with unit lists.",
                List.of(new Indicator.Value(withdraw.indicators().getFirst().id(), new BigDecimal("120")))), uaDelegate);
        commitments.verify(pid, withdraw.id(), new LevelInput(1, "Withdrawal observed at 3 of 11 sites.", "Site visit notes, patrols 4–9.",
                List.of(new Indicator.Value(withdraw.indicators().getFirst().id(), new BigDecimal("95")))), observer);
        commitments.report(pid, withdraw.id(), new LevelInput(1, "Withdrawal continues in the central sector.",
                "Second notification to the monitoring mission with unit lists.",
                List.of(new Indicator.Value(withdraw.indicators().getFirst().id(), new BigDecimal("180")))), ruDelegate);
        commitments.report(pid, positions.id(), new LevelInput(1, "Positions shared for the northern sectors.",
                "Handover protocol signed with the mission.", List.of()), uaDelegate);
        commitments.report(pid, monitoring.id(), new LevelInput(1, "Access granted to the southern sector only.",
                "Letter to the mission of day 2.", List.of()), ruDelegate);

        // 3. A humanitarian framework still in negotiation: an open bracket and confidential positions.
        NegotiatingText framework = texts.create(pid, new NewText(humanitarian.id(), "Humanitarian aid framework",
                "The parties, with the UN agencies, agree on the delivery of humanitarian aid to the affected regions.",
                TextVisibility.PUBLISHED, List.of(us, ru, ua), List.of(
                new DraftArticle(null, "Corridors", List.of(
                        new DraftClause(null, "Humanitarian corridors are notified to the parties [*] before use.",
                                List.of(new Alternative("48 hours", ru), new Alternative("12 hours", ua))),
                        new DraftClause(null, "Convoys are inspected jointly at the agreed crossing points.", null))))),
                mediator);
        Clause corridors = framework.clauses().get(0);
        Clause convoys = framework.clauses().get(1);
        texts.recordPosition(pid, framework.id(), new PositionInput(convoys.id(), Stance.ACCEPT, null), usDelegate);
        texts.sharePositions(pid, framework.id(), usDelegate);
        texts.recordPosition(pid, framework.id(), new PositionInput(convoys.id(), Stance.RESERVE, null), ruDelegate);
        texts.recordPosition(pid, framework.id(), new PositionInput(corridors.id(), Stance.AMEND,
                "Corridors are notified 24 hours before use, with the routes given to the monitoring mission."), uaDelegate);

        // 4. The plan's own tables, linked to tracks, commitments and indicators.
        plan(pid, mediator, PlanKind.OBJECTIVE, "Reduce military escalations", "Implement arms control agreements", List.of(military.id()),
                List.of(withdraw.id(), stop.id()), List.of(withdraw.indicators().getFirst().id()));
        plan(pid, mediator, PlanKind.OBJECTIVE, "Enhance economic collaboration", "Joint investments in critical infrastructure",
                List.of(economic.id()), List.of(), List.of());
        plan(pid, mediator, PlanKind.OBJECTIVE, "Improve public perception", "Media cooperation initiatives", List.of(), List.of(), List.of());
        plan(pid, mediator, PlanKind.STRATEGY, "Community engagement initiatives", "Fosters local trust and cooperation",
                List.of(humanitarian.id()), List.of(), List.of());
        plan(pid, mediator, PlanKind.STRATEGY, "Joint cultural activities", "Encourages mutual respect and understanding", List.of(), List.of(),
                List.of());
        plan(pid, mediator, PlanKind.STRATEGY, "Political representation for minorities", "Reduces feelings of marginalization", List.of(),
                List.of(), List.of());
        plan(pid, mediator, PlanKind.COLLABORATION_AREA, "Green technology initiatives", "Joint research projects aimed at climate change mitigation",
                List.of(economic.id()), List.of(), List.of());
        plan(pid, mediator, PlanKind.COLLABORATION_AREA, "Cybersecurity frameworks",
                "Strategic partnerships to strengthen cyber defenses against common threats", List.of(), List.of(), List.of());
        plan(pid, mediator, PlanKind.COLLABORATION_AREA, "Energy sector collaboration", "Joint ventures in energy projects; energy security",
                List.of(economic.id()), List.of(), List.of());
        plan(pid, mediator, PlanKind.COLLABORATION_AREA, "Security agreements",
                "Frameworks for arms control and security cooperation that assure both parties and build confidence",
                List.of(military.id()), List.of(withdraw.id()), List.of());
        plan(pid, mediator, PlanKind.CONFIDENCE_MEASURE, "Joint humanitarian projects", "Trust between the parties through shared work",
                List.of(humanitarian.id(), military.id()), List.of(exchange.id()), List.of(exchange.indicators().getFirst().id()));
        plan(pid, mediator, PlanKind.CONFIDENCE_MEASURE, "International monitoring of the ceasefire", "Violations seen and answered quickly",
                List.of(military.id()), List.of(monitoring.id(), positions.id()), List.of());
        plan(pid, mediator, PlanKind.CONFIDENCE_MEASURE, "Joint cultural exchanges", "Grassroots connections between the societies",
                List.of(), List.of(), List.of());
        plan(pid, mediator, PlanKind.CONFIDENCE_MEASURE, "Regular bilateral discussions on security concerns",
                "Misunderstandings raised and settled early", List.of(military.id()), List.of(), List.of());
    }

    private void plan(long pid, Viewer mediator, PlanKind kind, String title, String expected, List<Long> trackIds, List<Long> commitmentIds,
                      List<Long> indicatorIds) {
        plan.add(pid, new PlanItem.Input(kind, title, expected, trackIds, commitmentIds, indicatorIds), mediator);
    }

    /** The text as a draft with one clause's body and alternatives replaced. */
    static Draft withClause(NegotiatingText t, long clauseId, String body, List<Alternative> alternatives, String reason) {
        return new Draft(t.title(), t.preamble(), t.articles().stream()
                .map(a -> new DraftArticle(a.id(), a.heading(), a.clauses().stream()
                        .map(c -> c.id() == clauseId ? new DraftClause(c.id(), body, alternatives) : new DraftClause(c.id(), c.body(), c.alternatives()))
                        .toList()))
                .toList(), reason);
    }
}
