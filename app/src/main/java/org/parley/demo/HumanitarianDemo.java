package org.parley.demo;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.parley.humanitarian.ActivityStatus;
import org.parley.humanitarian.Corridors;
import org.parley.humanitarian.CorridorPurpose;
import org.parley.humanitarian.Deliveries;
import org.parley.humanitarian.ExchangeKind;
import org.parley.humanitarian.Exchanges;
import org.parley.humanitarian.Funding;
import org.parley.humanitarian.FundingFlow;
import org.parley.humanitarian.GrainVoyages;
import org.parley.humanitarian.Humanitarian;
import org.parley.humanitarian.OrganisationKind;
import org.parley.humanitarian.Sector;
import org.parley.platform.Accounts;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
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
 * Humanitarian demo data for the plan's process, once, entered through the feature's services as the demo
 * agency, mediator and delegates would: organisations, illustrative needs and 4W activities, a convoy notified
 * to the parties, two corridors (one whose window saw a verified strike near its route), a prisoner exchange
 * with one round, funding flows, and (when the shared real data is found next to the installation) the
 * PeaceRep corridors of 2022 and the Black Sea Grain Initiative voyages.
 */
@Component
@Order(20)
class HumanitarianDemo implements ApplicationRunner {

    static final String MARKER = "demo.humanitarian.loaded";
    private static final long LOCK = 0x5041524c4559L; // DemoLoader's lock
    private static final String PROCESS = "Dialogue on ending the war in Ukraine";
    private static final Logger log = LoggerFactory.getLogger(HumanitarianDemo.class);

    private final boolean enabled;
    private final String dataDir;
    private final Accounts accounts;
    private final Processes processes;
    private final Humanitarian humanitarian;
    private final Deliveries deliveries;
    private final Corridors corridors;
    private final GrainVoyages grain;
    private final Exchanges exchanges;
    private final Funding funding;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    HumanitarianDemo(@Value("${parley.demo.enabled:true}") boolean enabled, @Value("${parley.humanitarian.real-data:}") String dataDir,
                     Accounts accounts, Processes processes, Humanitarian humanitarian, Deliveries deliveries, Corridors corridors,
                     GrainVoyages grain, Exchanges exchanges, Funding funding, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.enabled = enabled;
        this.dataDir = dataDir;
        this.accounts = accounts;
        this.processes = processes;
        this.humanitarian = humanitarian;
        this.deliveries = deliveries;
        this.corridors = corridors;
        this.grain = grain;
        this.exchanges = exchanges;
        this.funding = funding;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Boolean loaded = tx.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM installation_setting WHERE setting_key = ?)").param(MARKER).query(Boolean.class).single()) {
                return false;
            }
            Optional<Process> process = processes.all().stream().filter(p -> p.name().equals(PROCESS)).findFirst();
            if (process.isEmpty()) {
                return false;
            }
            load(process.get().id());
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(MARKER, LocalDate.now(clock).toString()).update();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded the humanitarian demo data");
        }
    }

    private Viewer viewer(String email) {
        Accounts.Account a = accounts.findByEmail(email).orElseThrow(() -> new IllegalStateException("no demo account " + email));
        return new Viewer(a.id(), a.email(), a.displayName(), a.role(), a.partyId());
    }

    private void load(long pid) {
        Viewer agency = viewer("humanitarian@demo.parley");
        Viewer mediator = viewer("mediator@demo.parley");
        Viewer ua = viewer("delegate.ua@demo.parley");
        Map<String, Long> party = processes.parties(pid).stream().collect(Collectors.toMap(Party::shortName, Party::id));

        var ocha = humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("OCHA", "UN Office for the Coordination of Humanitarian Affairs", OrganisationKind.UN_AGENCY), agency);
        var wfp = humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("WFP", "World Food Programme", OrganisationKind.UN_AGENCY), agency);
        var who = humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("WHO", "World Health Organization", OrganisationKind.UN_AGENCY), agency);
        var unhcr = humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("UNHCR", "UN Refugee Agency", OrganisationKind.UN_AGENCY), agency);
        var icrc = humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("ICRC", "International Committee of the Red Cross", OrganisationKind.RED_CROSS), agency);
        humanitarian.addOrganisation(pid, new Humanitarian.NewOrganisation("PIN", "People in Need", OrganisationKind.NGO), agency);

        // Illustrative planning figures for the demo, not published ones.
        LocalDate year = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfYear(1);
        LocalDate end = year.plusYears(1).minusDays(1);
        String source = "Demo figures (illustrative)";
        Object[][] needs = {
                {"UA14", Sector.FOOD_SECURITY, 1_200_000L, 900_000L}, {"UA14", Sector.HEALTH, 1_000_000L, 700_000L},
                {"UA63", Sector.FOOD_SECURITY, 800_000L, 600_000L}, {"UA63", Sector.SHELTER_NFI, 400_000L, 300_000L},
                {"UA23", Sector.FOOD_SECURITY, 500_000L, 400_000L}, {"UA65", Sector.WASH, 350_000L, 250_000L},
                {"UA48", Sector.WASH, 200_000L, 150_000L}, {"UA12", Sector.SHELTER_NFI, 300_000L, 200_000L}};
        for (Object[] n : needs) {
            humanitarian.addNeed(pid, new Humanitarian.NewNeed((String) n[0], (Sector) n[1], (Long) n[2], (Long) n[3], year, end, source), agency);
        }
        Object[][] acts = {
                {wfp.id(), Sector.FOOD_SECURITY, "Monthly food rations", "UA14", 450_000L},
                {who.id(), Sector.HEALTH, "Mobile health clinics", "UA14", 120_000L},
                {wfp.id(), Sector.FOOD_SECURITY, "Bread and food kits", "UA63", 510_000L},
                {unhcr.id(), Sector.SHELTER_NFI, "Emergency shelter repairs", "UA63", 60_000L},
                {wfp.id(), Sector.FOOD_SECURITY, "Food vouchers", "UA23", 150_000L},
                {ocha.id(), Sector.WASH, "Water trucking", "UA65", 90_000L},
                {unhcr.id(), Sector.SHELTER_NFI, "Collective centre winterisation", "UA12", 180_000L}};
        for (Object[] a : acts) {
            humanitarian.addActivity(pid, new Humanitarian.NewActivity((Long) a[0], (Sector) a[1], (String) a[2], (String) a[3], year,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)), null, (Long) a[4], null, null, null, null, ActivityStatus.ONGOING), agency);
        }

        Instant departure = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        var convoy = deliveries.request(pid, new Deliveries.NewDelivery(wfp.id(), "Food convoy to Kharkiv", Sector.FOOD_SECURITY,
                "Dnipro warehouse", "Kharkiv", "UA63", "Dnipro – Krasnohrad – Kharkiv (M-18 / H-31)", 25_000L, departure,
                departure.plus(Duration.ofHours(9)), List.of(new Deliveries.CargoLine("Wheat flour", new BigDecimal("120"), "t"),
                new Deliveries.CargoLine("Family hygiene kits", new BigDecimal("4000"), "kits"))), agency);
        deliveries.notifyParties(pid, convoy.id(), new Deliveries.Notification(party.entrySet().stream()
                .filter(e -> List.of("UA", "RU", "US").contains(e.getKey())).map(Map.Entry::getValue).toList()), agency);

        Instant window = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
        corridors.propose(pid, new Corridors.NewCorridor(CorridorPurpose.EVACUATION_AND_AID, "Huliaipole", "Zaporizhzhia",
                "Huliaipole – Orikhiv – Zaporizhzhia", null, null, null, null, window, window.plus(Duration.ofHours(10)),
                List.of(new Corridors.Point(47.66, 36.26), new Corridors.Point(47.567, 35.785), new Corridors.Point(47.838, 35.139)), 5_000), ua);
        // A pause two days ago whose window covers the strike on Zaporizhzhia's substation that observers verified
        // (MonitoringDemo): its page counts the incident, and it cannot be marked successful without an override.
        Instant pause = clock.instant().minus(Duration.ofDays(2)).minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        corridors.propose(pid, new Corridors.NewCorridor(CorridorPurpose.AID, "Orikhiv", "Zaporizhzhia", "Orikhiv – Komyshuvakha – Zaporizhzhia",
                null, null, null, null, pause, pause.plus(Duration.ofHours(8)),
                List.of(new Corridors.Point(47.567, 35.785), new Corridors.Point(47.700, 35.520), new Corridors.Point(47.838, 35.139)), 3_000), ua);

        if (party.containsKey("UA") && party.containsKey("RU")) {
            var exchange = exchanges.create(pid, new Exchanges.NewExchange(ExchangeKind.PRISONERS_OF_WAR, "All-for-all exchange of prisoners of war",
                    party.get("UA"), party.get("RU"), 500, 500, icrc.id(), null), mediator);
            exchanges.recordRound(pid, exchange.id(), new Exchanges.NewRound(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(3), 95, 95,
                    icrc.id()), agency);
        }
        Object[][] flows = {
                {"European Union", "WFP", FundingFlow.PLEDGE, "50000000"}, {"European Union", "WFP", FundingFlow.COMMITMENT, "40000000"},
                {"European Union", "WFP", FundingFlow.DISBURSEMENT, "25000000"}, {"United States", "UNHCR", FundingFlow.PLEDGE, "30000000"},
                {"United States", "UNHCR", FundingFlow.DISBURSEMENT, "12000000"}, {"Japan", "WHO", FundingFlow.COMMITMENT, "8000000"}};
        for (Object[] f : flows) {
            funding.record(pid, new Funding.NewFlow((String) f[0], (String) f[1], (FundingFlow) f[2], new BigDecimal((String) f[3]), null,
                    year.plusDays(30), "Demo figures (illustrative)"), agency);
        }

        realData("humanitarian-corridors-ukraine-2022.csv").ifPresent(file -> {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var result = corridors.importPeaceRep(pid, r, mediator);
                log.info("Imported {} corridors from {}", result.imported(), file);
            } catch (IOException e) {
                log.warn("Could not read {}: {}", file, e.toString());
            }
        });
        realData("black-sea-grain-initiative-shipments.csv").ifPresent(file -> {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                var result = grain.importShipments(pid, r, agency);
                log.info("Imported {} voyages from {}", result.voyages(), file);
            } catch (IOException e) {
                log.warn("Could not read {}: {}", file, e.toString());
            }
        });
    }

    /** The shared real data: {@code parley.humanitarian.real-data}, or ../shared/data/real seen from the repository or the app module. */
    private Optional<Path> realData(String name) {
        for (String dir : new String[]{dataDir, "../shared/data/real", "../../shared/data/real"}) {
            if (dir != null && !dir.isBlank() && Files.isReadable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        log.info("Real data file {} not found; the humanitarian demo goes without it", name);
        return Optional.empty();
    }
}
