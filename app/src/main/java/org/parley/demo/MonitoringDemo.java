package org.parley.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.monitoring.Categories;
import org.parley.monitoring.Category;
import org.parley.monitoring.ClaimDecision;
import org.parley.monitoring.ClaimStatus;
import org.parley.monitoring.Decision;
import org.parley.monitoring.Event;
import org.parley.monitoring.EventState;
import org.parley.monitoring.Geography;
import org.parley.monitoring.Monitoring;
import org.parley.monitoring.NewCeasefire;
import org.parley.monitoring.NewClaim;
import org.parley.monitoring.NewReport;
import org.parley.monitoring.Observers;
import org.parley.monitoring.WeaponClass;
import org.parley.monitoring.Withdrawals;
import org.parley.platform.Accounts;
import org.parley.platform.Accounts.Account;
import org.parley.platform.Accounts.NewAccount;
import org.parley.platform.GeneratedPassword;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring for the demo process, once: a second observer, both serving the process in teams, the ceasefire
 * that the "Initial ceasefire agreement" milestone stands for (whole country, every use of force, from a week
 * after the process started), an energy moratorium, a maritime ceasefire in the Black Sea, a fortnight of observers' reports (some corroborated,
 * verified and attributed, one refuted, one still reported by a single observer), a category the mission added
 * (sniper fire), two parties' claims and withdrawal data. All through the monitoring service, as
 * users would enter them, in one transaction under the demo's advisory lock.
 */
@Component
@Order(20)
class MonitoringDemo implements ApplicationRunner {

    static final String MARKER = "demo.monitoring.loaded";
    static final String PROCESS = "Dialogue on ending the war in Ukraine";
    static final String CEASEFIRE_MILESTONE = "Initial ceasefire agreement";
    private static final long LOCK = 0x5041524c4559L; // the same lock as DemoLoader
    private static final Logger log = LoggerFactory.getLogger(MonitoringDemo.class);

    private final boolean enabled;
    private final String fixedPassword;
    private final Accounts accounts;
    private final Processes processes;
    private final Roadmap roadmap;
    private final Monitoring monitoring;
    private final Categories categories;
    private final Observers observers;
    private final Withdrawals withdrawals;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    MonitoringDemo(@Value("${parley.demo.enabled:true}") boolean enabled, @Value("${parley.demo.password:}") String fixedPassword,
                   Accounts accounts, Processes processes, Roadmap roadmap, Monitoring monitoring, Categories categories, Observers observers,
                   Withdrawals withdrawals, JdbcClient jdbc,
                   TransactionTemplate tx, Clock clock) {
        this.enabled = enabled;
        this.fixedPassword = fixedPassword;
        this.accounts = accounts;
        this.processes = processes;
        this.roadmap = roadmap;
        this.monitoring = monitoring;
        this.categories = categories;
        this.observers = observers;
        this.withdrawals = withdrawals;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Map<String, String> printed = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM installation_setting WHERE setting_key = ?)").param(MARKER).query(Boolean.class).single()) {
                return null;
            }
            Process process = processes.all().stream().filter(p -> p.name().equals(PROCESS)).min((a, b) -> Long.compare(a.id(), b.id())).orElse(null);
            if (process == null) {
                return null;
            }
            Map<String, String> credentials = load(process);
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(MARKER, LocalDate.now(clock).toString()).update();
            return credentials;
        });
        if (printed != null && !printed.isEmpty()) {
            StringBuilder sb = new StringBuilder("\n  Demo monitoring loaded. More demo accounts (passwords shown once):\n");
            printed.forEach((email, password) -> sb.append("    %-36s %s%n".formatted(email, password)));
            System.out.println(sb);
            log.info("Loaded the demo monitoring data");
        }
    }

    private Map<String, String> load(Process process) {
        long pid = process.id();
        Map<String, String> credentials = new LinkedHashMap<>();
        Viewer mediator = viewer("mediator@demo.parley");
        Viewer observer1 = viewer("observer@demo.parley");
        Account second = accounts.findByEmail("observer2@demo.parley").orElseGet(() -> {
            String password = fixedPassword == null || fixedPassword.isBlank() ? GeneratedPassword.next() : fixedPassword;
            credentials.put("observer2@demo.parley", password);
            return accounts.create(new NewAccount("observer2@demo.parley", "Second monitoring mission observer", password, Role.OBSERVER, null));
        });
        Viewer observer2 = new Viewer(second.id(), second.email(), second.displayName(), second.role(), second.partyId());
        if (mediator == null || observer1 == null) {
            return credentials;
        }
        // The mission's two observers serve the process, each in a team.
        observers.add(pid, new Observers.NewMember(observer1.accountId(), null, "Team East"), mediator);
        observers.add(pid, new Observers.NewMember(observer2.accountId(), null, "Team South"), mediator);
        Party ru = party(pid, "RU");
        Party ua = party(pid, "UA");
        Milestone milestone = roadmap.milestones(pid).stream().filter(m -> m.title().equals(CEASEFIRE_MILESTONE)).findFirst().orElse(null);

        Instant now = clock.instant();
        Instant processStart = process.startDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        // A general ceasefire covers every use of force, also a category added later (below).
        monitoring.defineCeasefire(pid, new NewCeasefire("General ceasefire", milestone == null ? null : milestone.id(),
                processStart.plus(Duration.ofDays(7)), null, Geography.COUNTRY, null, null, List.of(), true), mediator);
        monitoring.defineCeasefire(pid, new NewCeasefire("Energy infrastructure moratorium", milestone == null ? null : milestone.id(),
                processStart, null, Geography.COUNTRY, null, null, List.of(Category.ENERGY_INFRASTRUCTURE_STRIKE.name())), mediator);
        // A maritime ceasefire: strikes at sea in the north-western Black Sea, between Odesa and Crimea.
        monitoring.defineCeasefire(pid, new NewCeasefire("Black Sea maritime ceasefire", milestone == null ? null : milestone.id(), processStart, null,
                Geography.POLYGON, List.of(List.of(30.0, 45.2), List.of(31.0, 46.2), List.of(32.2, 46.0), List.of(33.0, 45.3), List.of(32.5, 44.6),
                List.of(30.5, 44.6), List.of(30.0, 45.2)), null, List.of(Category.MISSILE_STRIKE.name(), Category.DRONE_STRIKE.name(),
                Category.AIRSTRIKE.name(), Category.EXPLOSION.name())), mediator);

        // Before the ceasefire: the baseline.
        for (int d = 27; d >= 8; d -= 2) {
            Instant t = now.minus(Duration.ofDays(d)).minus(Duration.ofHours(d % 5));
            monitoring.submit(pid, report("demo-base-" + d, t, 48.30 + d * 0.01, 37.90 + d * 0.01, Category.SHELLING,
                    "Outgoing artillery fire heard to the east, several rounds."), observer1);
        }
        // Corroborated by two observers, verified and attributed: a violation.
        Event shelling = pair(pid, observer1, observer2, "demo-horlivka", now.minus(Duration.ofDays(3)).minus(Duration.ofHours(5)),
                48.3336, 38.0925, Category.SHELLING, "Twelve impacts of 122 mm artillery in a residential area, from the north-west.",
                "Impacts heard and seen from the observation post; craters found the next morning.");
        monitoring.decide(pid, shelling.id(), new Decision(EventState.VERIFIED,
                "Crater analysis on site: 122 mm rounds fired from the north-west, from positions held by the attributed party.", ru.id()), observer1);
        Event energy = pair(pid, observer1, observer2, "demo-zaporizhzhia", now.minus(Duration.ofDays(2)).minus(Duration.ofHours(2)),
                47.8388, 35.1396, Category.ENERGY_INFRASTRUCTURE_STRIKE, "A drone hit the substation; power is out in two districts.",
                "Fire at the substation after an explosion; the operator confirms the damage.");
        monitoring.decide(pid, energy.id(), new Decision(EventState.VERIFIED,
                "Remnants of a one-way attack drone identified on site; launch direction from the south-east.", ru.id()), mediator);
        Event smallArms = pair(pid, observer1, observer2, "demo-krasnohorivka", now.minus(Duration.ofDays(1)).minus(Duration.ofHours(7)),
                47.9870, 37.5110, Category.SMALL_ARMS_FIRE, "Bursts of small-arms fire for about ten minutes.",
                "Heavy machine-gun fire from the line of contact, direction unclear.");
        monitoring.decide(pid, smallArms.id(), new Decision(EventState.VERIFIED,
                "Heard by two patrols; origin could not be determined, so it is not attributed.", null), observer2);
        Event refuted = pair(pid, observer1, observer2, "demo-kherson", now.minus(Duration.ofDays(4)), 46.6354, 32.6169, Category.EXPLOSION,
                "A loud explosion near the port.", "Explosion heard near the river port.");
        monitoring.decide(pid, refuted.id(), new Decision(EventState.REFUTED,
                "A controlled demolition of unexploded ordnance by the de-mining service, announced in advance.", null), mediator);
        monitoring.submit(pid, report("demo-single-1", now.minus(Duration.ofHours(9)), 47.0950, 37.5430, Category.DRONE_STRIKE,
                "A drone seen and heard, followed by an explosion; not yet confirmed by another patrol."), observer2);
        // A category the mission added: grouped with small-arms fire, a use of force.
        Category sniper = categories.add(pid, new Categories.NewCategory(null, "Sniper fire", "Снайперський вогонь", "Снайперский огонь",
                "SMALL_ARMS", true, null, null), mediator);
        monitoring.submit(pid, new NewReport("demo-sniper-1", null, now.minus(Duration.ofHours(30)), null, 48.0150, 37.7650, 200, null, null, null,
                sniper.name(), 3, "north-east", 600, "Rifle", null, null, null, null, null, null, null, "MEDIUM",
                "Three single shots at the checkpoint from the tree line to the north-east.", "en"), observer1);

        // Claims: the Ukrainian delegation's is still claimed; the Russian one has been refuted by observers (now public).
        Viewer delegateUa = viewer("delegate.ua@demo.parley");
        Viewer delegateRu = viewer("delegate.ru@demo.parley");
        if (delegateUa != null && delegateRu != null) {
            monitoring.fileClaim(pid, new NewClaim(now.minus(Duration.ofHours(20)), null, 47.5660, 37.9650, Category.SHELLING.name(), ru.id(),
                    "Shelling of the village with multiple rocket launchers in the early morning.", "Photos of the impact sites, reference UA-2025-117."),
                    delegateUa);
            var claim = monitoring.fileClaim(pid, new NewClaim(now.minus(Duration.ofDays(5)), null, 48.5079, 38.0450, Category.DRONE_STRIKE.name(), ua.id(),
                    "A drone strike on a supply convoy.", "Video recording, reference RU-2025-042."), delegateRu);
            monitoring.decideClaim(pid, claim.id(), new ClaimDecision(ClaimStatus.REFUTED,
                    "No trace of a strike at the stated place and time; the patrol was in the area that day.", null), observer1);
        }
        // Withdrawal: declared holdings, zones along the contact line, and what observers saw.
        if (delegateUa != null && delegateRu != null) {
            List<List<Double>> line = List.of(List.of(36.9, 50.3), List.of(37.6, 49.6), List.of(38.1, 48.9), List.of(37.9, 48.1),
                    List.of(37.3, 47.7), List.of(36.0, 47.5), List.of(35.0, 47.4), List.of(33.6, 46.9), List.of(32.8, 46.6));
            Instant zonesFrom = processStart.plus(Duration.ofDays(7));
            withdrawals.defineZone(pid, new Withdrawals.NewZone("Artillery of 100 mm and more: 50 km from the line", WeaponClass.ARTILLERY_100MM_PLUS,
                    line, 50.0, zonesFrom), mediator);
            withdrawals.defineZone(pid, new Withdrawals.NewZone("Multiple rocket launchers: 70 km from the line", WeaponClass.MLRS, line, 70.0, zonesFrom),
                    mediator);
            var uaSite = withdrawals.declareSite(pid, new Withdrawals.NewSite("Storage site North-1", WeaponClass.MLRS, 12, 48.45, 35.05), delegateUa);
            withdrawals.declareSite(pid, new Withdrawals.NewSite("Depot East-4", WeaponClass.ARTILLERY_100MM_PLUS, 24, 47.95, 39.30), delegateRu);
            withdrawals.recordSighting(pid, new Withdrawals.NewSighting(WeaponClass.MLRS, 12, 48.45, 35.05, now.minus(Duration.ofDays(2)), uaSite.id(),
                    null, "All twelve launchers present and sealed."), observer1);
            withdrawals.recordSighting(pid, new Withdrawals.NewSighting(WeaponClass.ARTILLERY_100MM_PLUS, 2, 48.05, 38.25,
                    now.minus(Duration.ofDays(1)), null, ru.id(), "Two towed 152 mm howitzers in firing positions."), observer2);
        }
        return credentials;
    }

    private Event pair(long pid, Viewer a, Viewer b, String id, Instant t, double lat, double lon, Category category, String textA, String textB) {
        monitoring.submit(pid, report(id + "-a", t, lat, lon, category, textA), a);
        var second = monitoring.submit(pid, report(id + "-b", t.plus(Duration.ofMinutes(8)), lat + 0.004, lon - 0.003, category, textB), b);
        return monitoring.event(pid, second.report().eventId(), a);
    }

    private static NewReport report(String clientId, Instant t, double lat, double lon, Category category, String text) {
        return NewReport.of(clientId, t, lat, lon, category, text);
    }

    private Party party(long pid, String shortName) {
        return processes.parties(pid).stream().filter(p -> p.shortName().equals(shortName)).findFirst().orElseThrow();
    }

    private Viewer viewer(String email) {
        return accounts.findByEmail(email).map(a -> new Viewer(a.id(), a.email(), a.displayName(), a.role(), a.partyId())).orElse(null);
    }
}
