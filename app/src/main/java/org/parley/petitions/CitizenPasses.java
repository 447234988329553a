package org.parley.petitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.TooManyRequestsException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How citizens without an account prove an email before they post in a forum, register for a hearing or give
 * feedback: the same checks as a signature (well-formed, not disposable, not blocked in the process), a link
 * mailed through the outbox that opens a page with a POST button (mail scanners open GET links), and then a
 * pass, a random token kept in the citizen's browser or API client, stored here only as its SHA-256.
 */
@Service
@Transactional(readOnly = true)
public class CitizenPasses {

    /** The header API clients send their pass in. */
    public static final String HEADER = "X-Citizen-Pass";

    static final Duration LINK_VALID = Duration.ofHours(24);
    static final Duration PASS_VALID = Duration.ofDays(30);
    static final int PER_IP_PER_HOUR = 10;
    static final int PER_EMAIL_PER_HOUR = 5;
    private static final Pattern LOCAL_PATH = Pattern.compile("/processes/\\d+(/[A-Za-z0-9_\\-/]*)?(\\?[A-Za-z0-9_=&\\-]*)?(#[A-Za-z0-9_\\-]*)?");

    /** A pass just issued: the raw token (shown to its holder once), whose it is, and where the citizen came from. */
    public record Issued(String pass, Citizen citizen, Instant expiresAt, String returnTo) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Petitions petitions;
    private final PetitionStore store;
    private final Outbox outbox;
    private final PetitionLinks links;
    private final MessageSource messages;
    private final Clock clock;

    CitizenPasses(JdbcClient jdbc, Processes processes, Petitions petitions, PetitionStore store, Outbox outbox, PetitionLinks links,
                  MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.petitions = petitions;
        this.store = store;
        this.outbox = outbox;
        this.links = links;
        this.messages = messages;
        this.clock = clock;
    }

    /** Mails a link that proves {@code email}; {@code returnTo} (a local page) is where the confirmed citizen goes back to. */
    @Transactional
    public void request(long processId, String name, String email, String returnTo, String ip) {
        var process = processes.get(processId);
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            problems.add(new FieldProblem("name", "citizens.pass.name.invalid"));
        }
        var valid = EmailAddresses.valid(email);
        if (valid.isEmpty()) {
            problems.add(new FieldProblem("email", "petitions.email.invalid"));
        } else {
            String domain = EmailAddresses.domain(valid.get());
            if (petitions.disposable(domain)) {
                problems.add(new FieldProblem("email", "petitions.email.disposable"));
            } else if (store.blocked(processId, Block.Kind.DOMAIN, domain)
                    || store.blocked(processId, Block.Kind.EMAIL, EmailAddresses.normalise(valid.get()))) {
                problems.add(new FieldProblem("email", "petitions.email.blocked"));
            } else if (ip != null && store.blocked(processId, Block.Kind.IP, ip)) {
                problems.add(new FieldProblem("email", "petitions.ip.blocked"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String address = valid.get();
        String norm = EmailAddresses.normalise(address);
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        String source = ip == null ? "" : ip;
        if (recent(processId, "ip", source, hourAgo) >= PER_IP_PER_HOUR || recent(processId, "email_norm", norm, hourAgo) >= PER_EMAIL_PER_HOUR) {
            throw new TooManyRequestsException("citizens.pass.rateLimited");
        }
        String token = Petitions.newToken();
        String back = returnTo != null && LOCAL_PATH.matcher(returnTo).matches() ? returnTo : null;
        jdbc.sql("""
                INSERT INTO citizen_pass (process_id, name, email, email_norm, link_token_hash, return_to, ip, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processId, cleanName, address, norm, Petitions.sha256(token), back, source, PetitionStore.odt(now)).update();
        outbox.enqueue(processId, address, text("citizens.pass.mail.subject", process.name()),
                text("citizens.pass.mail.body", cleanName, process.name(), links.absolute("/citizens/pass?t=" + token)));
    }

    /** Links asked for in this process from one address (or for one email) since a moment, counted no further than needed. */
    private int recent(long processId, String column, String value, Instant since) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM citizen_pass WHERE process_id = ? AND " + column + " = ? AND created_at >= ? LIMIT 50) r")
                .params(processId, value, PetitionStore.odt(since)).query(Integer.class).single();
    }

    /** Whether a mailed link is still waiting to be confirmed (the confirmation page shows its button only then). */
    public boolean pending(String linkToken) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM citizen_pass WHERE link_token_hash = ? AND confirmed_at IS NULL)")
                .param(Petitions.sha256(linkToken == null ? "" : linkToken)).query(Boolean.class).single();
    }

    /** Confirms a mailed link and issues a pass. A link works once and for a day: a replay gets a clear refusal. */
    @Transactional
    public Issued confirm(String linkToken) {
        record Row(long id, long processId, String name, String email, String norm, String returnTo, Instant createdAt, Instant confirmedAt) {
        }
        Row row = jdbc.sql("SELECT * FROM citizen_pass WHERE link_token_hash = ? FOR UPDATE")
                .param(Petitions.sha256(linkToken == null ? "" : linkToken))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("process_id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("email_norm"), rs.getString("return_to"), PetitionStore.instant(rs, "created_at"),
                        PetitionStore.instant(rs, "confirmed_at"))).optional()
                .orElseThrow(() -> new NotFoundException("citizen link", "?"));
        Instant now = clock.instant();
        if (row.confirmedAt() != null) {
            throw new ConflictException("citizens.pass.linkUsed");
        }
        if (now.isAfter(row.createdAt().plus(LINK_VALID))) {
            throw new ConflictException("citizens.pass.linkExpired");
        }
        String pass = Petitions.newToken();
        Instant expires = now.plus(PASS_VALID);
        jdbc.sql("UPDATE citizen_pass SET pass_token_hash = ?, confirmed_at = ?, expires_at = ? WHERE id = ?")
                .params(Petitions.sha256(pass), PetitionStore.odt(now), PetitionStore.odt(expires), row.id()).update();
        return new Issued(pass, new Citizen(row.id(), row.processId(), row.name(), row.email(), row.norm()), expires, row.returnTo());
    }

    /** The citizen holding this pass in this process, if the pass is valid. */
    public Optional<Citizen> find(long processId, String pass) {
        if (pass == null || pass.isBlank() || pass.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT * FROM citizen_pass WHERE pass_token_hash = ? AND process_id = ? AND revoked_at IS NULL AND expires_at > ?""")
                .params(Petitions.sha256(pass), processId, PetitionStore.odt(clock.instant()))
                .query((rs, n) -> new Citizen(rs.getLong("id"), rs.getLong("process_id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("email_norm"))).optional();
    }

    /**
     * The citizen holding this pass, or a 400 on the pass (header) with a message that says how to get one:
     * a missing pass is a missing part of the request, not a refusal, as the endpoint is open to everyone.
     */
    public Citizen require(long processId, String pass) {
        return find(processId, pass).orElseThrow(() -> new InvalidInputException(HEADER, "citizens.pass.required"));
    }

    /**
     * Who is acting: the signed-in account if there is one, else the citizen holding {@code pass}; a 400 with a
     * message that says how to take part when there is neither.
     */
    public Participant participant(long processId, Viewer viewer, String pass) {
        return viewer.isAnonymous() ? Participant.of(require(processId, pass)) : Participant.of(viewer);
    }

    /** Ends a pass (the citizen's "forget me on this device"). */
    @Transactional
    public void revoke(String pass) {
        if (pass != null) {
            jdbc.sql("UPDATE citizen_pass SET revoked_at = ? WHERE pass_token_hash = ? AND revoked_at IS NULL")
                    .params(PetitionStore.odt(clock.instant()), Petitions.sha256(pass)).update();
        }
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
