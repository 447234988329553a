package org.parley.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.platform.Accounts;
import org.parley.platform.Accounts.Account;
import org.parley.platform.Accounts.NewAccount;
import org.parley.platform.GeneratedPassword;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.NewParty;
import org.parley.process.NewProcess;
import org.parley.process.NewSession;
import org.parley.process.NewTrack;
import org.parley.process.Party;
import org.parley.process.PartyKind;
import org.parley.process.PartyRole;
import org.parley.process.Process;
import org.parley.process.ProcessStatus;
import org.parley.process.Processes;
import org.parley.process.SessionOutcome;
import org.parley.process.Track;
import org.parley.process.Visibility;
import org.parley.roadmap.DueKind;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.NewMilestone;
import org.parley.roadmap.OffsetUnit;
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
 * Loads the plan's process once: its parties, its three key elements as tracks, its milestone table and
 * an account for every role. Runs in one transaction under an advisory lock, so two nodes starting
 * together load it once, and a failure leaves nothing half-loaded.
 */
@Component
@Order(10)
class DemoLoader implements ApplicationRunner {

    static final String MARKER = "demo.loaded";
    private static final long LOCK = 0x5041524c4559L; // "PARLEY"
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final boolean enabled;
    private final String fixedPassword;
    private final Accounts accounts;
    private final Processes processes;
    private final Roadmap roadmap;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoLoader(@Value("${parley.demo.enabled:true}") boolean enabled, @Value("${parley.demo.password:}") String fixedPassword,
               Accounts accounts, Processes processes, Roadmap roadmap, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.enabled = enabled;
        this.fixedPassword = fixedPassword;
        this.accounts = accounts;
        this.processes = processes;
        this.roadmap = roadmap;
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
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM installation_setting WHERE setting_key = ?)").param(MARKER)
                    .query(Boolean.class).single()) {
                return null;
            }
            Map<String, String> credentials = load();
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(MARKER, LocalDate.now(clock).toString()).update();
            return credentials;
        });
        if (printed != null) {
            StringBuilder sb = new StringBuilder("\n  Demo process loaded. Demo accounts (passwords shown once):\n");
            printed.forEach((email, password) -> sb.append("    %-36s %s%n".formatted(email, password)));
            System.out.println(sb);
            log.info("Loaded the demo process with {} accounts", printed.size());
        }
    }

    private Map<String, String> load() {
        Map<String, String> credentials = new LinkedHashMap<>();
        Account mediator = account(credentials, "mediator@demo.parley", "Amina Haddad (mediator)", Role.MEDIATOR, null);
        Viewer asMediator = new Viewer(mediator.id(), mediator.email(), mediator.displayName(), Role.MEDIATOR, null);

        LocalDate d0 = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(14);
        Process process = processes.create(new NewProcess(
                "Dialogue on ending the war in Ukraine",
                "The United States and the Russian Federation explore mutual opportunities to end the war in Ukraine, "
                        + "with Ukraine at the table, a neutral mediator, UN agencies and the public involved. Key elements: "
                        + "military de-escalation, humanitarian assistance and economic cooperation.",
                d0, ProcessStatus.ACTIVE, List.of("en", "uk", "ru")), asMediator);
        long pid = process.id();
        accounts.all().stream().filter(a -> a.role() == Role.MEDIATOR && a.id() != mediator.id())
                .forEach(a -> processes.addMediator(pid, a.id(), asMediator));

        Party us = party(pid, asMediator, PartyKind.STATE, PartyRole.GUARANTOR, "US", "United States of America",
                "Сполучені Штати Америки", "Соединённые Штаты Америки");
        Party ru = party(pid, asMediator, PartyKind.STATE, PartyRole.CONFLICT_PARTY, "RU", "Russian Federation",
                "Російська Федерація", "Российская Федерация");
        Party ua = party(pid, asMediator, PartyKind.STATE, PartyRole.CONFLICT_PARTY, "UA", "Ukraine", "Україна", "Украина");
        Party ocha = party(pid, asMediator, PartyKind.UN_AGENCY, PartyRole.HUMANITARIAN_AGENCY, "OCHA",
                "UN Office for the Coordination of Humanitarian Affairs", "Управління ООН з координації гуманітарних справ",
                "Управление ООН по координации гуманитарных вопросов");
        Party unhcr = party(pid, asMediator, PartyKind.UN_AGENCY, PartyRole.HUMANITARIAN_AGENCY, "UNHCR",
                "UN Refugee Agency", "Агентство ООН у справах біженців", "Агентство ООН по делам беженцев");
        Party neutral = party(pid, asMediator, PartyKind.INTERNATIONAL_ORGANISATION, PartyRole.MEDIATOR, "MED",
                "Neutral mediation team", "Нейтральна посередницька група", "Нейтральная посредническая группа");
        Party monitors = party(pid, asMediator, PartyKind.INTERNATIONAL_ORGANISATION, PartyRole.OBSERVER_MISSION, "IMM",
                "International monitoring mission", "Міжнародна моніторингова місія", "Международная мониторинговая миссия");

        account(credentials, "delegate.us@demo.parley", "US delegation", Role.DELEGATE, us.id());
        account(credentials, "delegate.ru@demo.parley", "Russian delegation", Role.DELEGATE, ru.id());
        account(credentials, "delegate.ua@demo.parley", "Ukrainian delegation", Role.DELEGATE, ua.id());
        account(credentials, "observer@demo.parley", "Monitoring mission observer", Role.OBSERVER, null);
        account(credentials, "humanitarian@demo.parley", "OCHA humanitarian officer", Role.HUMANITARIAN, null);
        account(credentials, "analyst@demo.parley", "Analyst", Role.ANALYST, null);

        Track military = processes.addTrack(pid, new NewTrack("Military de-escalation",
                "Reducing troop presence and military engagements along Ukraine's borders, watched by international observers.",
                mediator.id(), List.of(us.id(), ru.id(), ua.id(), monitors.id())), asMediator);
        Track humanitarian = processes.addTrack(pid, new NewTrack("Humanitarian assistance",
                "Joint efforts to facilitate humanitarian aid deliveries to affected regions in Ukraine.",
                mediator.id(), List.of(us.id(), ru.id(), ua.id(), ocha.id(), unhcr.id())), asMediator);
        Track economic = processes.addTrack(pid, new NewTrack("Economic cooperation",
                "Avenues for economic collaboration that could help stabilise the situation: energy, infrastructure, reconstruction.",
                mediator.id(), List.of(us.id(), ru.id(), ua.id())), asMediator);

        Milestone ceasefire = roadmap.create(pid, new NewMilestone("Initial ceasefire agreement",
                "A ceasefire agreed by the parties to the conflict and the United States, with monitoring by international observers.",
                military.id(), DueKind.AFTER_START, null, 2, OffsetUnit.MONTHS, null,
                List.of(us.id(), ru.id(), ua.id()), List.of()), asMediator);
        Milestone aid = roadmap.create(pid, new NewMilestone("Humanitarian aid framework",
                "A framework between the United States, the Russian Federation and UN agencies for aid deliveries, corridors and exchanges.",
                humanitarian.id(), DueKind.AFTER_START, null, 3, OffsetUnit.MONTHS, null,
                List.of(us.id(), ru.id(), ocha.id(), unhcr.id()), List.of(ceasefire.id())), asMediator);
        List<Long> everyone = new ArrayList<>(List.of(us.id(), ru.id(), ua.id(), ocha.id(), unhcr.id(), neutral.id(), monitors.id()));
        roadmap.create(pid, new NewMilestone("Comprehensive peace talks",
                "Talks among all involved parties on a comprehensive settlement, building on the ceasefire and the aid framework.",
                null, DueKind.AFTER_START, null, 6, OffsetUnit.MONTHS, null, everyone, List.of(ceasefire.id(), aid.id())), asMediator);

        var opening = processes.addSession(pid, new NewSession(military.id(), "Opening session on de-escalation",
                d0.plusDays(3).atTime(10, 0).toInstant(ZoneOffset.UTC), d0.plusDays(3).atTime(16, 0).toInstant(ZoneOffset.UTC),
                "Geneva, Palais des Nations", null,
                List.of("Rules of procedure", "Scope of an initial ceasefire", "Role of international observers"),
                Visibility.PUBLIC), asMediator);
        processes.recordOutcome(pid, opening.id(), new SessionOutcome(
                List.of(new SessionOutcome.AttendanceLine(us.id(), "Head of delegation and two advisers"),
                        new SessionOutcome.AttendanceLine(ru.id(), "Head of delegation and two advisers"),
                        new SessionOutcome.AttendanceLine(ua.id(), "Head of delegation and three advisers")),
                "The parties agreed on rules of procedure and asked the mediator to circulate a first draft of ceasefire terms.",
                "Summary minutes: the mediator opened the session; each delegation set out its priorities; observers' role discussed.",
                Visibility.PUBLIC,
                List.of(new SessionOutcome.ActionLine("Circulate a first draft of ceasefire terms", neutral.id(), d0.plusDays(10)))),
                asMediator);
        processes.addSession(pid, new NewSession(humanitarian.id(), "Humanitarian access working group",
                d0.plusDays(20).atTime(9, 0).toInstant(ZoneOffset.UTC), null, null, "https://meet.example.org/humanitarian",
                List.of("Needs assessment from OCHA", "Corridors and notification procedure"), Visibility.PARTIES), asMediator);
        processes.addSession(pid, new NewSession(economic.id(), "Energy sector collaboration",
                d0.plusDays(35).atTime(9, 0).toInstant(ZoneOffset.UTC), null, "Istanbul", null,
                List.of("Energy infrastructure protection", "Joint investments in critical infrastructure"), Visibility.MEDIATOR), asMediator);
        return credentials;
    }

    private Party party(long pid, Viewer mediator, PartyKind kind, PartyRole role, String shortName, String en, String uk, String ru) {
        return processes.addParty(pid, new NewParty(kind, role, shortName, en, uk, ru), mediator);
    }

    private Account account(Map<String, String> credentials, String email, String name, Role role, Long partyId) {
        String password = fixedPassword == null || fixedPassword.isBlank() ? GeneratedPassword.next() : fixedPassword;
        credentials.put(email, password);
        return accounts.create(new NewAccount(email, name, password, role, partyId));
    }
}
