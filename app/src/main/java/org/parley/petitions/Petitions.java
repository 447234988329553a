package org.parley.petitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.platform.database.GroupCommit;
import org.parley.platform.database.GroupCommits;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' petitions. Citizens have no account: a creator and each signer prove their email by a link
 * mailed to them that leads to a page with a POST button (mail scanners open GET links). Tokens are stored
 * only as SHA-256 hashes. Every change is one transaction; a petition's count changes under its row lock,
 * so threshold crossings happen exactly once and tallies see a consistent set. Signing and confirming, the
 * two paths that take a nation's load, are written in group commits: many citizens' requests in one
 * transaction, each answered only after it committed.
 */
@Service
@Transactional(readOnly = true)
public class Petitions {

    static final String SYSTEM = "SYSTEM";
    static final String CITIZEN = "CITIZEN";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PetitionStore store;
    private final Processes processes;
    private final PublicRecord record;
    private final Outbox outbox;
    private final MessageSource messages;
    private final PetitionLinks links;
    private final Clock clock;
    private final Set<String> disposable;
    private final GroupCommit<SignRequest, Void> signing;
    private final GroupCommit<SignatureToken, Boolean> confirming;

    Petitions(PetitionStore store, Processes processes, PublicRecord record, Outbox outbox, MessageSource messages,
              PetitionLinks links, Clock clock, GroupCommits commits) {
        this.store = store;
        this.processes = processes;
        this.record = record;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.clock = clock;
        this.disposable = loadDisposable();
        this.signing = commits.create("petition-signatures", this::writeSignatures);
        this.confirming = commits.create("petition-confirmations", this::writeConfirmations);
    }

    private static Set<String> loadDisposable() {
        try {
            String text = new ClassPathResource("petitions/disposable-domains.txt").getContentAsString(StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean disposable(String domain) {
        return disposable.contains(domain);
    }

    // --- settings

    public PetitionSettings settings(long processId) {
        processes.get(processId);
        return store.settings(processId).orElse(PetitionSettings.DEFAULTS);
    }

    @Transactional
    public PetitionSettings updateSettings(long processId, PetitionSettings s, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        if (s.hearingThreshold() < s.responseThreshold()) {
            throw new InvalidInputException("hearingThreshold", "petitions.settings.hearingBelowResponse");
        }
        store.saveSettings(processId, s);
        return settings(processId);
    }

    // --- petitions

    /** A citizen creates a petition; it waits for the creator to confirm the email. Returns its id. */
    @Transactional
    public long create(long processId, NewPetition p, String ip) {
        processes.get(processId);
        List<FieldProblem> problems = new ArrayList<>();
        String email = checkEmail(processId, p.email(), ip, problems);
        List<Long> parties = p.partyIds() == null ? List.of() : p.partyIds().stream().distinct().toList();
        if (!p.toMediator() && parties.isEmpty()) {
            problems.add(new FieldProblem("partyIds", "petitions.addressee.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        processes.requireParties(processId, "partyIds", parties);
        String language = p.language() != null ? p.language() : language();
        String token = newToken();
        NewPetition clean = new NewPetition(p.title(), p.body(), p.creatorName(), email, p.toMediator(), parties, language);
        long id = store.insert(processId, clean, language, email, sha256(token), clock.instant());
        outbox.enqueue(processId, email, text("petitions.mail.create.subject", p.title().strip()),
                text("petitions.mail.create.body", p.creatorName().strip(), p.title().strip(), links.creation(token)));
        return id;
    }

    /** The creator confirms the email: the petition starts gathering supporters. Replays change nothing. */
    @Transactional
    public Petition confirmCreation(String token) {
        PetitionStore.Row row = store.byCreatorToken(sha256(token == null ? "" : token))
                .orElseThrow(() -> new NotFoundException("petition token", "?"));
        if (row.status() == PetitionStatus.UNCONFIRMED) {
            store.confirmCreation(row.id(), clock.instant());
        }
        return view(store.find(row.id()).orElseThrow());
    }

    /** A petition the creator has not confirmed is known to the mediator only. */
    public Petition get(long processId, long id, Viewer viewer) {
        PetitionStore.Row row = store.find(id).filter(r -> r.processId() == processId)
                .orElseThrow(() -> new NotFoundException("petition", id));
        if (row.status() == PetitionStatus.UNCONFIRMED && !processes.mediates(processId, viewer)) {
            throw new NotFoundException("petition", id);
        }
        return view(row);
    }

    /** Published petitions; a mediator of the process also sees those gathering support, in moderation, or rejected. */
    public List<Petition> list(long processId, Viewer viewer) {
        processes.get(processId);
        return store.list(processId, processes.mediates(processId, viewer)).stream().map(this::view).toList();
    }

    @Transactional
    public Petition moderate(long processId, long id, Moderation m, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        PetitionStore.Row row = locked(processId, id);
        if (row.status() != PetitionStatus.MODERATION && row.status() != PetitionStatus.GATHERING) {
            throw new ConflictException("petitions.moderate.notWaiting");
        }
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(m.publish())) {
            PetitionSettings s = settings(processId);
            if (row.status() == PetitionStatus.GATHERING) {
                throw new ConflictException("petitions.moderate.needsSupporters", s.supportersNeeded());
            }
            store.moderate(id, PetitionStatus.OPEN, null, now, now.plus(Duration.ofDays(s.openDays())));
            record.append(Fact.of("petition.published", processId, subject(id), now, Role.MEDIATOR.name(),
                    data("title", row.title(), "toMediator", row.toMediator(), "parties", row.partyIds(), "signatures", row.signatures())));
            thresholds(store.lock(id).orElseThrow(), s, now);
        } else {
            if (m.reason() == null || m.reason().isBlank()) {
                throw new InvalidInputException("reason", "petitions.moderate.reasonRequired");
            }
            store.moderate(id, PetitionStatus.REJECTED, m.reason().strip(), now, null);
            record.append(Fact.of("petition.rejected", processId, subject(id), now, Role.MEDIATOR.name(),
                    data("title", row.title(), "reason", m.reason().strip())));
        }
        return view(store.find(id).orElseThrow());
    }

    /** A response from the addressed party's delegate, or from a mediator for a petition addressed to the mediator. */
    @Transactional
    public Petition respond(long processId, long id, NewResponse r, Viewer viewer) {
        PetitionStore.Row row = locked(processId, id);
        Long partyId;
        if (viewer.is(Role.DELEGATE) && viewer.partyId() != null && row.partyIds().contains(viewer.partyId())) {
            partyId = viewer.partyId();
        } else if (row.toMediator() && processes.mediates(processId, viewer)) {
            partyId = null;
        } else {
            throw new ForbiddenException("petitions.respond.notAddressed");
        }
        if (!row.status().published()) {
            throw new ConflictException("petitions.respond.notPublished");
        }
        Instant now = clock.instant();
        if (!store.respond(id, partyId, r.body().strip(), viewer.accountId(), now)) {
            throw new ConflictException("petitions.respond.already");
        }
        record.append(Fact.of("petition.responded", processId, subject(id), now, viewer.role().name(),
                data("party", partyId == null ? "mediator" : partyId, "responseSha256", sha256(r.body().strip()),
                        "late", row.responseDueAt() != null && now.isAfter(row.responseDueAt()))));
        return view(store.find(id).orElseThrow());
    }

    // --- signing

    /** One citizen's signature on its way to the batch that writes it: checked in the request, stored with others. */
    record SignRequest(long processId, long petitionId, String name, String region, String email, String norm, String domain,
                       String ip, String subnet, String secret, String secretHash, String linkBase, Locale locale) {
    }

    /**
     * A citizen signs; a confirmation link is mailed. Nothing is counted until it is confirmed. What can be
     * checked without the database is checked here; the rest (the petition, blocks, rate limits, one signature
     * per normalised email) in the batch that writes it, see {@link #writeSignatures}. Returns once committed.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void sign(long processId, long id, NewSignature s, String ip) {
        var valid = EmailAddresses.valid(s.email());
        if (valid.isEmpty()) {
            throw new InvalidInputException("email", "petitions.email.invalid");
        }
        String email = valid.get();
        String domain = EmailAddresses.domain(email);
        if (disposable(domain)) {
            throw new InvalidInputException("email", "petitions.email.disposable");
        }
        String secret = newToken();
        signing.submit(new SignRequest(processId, id, s.name().strip(), s.region().strip(), email, EmailAddresses.normalise(email), domain,
                ip == null ? "" : ip, subnet(ip), secret, sha256(secret), links.signature(""), LocaleContextHolder.getLocale()));
    }

    /**
     * Writes a batch of signatures in one transaction: reads the petitions with their settings and blocks, then the
     * recent signatures per address and /24, once for the whole batch, decides each signature in arrival order
     * (so the rate limits and one-per-email hold inside the batch too), inserts the accepted ones (the unique
     * normalised email decides against every other batch and node) and queues their mail.
     */
    private void writeSignatures(List<GroupCommit.Slot<SignRequest, Void>> batch) {
        Instant now = clock.instant();
        Set<Long> petitionIds = new HashSet<>();
        batch.forEach(b -> petitionIds.add(b.item().petitionId()));
        Set<String> values = new HashSet<>();
        batch.forEach(b -> {
            values.add(b.item().domain());
            values.add(b.item().norm());
            values.add(b.item().ip());
        });
        PetitionStore.SigningContext context = store.signingContext(petitionIds, values, batch.size());
        Map<Long, PetitionStore.Row> rows = context.petitions();
        Map<Long, PetitionSettings> settings = context.settings();
        Set<String> blocked = context.blocked();
        List<PetitionStore.RecentKey> sources = new ArrayList<>();
        for (var b : batch) {
            PetitionStore.Row row = rows.get(b.item().petitionId());
            if (row != null) {
                PetitionSettings ps = settings.getOrDefault(row.processId(), PetitionSettings.DEFAULTS);
                Instant since = now.minus(Duration.ofMinutes(ps.rateWindowMinutes()));
                sources.add(new PetitionStore.RecentKey(row.id(), b.item().ip(), b.item().subnet(), since, ps.rateLimitIp(), ps.rateLimitSubnet()));
            }
        }
        Map<String, Integer> perIp = new HashMap<>();
        Map<String, Integer> perSubnet = new HashMap<>();
        store.recentCounts(sources, perIp, perSubnet);
        Set<String> emails = new HashSet<>();
        List<GroupCommit.Slot<SignRequest, Void>> accepted = new ArrayList<>();
        for (var slot : batch) {
            SignRequest r = slot.item();
            PetitionStore.Row row = rows.get(r.petitionId());
            PetitionSettings ps = row == null ? null : settings.getOrDefault(row.processId(), PetitionSettings.DEFAULTS);
            String ipKey = r.petitionId() + "|" + r.ip();
            String subnetKey = r.petitionId() + "|" + r.subnet();
            if (row == null || row.processId() != r.processId() || row.status() == PetitionStatus.UNCONFIRMED) {
                slot.fail(new NotFoundException("petition", r.petitionId()));
            } else if (!signable(row, now)) {
                slot.fail(new ConflictException("petitions.sign.closed"));
            } else if (blocked.contains(row.processId() + "|DOMAIN|" + r.domain()) || blocked.contains(row.processId() + "|EMAIL|" + r.norm())) {
                slot.fail(new InvalidInputException("email", "petitions.email.blocked"));
            } else if (blocked.contains(row.processId() + "|IP|" + r.ip())) {
                slot.fail(new InvalidInputException("email", "petitions.ip.blocked"));
            } else if (perIp.getOrDefault(ipKey, 0) >= ps.rateLimitIp() || perSubnet.getOrDefault(subnetKey, 0) >= ps.rateLimitSubnet()) {
                slot.fail(new RateLimitedException("petitions.sign.rateLimited"));
            } else if (!emails.add(r.petitionId() + "|" + r.norm())) {
                slot.fail(new InvalidInputException("email", "petitions.sign.duplicate"));
            } else {
                perIp.merge(ipKey, 1, Integer::sum);
                perSubnet.merge(subnetKey, 1, Integer::sum);
                accepted.add(slot);
            }
        }
        // one order for every batch, so two batches never wait on each other's keys in a cycle
        accepted.sort(Comparator.comparingLong((GroupCommit.Slot<SignRequest, Void> s) -> s.item().petitionId())
                .thenComparing(s -> s.item().norm()));
        List<PetitionStore.NewSignatureRow> signatures = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            SignRequest r = accepted.get(i).item();
            signatures.add(newSignatureRow(context.signatureIds()[i], r, rows.get(r.petitionId()).title()));
        }
        Set<Long> inserted = store.insertSignatures(signatures, now);
        List<SignRequest> written = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            var slot = accepted.get(i);
            if (inserted.contains(signatures.get(i).id())) {
                written.add(slot.item());
                slot.done(null);
            } else {
                slot.fail(new InvalidInputException("email", "petitions.sign.duplicate"));
            }
        }
        raiseAlerts(written, settings, perIp, perSubnet, now);
    }

    /** A signature as the batch inserts it under {@code id}, with its confirmation mail worded in the signer's language. */
    private PetitionStore.NewSignatureRow newSignatureRow(long id, SignRequest r, String title) {
        return new PetitionStore.NewSignatureRow(id, r.petitionId(), r.name(), r.email(), r.norm(), r.domain(), r.region(), r.ip(), r.subnet(),
                r.secretHash(), r.processId(), text(r.locale(), "petitions.mail.sign.subject", title),
                text(r.locale(), "petitions.mail.sign.body", r.name(), title, r.linkBase() + SignatureToken.of(id, r.secret())),
                PetitionAlerts.watched(r.domain()));
    }

    /**
     * The moderators' alerts on the addresses and subnets of the signatures this batch wrote that now trend, from the
     * counts read for the rate limits with the batch's own added. (The signatures per watched domain, which the
     * minute's scan adds up, were tallied by the insert: {@link PetitionAlerts}.)
     */
    private void raiseAlerts(List<SignRequest> written, Map<Long, PetitionSettings> settings, Map<String, Integer> perIp,
                             Map<String, Integer> perSubnet, Instant now) {
        Set<String> judged = new HashSet<>();
        for (SignRequest r : written) {
            PetitionSettings ps = settings.getOrDefault(r.processId(), PetitionSettings.DEFAULTS);
            String ipKey = r.petitionId() + "|" + r.ip();
            String subnetKey = r.petitionId() + "|" + r.subnet();
            if (judged.add("IP|" + ipKey)) {
                PetitionAlerts.raiseIfTrending(store, r.petitionId(), Alert.Kind.IP, r.ip(), perIp.get(ipKey), ps, now);
            }
            if (judged.add("SUBNET|" + subnetKey)) {
                PetitionAlerts.raiseIfTrending(store, r.petitionId(), Alert.Kind.SUBNET, r.subnet(), perSubnet.get(subnetKey), ps, now);
            }
        }
    }

    public SignatureView signature(String token) {
        PetitionStore.SignatureRow sig = store.signature(SignatureToken.parse(token))
                .orElseThrow(() -> new NotFoundException("signature token", "?"));
        PetitionStore.Row row = store.find(sig.petitionId()).orElseThrow();
        return new SignatureView(row.processId(), row.id(), row.title(), sig.name(), sig.confirmedAt() != null, sig.withdrawnAt() != null,
                sig.invalidatedAt() != null, signable(row, clock.instant()));
    }

    /**
     * Confirms a signature. A replayed or doubled confirmation counts once: the second finds it confirmed
     * and changes nothing. Returns whether this call was the one that counted it, once committed.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean confirmSignature(String token) {
        return confirming.submit(SignatureToken.parse(token));
    }

    /**
     * Confirms a batch of signatures in one transaction. The batch locks each petition it touches once (in
     * id order, before any signature, as every other change of a petition does), so a petition's count and
     * its thresholds change under its lock once per batch instead of once per confirmation: a crossing
     * still happens exactly once, and a national petition is no longer confirmed one row lock at a time.
     */
    private void writeConfirmations(List<GroupCommit.Slot<SignatureToken, Boolean>> batch) {
        Set<SignatureToken> tokens = new HashSet<>();
        batch.forEach(b -> tokens.add(b.item()));
        Map<SignatureToken, PetitionStore.SignatureRow> sigs = store.signatures(tokens);
        Map<Long, PetitionStore.Row> petitions = store.lockAll(sigs.values().stream().map(PetitionStore.SignatureRow::petitionId)
                .collect(Collectors.toCollection(TreeSet::new)));
        Instant now = clock.instant();
        Set<Long> candidates = new HashSet<>();
        for (var slot : batch) {
            PetitionStore.SignatureRow sig = sigs.get(slot.item());
            if (sig == null) {
                slot.fail(new NotFoundException("signature token", "?"));
            } else if (sig.confirmedAt() == null && sig.withdrawnAt() == null && !signable(petitions.get(sig.petitionId()), now)) {
                slot.fail(new ConflictException("petitions.sign.closed"));
            } else {
                candidates.add(sig.id());
            }
        }
        Set<Long> counted = new HashSet<>(store.confirmSignatures(candidates, now));
        Map<Long, Integer> added = new TreeMap<>();
        for (var slot : batch) {
            if (slot.decided()) {
                continue;
            }
            PetitionStore.SignatureRow sig = sigs.get(slot.item());
            if (counted.remove(sig.id())) {
                added.merge(sig.petitionId(), 1, Integer::sum);
                slot.done(true);
            } else if (sig.withdrawnAt() != null) {
                slot.fail(new ConflictException("petitions.signature.withdrawn"));
            } else {
                slot.done(false);
            }
        }
        for (var e : added.entrySet()) {
            PetitionStore.Row row = petitions.get(e.getKey());
            int count = store.addToCount(row.id(), e.getValue());
            PetitionSettings settings = store.settings(row.processId()).orElse(PetitionSettings.DEFAULTS);
            if (row.status() == PetitionStatus.GATHERING && count >= settings.supportersNeeded()) {
                store.setStatus(row.id(), PetitionStatus.MODERATION);
            }
            thresholds(store.find(row.id()).orElseThrow(), settings, now);
        }
    }

    /** The signer withdraws; the count follows. Withdrawing twice changes nothing. */
    @Transactional
    public void withdraw(String token) {
        PetitionStore.SignatureRow sig = store.signature(SignatureToken.parse(token)).orElseThrow(() -> new NotFoundException("signature token", "?"));
        store.lock(sig.petitionId());
        store.withdraw(sig.id(), clock.instant()).ifPresent(counted -> {
            if (counted) {
                store.addToCount(sig.petitionId(), -1);
            }
        });
    }

    // --- abuse defences

    @Transactional
    public int invalidate(long processId, long id, Invalidation inv, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        PetitionStore.Row row = locked(processId, id);
        String where;
        List<Object> args = new ArrayList<>();
        String value = inv.value() == null ? "" : inv.value().strip();
        switch (inv.kind()) {
            case DOMAIN -> {
                value = value.toLowerCase(Locale.ROOT);
                where = "email_domain = ?";
                args.add(value);
            }
            case IP -> {
                where = "subnet = ? AND ip = ?"; // the subnet's index finds them (there is none on the address alone)
                args.add(subnet(value));
                args.add(value);
            }
            case SUBNET -> {
                value = subnet(value);
                where = "subnet = ?";
                args.add(value);
            }
            case REGION -> {
                where = "region = ?";
                args.add(value);
            }
            case TIME_RANGE -> {
                if (inv.from() == null || inv.to() == null || !inv.from().isBefore(inv.to())) {
                    throw new InvalidInputException("to", "petitions.invalidate.range");
                }
                value = inv.from() + "/" + inv.to();
                where = "created_at >= ? AND created_at < ?";
                args.add(PetitionStore.odt(inv.from()));
                args.add(PetitionStore.odt(inv.to()));
            }
            default -> throw new IllegalStateException();
        }
        if (value.isEmpty()) {
            throw new InvalidInputException("value", "petitions.invalidate.valueRequired");
        }
        Instant now = clock.instant();
        long invId = store.insertInvalidation(id, inv.kind(), value, inv.reason().strip(), viewer.accountId(), now);
        int affected = store.invalidate(id, where, args, invId, now);
        store.setAffected(invId, affected);
        int count = store.recount(id);
        boolean personal = inv.kind() == Invalidation.Kind.IP || inv.kind() == Invalidation.Kind.SUBNET;
        record.append(Fact.of("petition.signatures_invalidated", processId, subject(id), now, Role.MEDIATOR.name(),
                data("kind", inv.kind().name(), personal ? "valueSha256" : "value", personal ? sha256(value) : value,
                        "reason", inv.reason().strip(), "affected", affected, "signatures", count)));
        tally(store.find(row.id()).orElseThrow(), "invalidation", now);
        return affected;
    }

    public List<Invalidation.Done> invalidations(long processId, long id, Viewer viewer) {
        requireMediates(processId, viewer);
        return store.invalidations(id);
    }

    /** Where signatures came from in the last window: the IPs, subnets and domains with the most, for moderators. */
    public Map<String, Map<String, Integer>> trending(long processId, long id, Viewer viewer) {
        requireMediates(processId, viewer);
        Instant since = clock.instant().minus(Duration.ofMinutes(settings(processId).rateWindowMinutes()));
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        out.put("ip", store.trending(id, "ip", since, 5));
        out.put("subnet", store.trending(id, "subnet", since, 5));
        out.put("domain", store.trending(id, "email_domain", since, 5));
        return out;
    }

    @Transactional
    public Block block(long processId, Block b, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        String value = b.value().strip();
        value = switch (b.kind()) {
            case EMAIL -> EmailAddresses.valid(value).map(EmailAddresses::normalise)
                    .orElseThrow(() -> new InvalidInputException("value", "petitions.email.invalid"));
            case DOMAIN -> value.toLowerCase(Locale.ROOT);
            case IP -> value;
        };
        Block clean = new Block(null, b.kind(), value, b.reason(), null);
        store.insertBlock(processId, clean, clock.instant());
        return clean;
    }

    public List<Block> blocks(long processId, Viewer viewer) {
        requireMediates(processId, viewer);
        return store.blocks(processId);
    }

    public List<Mail> outbox(long processId, Viewer viewer) {
        requireMediates(processId, viewer);
        return outbox.ofProcess(processId, 200);
    }

    public List<Tally> tallies(long processId, long id) {
        store.find(id).filter(r -> r.processId() == processId && r.status().published())
                .orElseThrow(() -> new NotFoundException("petition", id));
        return store.tallies(id);
    }

    // --- tallies and thresholds

    /** Puts a tally of every open petition whose signature set changed since its last tally on the record. */
    @Transactional
    public int tallyOpenPetitions() {
        Instant now = clock.instant();
        int n = 0;
        for (PetitionStore.Row open : store.openPetitions()) {
            PetitionStore.Row row = store.lock(open.id()).orElseThrow();
            if (row.closesAt() != null && !now.isBefore(row.closesAt())) {
                store.setStatus(row.id(), PetitionStatus.CLOSED);
                tally(row, "closed", now);
                n++;
                continue;
            }
            String hash = hash(store.validSignatureIds(row.id()));
            if (store.lastTally(row.id()).map(t -> !t.sha256().equals(hash)).orElse(true)) {
                tally(row, "scheduled", now);
                n++;
            }
        }
        return n;
    }

    /** Makes responses due and a hearing due when an open petition's count has reached the thresholds. Row must be locked. */
    private void thresholds(PetitionStore.Row row, PetitionSettings s, Instant now) {
        if (row.status() != PetitionStatus.OPEN) {
            return;
        }
        if (row.responseDueAt() == null && row.signatures() >= s.responseThreshold()) {
            Instant due = now.plus(Duration.ofDays(s.responseDays()));
            store.setResponseDue(row.id(), due);
            if (row.toMediator()) {
                store.insertDue(row.id(), null, due);
            }
            row.partyIds().forEach(p -> store.insertDue(row.id(), p, due));
            record.append(Fact.of("petition.response_due", row.processId(), subject(row.id()), now, SYSTEM,
                    data("threshold", s.responseThreshold(), "signatures", row.signatures(), "dueAt", due.toString())));
            tally(row, "response_threshold", now);
        }
        if (row.hearingDueSince() == null && row.signatures() >= s.hearingThreshold()) {
            store.setHearingDue(row.id(), now);
            record.append(Fact.of("petition.hearing_due", row.processId(), subject(row.id()), now, SYSTEM,
                    data("threshold", s.hearingThreshold(), "signatures", row.signatures())));
            tally(row, "hearing_threshold", now);
        }
    }

    private Tally tally(PetitionStore.Row row, String reason, Instant now) {
        List<Long> ids = store.validSignatureIds(row.id());
        Tally t = new Tally(row.id(), ids.size(), hash(ids), reason, now);
        store.insertTally(t);
        record.append(Fact.of("petition.tally", row.processId(), subject(row.id()), now, SYSTEM,
                data("signatures", t.signatures(), "signatureIdsSha256", t.sha256(), "reason", reason)));
        return t;
    }

    /** SHA-256 over the ascending confirmed-signature ids, each in decimal followed by a newline. */
    static String hash(List<Long> sortedIds) {
        StringBuilder sb = new StringBuilder(sortedIds.size() * 8);
        for (Long id : sortedIds) {
            sb.append(id).append('\n');
        }
        return sha256(sb.toString());
    }

    // --- helpers

    private PetitionStore.Row locked(long processId, long id) {
        return store.lock(id).filter(r -> r.processId() == processId && r.status() != PetitionStatus.UNCONFIRMED)
                .orElseThrow(() -> new NotFoundException("petition", id));
    }

    private void requireMediates(long processId, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
    }

    private boolean signable(PetitionStore.Row row, Instant now) {
        return row.status().signable() && (row.closesAt() == null || now.isBefore(row.closesAt()));
    }

    /** The address if it is valid and allowed here; otherwise a problem on the "email" field (or "ip"). */
    private String checkEmail(long processId, String raw, String ip, List<FieldProblem> problems) {
        var valid = EmailAddresses.valid(raw);
        if (valid.isEmpty()) {
            problems.add(new FieldProblem("email", "petitions.email.invalid"));
            return null;
        }
        String email = valid.get();
        String domain = EmailAddresses.domain(email);
        if (disposable(domain)) {
            problems.add(new FieldProblem("email", "petitions.email.disposable"));
        } else if (store.blocked(processId, Block.Kind.DOMAIN, domain) || store.blocked(processId, Block.Kind.EMAIL, EmailAddresses.normalise(email))) {
            problems.add(new FieldProblem("email", "petitions.email.blocked"));
        } else if (ip != null && store.blocked(processId, Block.Kind.IP, ip)) {
            problems.add(new FieldProblem("email", "petitions.ip.blocked"));
        }
        return email;
    }

    private Petition view(PetitionStore.Row r) {
        Instant now = clock.instant();
        PetitionStatus status = r.status() == PetitionStatus.OPEN && r.closesAt() != null && !now.isBefore(r.closesAt())
                ? PetitionStatus.CLOSED : r.status();
        return new Petition(r.id(), r.processId(), r.title(), r.body(), r.language(), r.toMediator(), r.partyIds(), r.creatorName(),
                status, r.createdAt(), r.moderatedAt(), r.rejectionReason(), r.closesAt(), r.signatures(), r.responseDueAt(),
                r.hearingDueSince(), store.responses(r.id(), now), store.byRegion(r.id()));
    }

    /** The /24 of an IPv4 address, or the /64 of an IPv6 address. */
    static String subnet(String ip) {
        if (ip == null) {
            return "";
        }
        if (ip.contains(".") && !ip.contains(":")) {
            int last = ip.lastIndexOf('.');
            return last < 0 ? ip : ip.substring(0, last) + ".0/24";
        }
        String[] groups = ip.split(":", -1);
        if (groups.length >= 4 && !ip.contains("::")) {
            return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
        }
        try {
            byte[] b = java.net.InetAddress.getByName(ip).getAddress();
            if (b.length == 16) {
                return String.format("%x:%x:%x:%x::/64", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                        ((b[4] & 0xff) << 8) | (b[5] & 0xff), ((b[6] & 0xff) << 8) | (b[7] & 0xff));
            }
        } catch (java.net.UnknownHostException e) {
            // not an address: keep it as it is
        }
        return ip;
    }

    private String language() {
        String l = LocaleContextHolder.getLocale().getLanguage();
        return Set.of("en", "uk", "ru").contains(l) ? l : "en";
    }

    private String text(String code, Object... args) {
        return text(LocaleContextHolder.getLocale(), code, args);
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    static String subject(long id) {
        return "petition/" + id;
    }

    private static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
