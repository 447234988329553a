package org.parley.engagement;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Languages;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.platform.database.GroupCommit;
import org.parley.platform.database.GroupCommits;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public consultations: organisers (the process's mediators) open them with seed statements and
 * moderate; the public takes part under a pseudonymous token (a cookie on the pages, a header on the
 * API) without an account, or with an invitation code in closed mode. Every change is one
 * transaction; opening and closing go on the public record (counts and hashes only).
 */
@Service
@Transactional(readOnly = true)
public class Consultations {

    public static final int MAX_QUESTION = 500;
    public static final int MAX_CONTEXT = 4000;
    public static final int MAX_REASON = 500;
    public static final int MAX_SEEDS = 500;
    public static final int MAX_INVITATIONS = 5000;

    /** A participant's vote as it now stands. */
    public record VoteOutcome(long statementId, VoteChoice vote, boolean changed) {
    }

    /** The next statement for a participant, and how many accepted statements it has not voted on yet (this one included). */
    public record Next(Statement statement, int remaining, int voted) {
    }

    private final ConsultationStore store;
    private final DemographicStore demographics;
    private final Processes processes;
    private final PublicRecord record;
    private final OpinionMaps maps;
    private final Clock clock;
    private final RateLimiter voteLimiter;
    private final RateLimiter statementLimiter;
    private final SecureRandom random = new SecureRandom();
    private final GroupCommit<VoteRequest, VoteOutcome> voting;

    Consultations(ConsultationStore store, DemographicStore demographics, Processes processes, PublicRecord record, OpinionMaps maps, Clock clock, GroupCommits commits,
                  @Value("${parley.consultations.votes.burst:60}") double voteBurst,
                  @Value("${parley.consultations.votes.per-second:5}") double votesPerSecond,
                  @Value("${parley.consultations.statements.burst:5}") double statementBurst,
                  @Value("${parley.consultations.statements.per-second:0.05}") double statementsPerSecond) {
        this.store = store;
        this.demographics = demographics;
        this.processes = processes;
        this.record = record;
        this.maps = maps;
        this.clock = clock;
        this.voteLimiter = new RateLimiter(voteBurst, votesPerSecond);
        this.statementLimiter = new RateLimiter(statementBurst, statementsPerSecond);
        this.voting = commits.createOneStatement("consultation-votes", this::writeVotes);
    }

    // --- consultations

    @Transactional
    public Consultation create(long processId, NewConsultation c, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (c.question() == null || c.question().isBlank()) {
            problems.add(new FieldProblem("question", "consultations.error.questionRequired"));
        } else if (c.question().strip().length() > MAX_QUESTION) {
            problems.add(new FieldProblem("question", "consultations.error.questionTooLong", MAX_QUESTION));
        }
        if (c.context() != null && c.context().strip().length() > MAX_CONTEXT) {
            problems.add(new FieldProblem("context", "consultations.error.contextTooLong", MAX_CONTEXT));
        }
        if (c.languages() == null || c.languages().isEmpty()) {
            problems.add(new FieldProblem("languages", "consultations.error.languagesRequired"));
        } else if (!c.languages().stream().allMatch(Languages::isSupported) || c.languages().stream().distinct().count() != c.languages().size()) {
            problems.add(new FieldProblem("languages", "consultations.error.languageUnknown"));
        }
        if (c.opensAt() == null) {
            problems.add(new FieldProblem("opensAt", "consultations.error.opensRequired"));
        }
        if (c.closesAt() == null) {
            problems.add(new FieldProblem("closesAt", "consultations.error.closesRequired"));
        } else if (c.opensAt() != null && !c.closesAt().isAfter(c.opensAt())) {
            problems.add(new FieldProblem("closesAt", "consultations.error.closesBeforeOpens"));
        } else if (!c.closesAt().isAfter(clock.instant())) {
            problems.add(new FieldProblem("closesAt", "consultations.error.closesInPast"));
        }
        if (c.moderation() == null) {
            problems.add(new FieldProblem("moderation", "consultations.error.moderationRequired"));
        }
        List<String> seeds = c.seedStatements() == null ? List.of()
                : c.seedStatements().stream().filter(x -> x != null && !x.isBlank()).map(String::strip).toList();
        if (seeds.size() > MAX_SEEDS) {
            problems.add(new FieldProblem("seedStatements", "consultations.error.tooManySeeds", MAX_SEEDS));
        }
        for (String seed : seeds) {
            if (seed.length() > Statement.MAX_LENGTH) {
                problems.add(new FieldProblem("seedStatements", "consultations.error.seedTooLong", Statement.MAX_LENGTH));
                break;
            }
        }
        List<NewQuestion> questions = c.demographics() == null ? List.of() : c.demographics();
        problems.addAll(Demographics.check(questions));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insert(processId, c);
        Instant now = clock.instant();
        String lang = c.languages().getFirst();
        for (String seed : seeds) {
            store.insertStatement(id, seed, lang, true, null, Statement.Status.ACCEPTED, now);
        }
        for (int i = 0; i < questions.size(); i++) {
            NewQuestion q = questions.get(i);
            demographics.insertQuestion(id, i, q.question().strip(), q.options().stream().map(String::strip).toList());
        }
        Consultation created = store.consultation(id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("question", created.question());
        data.put("opensAt", created.opensAt().toString());
        data.put("closesAt", created.closesAt().toString());
        data.put("moderation", created.moderation().name());
        data.put("closedMode", created.closedMode());
        data.put("access", created.access().name());
        data.put("demographicQuestions", questions.size());
        data.put("seedStatements", seeds.size());
        data.put("seedStatementsSha256", sha256Hex(String.join("\n", seeds)));
        record.append(Fact.of("consultation.opened", processId, subject(id), now, viewer.role().name(), data));
        return created;
    }

    public Consultation get(long processId, long consultationId) {
        Consultation c = store.consultation(consultationId).orElseThrow(() -> new NotFoundException("consultation", consultationId));
        if (c.processId() != processId) {
            throw new NotFoundException("consultation", consultationId);
        }
        return c;
    }

    public List<Consultation> list(long processId) {
        processes.get(processId);
        return store.ofProcess(processId);
    }

    public boolean organises(long processId, Viewer viewer) {
        return processes.mediates(processId, viewer);
    }

    public Consultation.Phase phase(Consultation c) {
        return c.phase(clock.instant());
    }

    // --- participants

    /**
     * Registers a participant and returns its secret token (kept only hashed): the given one (a
     * page's cookie) or a new one. In closed mode an unused invitation code is required and used up.
     */
    @Transactional
    public String join(long processId, long consultationId, String invitationCode, String token) {
        Consultation c = get(processId, consultationId);
        if (c.phase(clock.instant()) == Consultation.Phase.CLOSED) {
            throw new ConflictException("consultations.error.closed");
        }
        String t = token == null || token.isBlank() || token.length() > 200 ? newToken() : token;
        Optional<Long> known = store.participant(consultationId, sha256(t));
        if (known.isPresent()) {
            return t;
        }
        Long invitation = null;
        if (c.access() == Consultation.Access.EMAIL) {
            throw new InvalidInputException("email", "consultations.error.emailRequired");
        }
        if (c.closedMode()) {
            if (invitationCode == null || invitationCode.isBlank()) {
                throw new InvalidInputException("invitationCode", "consultations.error.invitationRequired");
            }
            invitation = store.useInvitation(consultationId, sha256(invitationCode.strip()), clock.instant())
                    .orElseThrow(() -> new InvalidInputException("invitationCode", "consultations.error.invitationInvalid"));
        }
        store.addParticipant(consultationId, sha256(t), invitation);
        return t;
    }

    /**
     * For the pages: the participant behind a token, registering it on first use in an open
     * (not closed-mode) consultation; empty when the token is missing or, in closed mode, unknown.
     */
    @Transactional
    public Optional<Long> participant(long consultationId, String token, boolean register) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Optional<Long> known = store.participant(consultationId, hash);
        if (known.isPresent() || !register) {
            return known;
        }
        Consultation c = store.consultation(consultationId).orElseThrow(() -> new NotFoundException("consultation", consultationId));
        if (c.closedMode()) {
            return Optional.empty();
        }
        return Optional.of(store.addParticipant(consultationId, hash, null));
    }

    public static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Transactional
    public List<String> invite(long processId, long consultationId, int count, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Consultation c = get(processId, consultationId);
        if (c.access() != Consultation.Access.INVITATION) {
            throw new ConflictException("consultations.error.notClosedMode");
        }
        if (count < 1 || count > MAX_INVITATIONS) {
            throw new InvalidInputException("count", "consultations.error.countRange", MAX_INVITATIONS);
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[9];
            random.nextBytes(b);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            store.addInvitation(consultationId, sha256(code));
            codes.add(code);
        }
        return codes;
    }

    // --- statements

    /** Accepted statements, for everyone. */
    public List<Statement> statements(long processId, long consultationId) {
        get(processId, consultationId);
        return store.statements(consultationId, Statement.Status.ACCEPTED);
    }

    /** Statements waiting for moderation, and the rejected ones: organisers only. */
    public List<Statement> moderationQueue(long processId, long consultationId, Statement.Status status, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        get(processId, consultationId);
        return store.statements(consultationId, status);
    }

    public Statement statement(long processId, long consultationId, long statementId) {
        get(processId, consultationId);
        Statement s = store.statement(consultationId, statementId).orElseThrow(() -> new NotFoundException("statement", statementId));
        if (s.status() != Statement.Status.ACCEPTED) {
            throw new NotFoundException("statement", statementId);
        }
        return s;
    }

    /**
     * A participant's statement (pending or published as the consultation moderates), or an
     * organiser's (published at once, as a seed).
     */
    @Transactional
    public Statement submit(long processId, long consultationId, Long participantId, NewStatement s, Viewer viewer) {
        Consultation c = get(processId, consultationId);
        boolean organiser = processes.mediates(processId, viewer);
        if (participantId == null && !organiser) {
            throw new InvalidInputException("participant", "consultations.error.participantUnknown");
        }
        if (c.phase(clock.instant()) != Consultation.Phase.OPEN && !(organiser && c.phase(clock.instant()) == Consultation.Phase.UPCOMING)) {
            throw new ConflictException("consultations.error.notOpen");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = s == null || s.text() == null ? "" : s.text().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("text", "consultations.error.statementRequired"));
        } else if (text.codePointCount(0, text.length()) > Statement.MAX_LENGTH) {
            problems.add(new FieldProblem("text", "consultations.error.statementTooLong", Statement.MAX_LENGTH));
        }
        String lang = s == null || s.language() == null || s.language().isBlank() ? c.languages().getFirst() : s.language();
        if (!c.languages().contains(lang)) {
            problems.add(new FieldProblem("language", "consultations.error.statementLanguage"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (participantId != null && !statementLimiter.tryAcquire(participantId, System.nanoTime())) {
            throw new TooManyRequestsException("consultations.error.tooManyStatements");
        }
        Statement.Status status = organiser || c.moderation() == Consultation.Moderation.AFTER ? Statement.Status.ACCEPTED : Statement.Status.PENDING;
        long id = store.insertStatement(consultationId, text, lang, organiser && participantId == null, participantId, status, clock.instant());
        return store.statement(consultationId, id).orElseThrow();
    }

    @Transactional
    public Statement moderate(long processId, long consultationId, long statementId, ModerationDecision d, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        get(processId, consultationId);
        store.statement(consultationId, statementId).orElseThrow(() -> new NotFoundException("statement", statementId));
        if (d == null || d.accept() == null) {
            throw new InvalidInputException("accept", "consultations.error.decisionRequired");
        }
        String reason = d.reason() == null ? null : d.reason().strip();
        if (!d.accept() && (reason == null || reason.isEmpty())) {
            throw new InvalidInputException("reason", "consultations.error.reasonRequired");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "consultations.error.reasonTooLong", MAX_REASON);
        }
        store.moderate(statementId, d.accept() ? Statement.Status.ACCEPTED : Statement.Status.REJECTED, d.accept() ? null : reason, clock.instant());
        return store.statement(consultationId, statementId).orElseThrow();
    }

    @Transactional
    public Statement translate(long processId, long consultationId, long statementId, Map<String, String> translations, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Consultation c = get(processId, consultationId);
        Statement s = store.statement(consultationId, statementId).orElseThrow(() -> new NotFoundException("statement", statementId));
        Map<String, String> merged = new LinkedHashMap<>(s.translations());
        for (var e : (translations == null ? Map.<String, String>of() : translations).entrySet()) {
            if (!c.languages().contains(e.getKey()) || e.getKey().equals(s.language())) {
                throw new InvalidInputException("translations", "consultations.error.translationLanguage");
            }
            String t = e.getValue() == null ? "" : e.getValue().strip();
            if (t.codePointCount(0, t.length()) > Statement.MAX_LENGTH) {
                throw new InvalidInputException("translations", "consultations.error.statementTooLong", Statement.MAX_LENGTH);
            }
            if (t.isEmpty()) {
                merged.remove(e.getKey());
            } else {
                merged.put(e.getKey(), t);
            }
        }
        store.setTranslations(statementId, merged, clock.instant());
        return store.statement(consultationId, statementId).orElseThrow();
    }

    // --- votes

    /**
     * One vote on its way to the batch that writes it: from a known participant (the pages) or from the
     * holder of a participant token (the API), resolved in the batch.
     */
    record VoteRequest(long processId, long consultationId, Long participantId, byte[] tokenHash, long statementId, VoteChoice vote,
                       Instant at) {
    }

    /** Records the participant's vote; a later vote on the same statement replaces the earlier one. Returns once committed. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public VoteOutcome vote(long processId, long consultationId, Long participantId, NewVote v) {
        if (participantId == null) {
            get(processId, consultationId);
            throw new InvalidInputException("participant", "consultations.error.participantUnknown");
        }
        return voting.submit(voteRequest(processId, consultationId, participantId, null, v));
    }

    /**
     * The API's vote: the participant is the holder of the token (unknown tokens are no participant). The token,
     * the consultation, the statement and the limits are all checked in the batch that writes the vote, so a
     * vote costs no query of its own; see {@link #writeVotes}.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public VoteOutcome voteWithToken(long processId, long consultationId, String participantToken, NewVote v) {
        byte[] hash = participantToken == null || participantToken.isBlank() || participantToken.length() > 200
                ? null : sha256(participantToken);
        if (hash == null) {
            get(processId, consultationId);
            throw new InvalidInputException("participant", "consultations.error.participantUnknown");
        }
        return voting.submit(voteRequest(processId, consultationId, null, hash, v));
    }

    private VoteRequest voteRequest(long processId, long consultationId, Long participantId, byte[] tokenHash, NewVote v) {
        List<FieldProblem> problems = new ArrayList<>();
        if (v == null || v.statementId() == null) {
            problems.add(new FieldProblem("statementId", "consultations.error.statementIdRequired"));
        }
        if (v == null || v.vote() == null) {
            problems.add(new FieldProblem("vote", "consultations.error.voteRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new VoteRequest(processId, consultationId, participantId, tokenHash, v.statementId(), v.vote(), clock.instant());
    }

    /**
     * Writes a batch of votes: resolves every vote's consultation, participant and statement with one query,
     * decides each in arrival order (the per-participant rate limit included), and upserts the accepted ones with
     * one statement, which commits on its own (no transaction around the batch:
     * {@link GroupCommits#createOneStatement}). Of two votes of one participant on one statement the later counts:
     * inside a batch the earlier is dropped; between batches (other writers, other nodes) a vote never replaces a
     * later one ({@code voted_at}), whichever commits first.
     */
    private void writeVotes(List<GroupCommit.Slot<VoteRequest, VoteOutcome>> batch) {
        Instant now = clock.instant();
        List<ConsultationStore.VoteKey> keys = batch.stream().map(s -> new ConsultationStore.VoteKey(s.item().consultationId(),
                s.item().participantId(), s.item().tokenHash(), s.item().statementId())).toList();
        List<ConsultationStore.Resolved> resolved = store.resolve(keys, now);
        Map<String, Integer> last = new HashMap<>();
        long[] participants = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            var slot = batch.get(i);
            VoteRequest r = slot.item();
            ConsultationStore.Resolved x = resolved.get(i);
            if (x.processId() == null || x.processId() != r.processId()) {
                slot.fail(new NotFoundException("consultation", r.consultationId()));
            } else if (x.participantId() == null) {
                slot.fail(new InvalidInputException("participant", "consultations.error.participantUnknown"));
            } else if (x.phase() != Consultation.Phase.OPEN) {
                slot.fail(new ConflictException(x.phase() == Consultation.Phase.CLOSED ? "consultations.error.closed" : "consultations.error.notOpen"));
            } else if (x.status() != Statement.Status.ACCEPTED) {
                slot.fail(new InvalidInputException("statementId", "consultations.error.statementNotVotable"));
            } else if (!voteLimiter.tryAcquire(x.participantId(), System.nanoTime())) {
                slot.fail(new TooManyRequestsException("consultations.error.tooManyVotes"));
            } else {
                participants[i] = x.participantId();
                last.put(x.participantId() + "|" + r.statementId(), i);
            }
        }
        List<ConsultationStore.VoteRow> rows = new ArrayList<>();
        last.values().stream().sorted(Comparator.comparingLong((Integer i) -> participants[i]).thenComparingLong(i -> batch.get(i).item().statementId()))
                .forEach(i -> {
                    VoteRequest r = batch.get(i).item();
                    rows.add(new ConsultationStore.VoteRow(participants[i], r.statementId(), r.consultationId(), r.vote().value(), r.at()));
                });
        Map<String, Boolean> fresh = store.votes(rows);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            var slot = batch.get(i);
            if (slot.decided()) {
                continue;
            }
            VoteRequest r = slot.item();
            String key = participants[i] + "|" + r.statementId();
            // the first of a participant's votes on a statement in this batch replaced what was stored (if anything);
            // each later one replaced the one before it; a vote overtaken by a later one from another batch counts as replaced
            boolean changed = !seen.add(key) || !fresh.getOrDefault(key, false);
            slot.done(new VoteOutcome(r.statementId(), r.vote(), changed));
        }
    }

    public Map<Long, VoteChoice> votesOf(long participantId) {
        Map<Long, VoteChoice> m = new LinkedHashMap<>();
        store.votesOf(participantId).forEach((k, val) -> m.put(k, VoteChoice.of(val)));
        return m;
    }

    /**
     * The next statement for a participant, as Polis picks it: among the accepted statements it has not
     * voted on, drawn at random with weight {@code (importance·(1 + 8·2^(−seen/5)))²}, where importance is
     * {@code (1 − pass rate)·(1 + extremity)·agree rate} (rates smoothed as (n + 1)/(seen + 2)). New
     * statements (few votes yet) and informative ones (rarely passed, agreed by some, far out on the map)
     * come first.
     */
    public Next next(long processId, long consultationId, Long participantId) {
        get(processId, consultationId);
        List<Statement> accepted = store.statements(consultationId, Statement.Status.ACCEPTED);
        Map<Long, Integer> mine = participantId == null ? Map.of() : store.votesOf(participantId);
        List<Statement> open = accepted.stream().filter(s -> !mine.containsKey(s.id())).toList();
        if (open.isEmpty()) {
            return new Next(null, 0, mine.size());
        }
        Report report = maps.stored(consultationId);
        Map<Long, Report.StatementFigures> figures = new LinkedHashMap<>();
        report.statements().forEach(f -> figures.put(f.id(), f));
        double[] weight = new double[open.size()];
        double total = 0;
        for (int i = 0; i < open.size(); i++) {
            weight[i] = priority(figures.get(open.get(i).id()));
            total += weight[i];
        }
        double r = ThreadLocalRandom.current().nextDouble() * total;
        int pick = open.size() - 1;
        for (int i = 0; i < open.size(); i++) {
            r -= weight[i];
            if (r <= 0) {
                pick = i;
                break;
            }
        }
        return new Next(open.get(pick), open.size(), mine.size());
    }

    static double priority(Report.StatementFigures f) {
        int seen = f == null ? 0 : f.seen();
        double passRate = ((f == null ? 0 : f.pass()) + 1.0) / (seen + 2.0);
        double agreeRate = ((f == null ? 0 : f.agree()) + 1.0) / (seen + 2.0);
        double extremity = f == null ? 0 : f.extremity();
        double importance = (1 - passRate) * (1 + extremity) * agreeRate;
        double p = importance * (1 + 8 * Math.pow(2, -seen / 5.0));
        return p * p;
    }

    // --- report, exports, closing

    /** The latest opinion map (recomputed in the background as votes arrive). */
    public Report report(long processId, long consultationId) {
        get(processId, consultationId);
        return maps.stored(consultationId);
    }

    /** Recomputes the map now if anything changed (the background does this on its own every second). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Report refreshReport(long processId, long consultationId) {
        get(processId, consultationId);
        maps.refresh(consultationId);
        return maps.stored(consultationId);
    }

    @Transactional
    public Consultation close(long processId, long consultationId, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Consultation c = store.lockConsultation(consultationId).filter(x -> x.processId() == processId)
                .orElseThrow(() -> new NotFoundException("consultation", consultationId));
        if (c.closedAt() != null) {
            throw new ConflictException("consultations.error.alreadyClosed");
        }
        finish(c, clock.instant(), viewer.role().name());
        return store.consultation(consultationId).orElseThrow();
    }

    /** Closes the consultations whose closing time has passed (called by the background scheduler). */
    @Transactional
    public int closeDue() {
        int n = 0;
        for (Consultation c : store.dueToClose(clock.instant())) {
            Consultation locked = store.lockConsultation(c.id()).orElseThrow();
            if (locked.closedAt() == null) {
                finish(locked, locked.closesAt(), "SYSTEM");
                n++;
            }
        }
        return n;
    }

    /** Closes, computes the final map, and puts the results' counts and hashes on the public record. */
    private void finish(Consultation c, Instant at, String actorRole) {
        store.close(c.id(), at);
        Report report = maps.computeFinal(c.id(), store.fingerprint(c.id()));
        String statementsCsv = statementsCsv(c.id(), report);
        // the vote matrix can be large: hash its CSV as it streams, never holding it in memory
        MessageDigest votesDigest = sha256Digest();
        Writer votes = new java.io.OutputStreamWriter(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), votesDigest),
                StandardCharsets.UTF_8);
        writeVotesCsv(c.id(), votes);
        try {
            votes.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Statement> all = store.allStatements(c.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("closedAt", at.toString());
        data.put("participants", report.participants());
        data.put("participantsMapped", report.included());
        data.put("votes", report.votes());
        data.put("statementsAccepted", all.stream().filter(s -> s.status() == Statement.Status.ACCEPTED).count());
        data.put("statementsRejected", all.stream().filter(s -> s.status() == Statement.Status.REJECTED).count());
        data.put("groups", report.groupCount());
        data.put("groupSizes", report.groups().stream().map(Report.Group::size).toList());
        data.put("demographicAnswers", demographics.answerCount(c.id()));
        data.put("consensusStatementIds", report.consensus());
        data.put("divisiveStatementIds", report.divisive());
        data.put("statementsCsvSha256", sha256Hex(statementsCsv));
        data.put("votesCsvSha256", HexFormat.of().formatHex(votesDigest.digest()));
        data.put("demographicBreakdownSha256", sha256Hex(OpinionMaps.JSON.writeValueAsString(report.demographics())));
        record.append(Fact.of("consultation.closed", c.processId(), subject(c.id()), at, actorRole, data));
    }

    /** Statements with their figures overall and per group, as CSV. */
    public String statementsCsv(long processId, long consultationId) {
        get(processId, consultationId);
        return statementsCsv(consultationId, maps.stored(consultationId));
    }

    private String statementsCsv(long consultationId, Report report) {
        List<String> header = new ArrayList<>(List.of("statement_id", "language", "text", "seed", "agree", "disagree", "pass", "seen",
                "group_informed_consensus", "consensus", "divisive"));
        for (int g = 0; g < report.groupCount(); g++) {
            header.add("group_" + (g + 1) + "_agree");
            header.add("group_" + (g + 1) + "_disagree");
            header.add("group_" + (g + 1) + "_seen");
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Statement s : store.statements(consultationId, Statement.Status.ACCEPTED)) {
                Report.StatementFigures f = report.figures(s.id());
                List<Object> row = new ArrayList<>(List.of(s.id(), s.language(), s.text(), s.seed()));
                row.add(f == null ? 0 : f.agree());
                row.add(f == null ? 0 : f.disagree());
                row.add(f == null ? 0 : f.pass());
                row.add(f == null ? 0 : f.seen());
                row.add(f == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", f.groupInformedConsensus()));
                row.add(report.consensus().contains(s.id()));
                row.add(report.divisive().contains(s.id()));
                for (int g = 0; g < report.groupCount(); g++) {
                    Report.GroupFigures gf = f == null || f.groups().size() <= g ? new Report.GroupFigures(0, 0, 0) : f.groups().get(g);
                    row.add(gf.agree());
                    row.add(gf.disagree());
                    row.add(gf.seen());
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The anonymised vote matrix as CSV rows (participant, statement_id, vote): participants are
     * numbered 1, 2, … in the order they joined; no token or account ever appears.
     */
    public void votesCsv(long processId, long consultationId, Writer out) {
        get(processId, consultationId);
        writeVotesCsv(consultationId, out);
    }

    private void writeVotesCsv(long consultationId, Writer out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("participant", "statement_id", "vote").get());
            long[] last = {Long.MIN_VALUE};
            long[] n = {0};
            store.eachVote(consultationId, (participant, statement, vote) -> {
                if (participant != last[0]) {
                    last[0] = participant;
                    n[0]++;
                }
                try {
                    csv.printRecord(n[0], statement, vote);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String subject(long consultationId) {
        return "consultation/" + consultationId;
    }

    static byte[] sha256(String s) {
        return sha256Digest().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s));
    }
}
