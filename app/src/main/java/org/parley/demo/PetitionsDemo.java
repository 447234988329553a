package org.parley.demo;

import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.petitions.Mail;
import org.parley.petitions.Moderation;
import org.parley.petitions.NewPetition;
import org.parley.petitions.NewSignature;
import org.parley.petitions.Petitions;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
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
 * A demo petition in the demo process, loaded once as citizens would make it: a citizen creates it and
 * follows the emailed link, supporters sign and follow theirs, and the mediator publishes it.
 */
@Component
@Order(20)
class PetitionsDemo implements ApplicationRunner {

    static final String MARKER = "demo.petitions.loaded";
    private static final long LOCK = 0x5041524c4559L; // DemoLoader's lock
    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");
    private static final Logger log = LoggerFactory.getLogger(PetitionsDemo.class);

    private final boolean enabled;
    private final Petitions petitions;
    private final Processes processes;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    PetitionsDemo(@Value("${parley.demo.enabled:true}") boolean enabled, Petitions petitions, Processes processes, Accounts accounts,
                  JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.enabled = enabled;
        this.petitions = petitions;
        this.processes = processes;
        this.accounts = accounts;
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
            Process process = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).findFirst().orElse(null);
            var mediator = accounts.findByEmail("mediator@demo.parley").orElse(null);
            if (process == null || mediator == null) {
                return false;
            }
            load(process, new Viewer(mediator.id(), mediator.email(), mediator.displayName(), Role.MEDIATOR, null));
            jdbc.sql("INSERT INTO installation_setting (setting_key, value) VALUES (?, ?)").params(MARKER, LocalDate.now(clock).toString()).update();
            return true;
        });
        if (Boolean.TRUE.equals(loaded)) {
            log.info("Loaded the demo petition");
        }
    }

    private void load(Process process, Viewer mediator) {
        long pid = process.id();
        List<Long> parties = processes.parties(pid).stream().filter(p -> List.of("RU", "UA").contains(p.shortName())).map(Party::id).toList();
        long id = petitions.create(pid, new NewPetition("Open safe corridors for civilians in frontline towns",
                """
                We ask the parties to agree, within the ceasefire talks, on safe corridors and local pauses so that civilians \
                can leave frontline towns and aid can reach those who stay.

                The corridors should be monitored by the international observers and announced in advance in Ukrainian, \
                Russian and English.""",
                "Olena K.", "olena.k@example.org", true, parties, "en"), "192.0.2.10");
        petitions.confirmCreation(lastToken(pid, mediator, "olena.k@example.org"));
        String[][] supporters = {
                {"Taras M.", "taras.m@example.org", "Kharkiv Oblast"}, {"Iryna S.", "iryna.s@example.org", "Kyiv"},
                {"Mykola D.", "mykola.d@example.org", "Zaporizhzhia Oblast"}, {"Anna P.", "anna.p@example.org", "Odesa Oblast"},
                {"Sergei V.", "sergei.v@example.org", "Russia"}, {"John R.", "john.r@example.org", "United States"},
                {"Oksana L.", "oksana.l@example.org", "Kharkiv Oblast"}};
        int i = 0;
        for (String[] s : supporters) {
            petitions.sign(pid, id, new NewSignature(s[0], s[1], s[2], true), "198.51.100." + (10 + i++));
            petitions.confirmSignature(lastToken(pid, mediator, s[1]));
            if (i == 5) {
                petitions.moderate(pid, id, new Moderation(true, null), mediator);
            }
        }
    }

    /** The token in the newest mail to this address, as the recipient would follow it. */
    private String lastToken(long pid, Viewer mediator, String recipient) {
        Mail mail = petitions.outbox(pid, mediator).stream().filter(m -> m.recipient().equals(recipient)).findFirst().orElseThrow();
        Matcher m = TOKEN.matcher(mail.body());
        if (!m.find()) {
            throw new IllegalStateException("no link in the demo mail");
        }
        return m.group(1);
    }
}
