package org.parley.texts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.erdtman.jcs.JsonCanonicalizer;
import org.parley.platform.ConflictException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.process.Track;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.note.Note;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Negotiating texts. The mediator holds the pen (every save a version); each signatory's delegates state
 * their party's positions, seen only by that party and the mediator until shared; the mediator adopts a text
 * once every signatory accepts every clause and no bracket is left; the delegates then sign.
 */
@Service
@Transactional(readOnly = true)
public class Texts {

    private final TextStore store;
    private final Processes processes;
    private final PublicRecord record;
    private final Clock clock;

    Texts(TextStore store, Processes processes, PublicRecord record, Clock clock) {
        this.store = store;
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    /** A clause of an adopted text, for the provisions made from it. */
    public record AdoptedClause(long textId, long clauseId, int number, String text, TextVisibility visibility,
                                LocalDate entryIntoForce, List<Long> signatoryIds) {
    }

    // --- reading

    public List<NegotiatingText> list(long processId, Viewer viewer) {
        processes.get(processId);
        List<NegotiatingText> out = new ArrayList<>();
        for (TextStore.Row row : store.ofProcess(processId)) {
            if (mayReadContent(row, viewer)) {
                out.add(full(row));
            } else if (row.status() == TextStatus.ADOPTED) {
                out.add(redacted(row));
            }
        }
        return out;
    }

    public NegotiatingText get(long processId, long textId, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        if (mayReadContent(row, viewer)) {
            return full(row);
        }
        if (row.status() == TextStatus.ADOPTED) {
            return redacted(row);
        }
        throw new NotFoundException("text", textId);
    }

    /** Whether the viewer sees the whole text: its mediators, its signatories' delegates, and everyone once it is adopted and published. */
    public boolean mayReadContent(long processId, long textId, Viewer viewer) {
        return mayReadContent(row(processId, textId), viewer);
    }

    public boolean mediates(long processId, Viewer viewer) {
        return processes.mediates(processId, viewer);
    }

    public List<Version> versions(long processId, long textId, Viewer viewer) {
        readable(processId, textId, viewer);
        return store.versions(textId);
    }

    /** The redline between two versions of one text; {@code otherTextId}, when given, must be the same text. */
    public Redline redline(long processId, long textId, int from, int to, Long otherTextId, Viewer viewer) {
        TextStore.Row row = readable(processId, textId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        if (otherTextId != null && otherTextId != textId) {
            throw new InvalidInputException("toText", "texts.redline.differentTexts");
        }
        Optional<TextStore.Snapshot> a = store.snapshot(textId, from);
        Optional<TextStore.Snapshot> b = store.snapshot(textId, to);
        if (a.isEmpty()) {
            problems.add(new FieldProblem("from", "texts.redline.noVersion", from, row.version()));
        }
        if (b.isEmpty()) {
            problems.add(new FieldProblem("to", "texts.redline.noVersion", to, row.version()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Redlines.between(textId, from, a.get(), to, b.get());
    }

    public List<Comment> comments(long processId, long textId, Viewer viewer) {
        readable(processId, textId, viewer);
        return store.comments(textId);
    }

    /**
     * The positions the viewer may see: all of them for a mediator; a delegate's own party's and the shared ones
     * for a signatory; the shared ones for anyone else who may read the text.
     */
    public List<Position> positions(long processId, long textId, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        if (!mayReadContent(row, viewer)) {
            return List.of();
        }
        boolean mediator = processes.mediates(processId, viewer);
        Long own = viewer.is(Role.DELEGATE) ? viewer.partyId() : null;
        return store.positions(textId).stream().filter(p -> mediator || p.shared() || (own != null && own == p.partyId())).toList();
    }

    /** The clause × party matrix: the mediator's only. */
    public Matrix matrix(long processId, long textId, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        if (!processes.mediates(processId, viewer)) {
            throw new org.parley.platform.ForbiddenException("error.notMediatorOfProcess");
        }
        NegotiatingText text = full(row);
        Map<Long, Map<Long, Position>> byClause = new LinkedHashMap<>();
        for (Position p : store.positions(textId)) {
            byClause.computeIfAbsent(p.clauseId(), k -> new LinkedHashMap<>()).put(p.partyId(), p);
        }
        List<Matrix.Row> rows = text.clauses().stream()
                .map(c -> new Matrix.Row(c.id(), c.number(), c.bracketed(), byClause.getOrDefault(c.id(), Map.of()))).toList();
        return new Matrix(row.signatoryIds(), rows, row.status() == TextStatus.DRAFT && blockers(text).isEmpty());
    }

    /** What the parties sign: a statement naming the text and its hash, as the text of a C2SP signed note. */
    public static String signingStatement(NegotiatingText text) {
        return "parley negotiating text " + text.processId() + "/" + text.id() + "\nsha256 " + text.adoptedSha256() + "\n";
    }

    /** A clause of an adopted text of this process, or a field problem named {@code field}. */
    public AdoptedClause adoptedClause(long processId, long textId, long clauseId) {
        TextStore.Row row = store.find(textId).filter(r -> r.processId() == processId)
                .orElseThrow(() -> new InvalidInputException("textId", "texts.notInProcess"));
        if (row.status() != TextStatus.ADOPTED) {
            throw new InvalidInputException("textId", "texts.notAdopted");
        }
        Clause clause = full(row).clauses().stream().filter(c -> c.id() == clauseId).findFirst()
                .orElseThrow(() -> new InvalidInputException("clauseId", "texts.clause.notInText"));
        return new AdoptedClause(textId, clauseId, clause.number(), clause.rendered(), row.visibility(), row.entryIntoForce(), row.signatoryIds());
    }

    // --- changes

    @Transactional
    public NegotiatingText create(long processId, NewText command, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        Track track = processes.tracks(processId).stream().filter(t -> t.id() == command.trackId()).findFirst()
                .orElseThrow(() -> new InvalidInputException("trackId", "texts.track.notInProcess"));
        List<FieldProblem> problems = new ArrayList<>();
        for (Long p : command.signatoryIds()) {
            if (p == null || !track.partyIds().contains(p)) {
                problems.add(new FieldProblem("signatoryIds", "texts.signatory.notInTrack", p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Draft draft = new Draft(command.title(), command.preamble(), command.articles(), "created");
        validateDraft(processId, List.of(), List.of(), draft, track);
        long id = store.insert(processId, command);
        saveVersion(id, draft, 1, List.of(), viewer);
        return full(store.find(id).orElseThrow());
    }

    /** Saves a new version of a draft. Refused once adopted: amendments make a new text. */
    @Transactional
    public NegotiatingText save(long processId, long textId, Draft draft, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        TextStore.Row row = row(processId, textId);
        store.lock(textId);
        row = store.find(textId).orElseThrow();
        if (row.status() == TextStatus.ADOPTED) {
            throw new ConflictException("texts.adopted.readOnly");
        }
        NegotiatingText before = full(row);
        validateDraft(processId, before.articles(), before.clauses(), draft, processes.track(processId, row.trackId()));
        saveVersion(textId, draft, row.version() + 1, before.clauses(), viewer);
        return full(store.find(textId).orElseThrow());
    }

    private void saveVersion(long textId, Draft draft, int version, List<Clause> before, Viewer viewer) {
        store.replaceStructure(textId, draft, version, before);
        NegotiatingText after = full(store.find(textId).orElseThrow());
        store.insertVersion(textId, version, viewer.accountId(), draft.reason(), snapshot(after));
    }

    private static TextStore.Snapshot snapshot(NegotiatingText t) {
        return new TextStore.Snapshot(t.title(), t.preamble(), t.articles().stream()
                .map(a -> new DraftArticle(a.id(), a.heading(), a.clauses().stream()
                        .map(c -> new DraftClause(c.id(), c.body(), c.alternatives())).toList()))
                .toList());
    }

    private void validateDraft(long processId, List<Article> articles, List<Clause> clauses, Draft draft, Track track) {
        Set<Long> articleIds = articles.stream().map(Article::id).collect(Collectors.toSet());
        Set<Long> clauseIds = clauses.stream().map(Clause::id).collect(Collectors.toSet());
        Set<Long> seenArticles = new HashSet<>();
        Set<Long> seenClauses = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (DraftArticle a : draft.articles()) {
            if (a.id() != null && (!articleIds.contains(a.id()) || !seenArticles.add(a.id()))) {
                problems.add(new FieldProblem("articles", "texts.article.notInText", a.id()));
            }
            for (DraftClause c : a.clauses()) {
                if (c.id() != null && (!clauseIds.contains(c.id()) || !seenClauses.add(c.id()))) {
                    problems.add(new FieldProblem("articles", "texts.clause.notInText", c.id()));
                }
                for (Alternative alt : c.alternatives()) {
                    if (!track.partyIds().contains(alt.partyId())) {
                        problems.add(new FieldProblem("partyId", "texts.alternative.partyNotInTrack", alt.partyId()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Records the delegate's party's position on a clause; it stays confidential until shared. */
    @Transactional
    public Position recordPosition(long processId, long textId, PositionInput input, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        long party = signatoryParty(row, viewer);
        store.lock(textId);
        if (row.status() == TextStatus.ADOPTED) {
            throw new ConflictException("texts.adopted.readOnly");
        }
        NegotiatingText text = full(row);
        if (text.clauses().stream().noneMatch(c -> c.id() == input.clauseId())) {
            throw new InvalidInputException("clauseId", "texts.clause.notInText", input.clauseId());
        }
        if (input.stance() == Stance.AMEND && (input.amendment() == null || input.amendment().isBlank())) {
            throw new InvalidInputException("amendment", "texts.position.amendmentRequired");
        }
        store.upsertPosition(textId, input.clauseId(), party, input, row.version(), viewer.accountId());
        return store.positions(textId).stream().filter(p -> p.clauseId() == input.clauseId() && p.partyId() == party).findFirst().orElseThrow();
    }

    /** Shares all of the delegate's party's positions on this text with the other parties at the table. */
    @Transactional
    public int sharePositions(long processId, long textId, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        return store.share(textId, signatoryParty(row, viewer));
    }

    @Transactional
    public Comment comment(long processId, long textId, Comment.Input input, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        boolean mediator = processes.mediates(processId, viewer);
        if (!mediator) {
            signatoryParty(row, viewer);
        }
        if (input.clauseId() != null && full(row).clauses().stream().noneMatch(c -> c.id() == input.clauseId())) {
            throw new InvalidInputException("clauseId", "texts.clause.notInText", input.clauseId());
        }
        String author = viewer.displayName() == null ? "" : viewer.displayName();
        long id = store.insertComment(textId, input.clauseId(), viewer.accountId(), author, input.body());
        return store.comments(textId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /**
     * Adopts the text: nothing is agreed until everything is agreed, so every signatory must accept every clause as
     * it now reads, and no bracket may be left. The hash of its canonical form goes on the public record.
     */
    @Transactional
    public NegotiatingText adopt(long processId, long textId, Adoption adoption, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        row(processId, textId);
        store.lock(textId);
        TextStore.Row row = store.find(textId).orElseThrow();
        if (row.status() == TextStatus.ADOPTED) {
            throw new ConflictException("texts.adopted.already");
        }
        NegotiatingText text = full(row);
        List<String> blockers = blockers(text);
        if (!blockers.isEmpty()) {
            throw new ConflictException("texts.adopt.blocked", String.join("; ", blockers));
        }
        String canonical = canonicalForm(text);
        String sha256 = sha256(canonical);
        LocalDate inForce = adoption == null || adoption.entryIntoForce() == null ? LocalDate.now(clock) : adoption.entryIntoForce();
        store.adopt(textId, sha256, canonical, inForce);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sha256", sha256);
        data.put("version", row.version());
        data.put("visibility", row.visibility().name());
        data.put("title", row.visibility() == TextVisibility.PUBLISHED ? row.title() : null);
        data.put("track", row.trackId());
        data.put("signatories", row.signatoryIds());
        data.put("entryIntoForce", inForce.toString());
        record.append(Fact.of("text.adopted", processId, "text/" + textId, clock.instant(), Role.MEDIATOR.name(), data));
        return full(store.find(textId).orElseThrow());
    }

    /** What still stands in the way of adoption, in words for the mediator (clause numbers and party ids). */
    List<String> blockers(NegotiatingText text) {
        List<String> out = new ArrayList<>();
        if (text.clauses().isEmpty()) {
            out.add("no clauses");
        }
        Map<String, Position> byKey = new LinkedHashMap<>();
        store.positions(text.id()).forEach(p -> byKey.put(p.clauseId() + "/" + p.partyId(), p));
        Map<Long, String> names = processes.parties(text.processId()).stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.shortName()));
        for (Clause c : text.clauses()) {
            if (c.bracketed()) {
                out.add("§" + c.number() + " [ ]");
            }
            List<String> missing = new ArrayList<>();
            for (Long party : text.signatoryIds()) {
                Position p = byKey.get(c.id() + "/" + party);
                if (p == null || !p.current() || p.stance() != Stance.ACCEPT) {
                    missing.add(names.getOrDefault(party, String.valueOf(party)));
                }
            }
            if (!missing.isEmpty()) {
                out.add("§" + c.number() + ": " + String.join(", ", missing));
            }
        }
        return out;
    }

    /** Each signatory's delegate signs the adopted text once, optionally with the party's own Ed25519 signed note over the hash. */
    @Transactional
    public NegotiatingText sign(long processId, long textId, SignatureInput input, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        long party = signatoryParty(row, viewer);
        store.lock(textId);
        row = store.find(textId).orElseThrow();
        if (row.status() != TextStatus.ADOPTED) {
            throw new ConflictException("texts.sign.notAdopted");
        }
        if (store.signatures(textId).stream().anyMatch(s -> s.partyId() == party)) {
            throw new ConflictException("texts.sign.already");
        }
        NegotiatingText text = full(row);
        String key = input == null || input.verifierKey() == null || input.verifierKey().isBlank() ? null : input.verifierKey().strip();
        String note = input == null || input.signedNote() == null || input.signedNote().isBlank() ? null : input.signedNote().replace("\r\n", "\n");
        String signatureLine = null;
        if (key != null || note != null) {
            if (key == null || note == null) {
                throw new InvalidInputException(key == null ? "verifierKey" : "signedNote", "texts.sign.keyAndNote");
            }
            signatureLine = checkSignedNote(text, key, note);
        }
        String signer = viewer.displayName() == null ? "" : viewer.displayName();
        store.insertSignature(textId, party, viewer.accountId(), signer, key, note);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("party", party);
        data.put("sha256", row.adoptedSha256());
        data.put("verifierKey", key);
        data.put("signature", signatureLine);
        record.append(Fact.of("text.signed", processId, "text/" + textId, clock.instant(), Role.DELEGATE.name(), data));
        return full(store.find(textId).orElseThrow());
    }

    /** Checks a signed note over the signing statement with the record module's verifier; returns its signature line. */
    private static String checkSignedNote(NegotiatingText text, String key, String noteText) {
        Ed25519Verifier verifier;
        try {
            verifier = Ed25519Verifier.fromVerifierKey(key);
        } catch (RuntimeException e) {
            throw new InvalidInputException("verifierKey", "texts.sign.badKey");
        }
        try {
            Note note = Note.parse(noteText.endsWith("\n") ? noteText : noteText + "\n");
            if (!note.text().equals(signingStatement(text))) {
                throw new InvalidInputException("signedNote", "texts.sign.wrongStatement");
            }
            var verified = note.verify(verifier);
            if (verified.isEmpty()) {
                throw new InvalidInputException("signedNote", "texts.sign.badSignature");
            }
            String n = note.toString();
            return n.substring(n.indexOf("\n\n") + 2).strip();
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("signedNote", "texts.sign.badSignature");
        }
    }

    // --- helpers

    private TextStore.Row row(long processId, long textId) {
        processes.get(processId);
        return store.find(textId).filter(r -> r.processId() == processId).orElseThrow(() -> new NotFoundException("text", textId));
    }

    private TextStore.Row readable(long processId, long textId, Viewer viewer) {
        TextStore.Row row = row(processId, textId);
        if (!mayReadContent(row, viewer)) {
            throw new NotFoundException("text", textId);
        }
        return row;
    }

    private boolean mayReadContent(TextStore.Row row, Viewer viewer) {
        if (row.status() == TextStatus.ADOPTED && row.visibility() == TextVisibility.PUBLISHED) {
            return true;
        }
        if (viewer.is(Role.DELEGATE) && viewer.partyId() != null && row.signatoryIds().contains(viewer.partyId())) {
            return true;
        }
        return processes.mediates(row.processId(), viewer);
    }

    /** The delegate's party, if it is a signatory of this text; anyone else is told so (a 400, naming the party). */
    private long signatoryParty(TextStore.Row row, Viewer viewer) {
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null || !row.signatoryIds().contains(viewer.partyId())) {
            throw new InvalidInputException("partyId", "texts.position.notSignatory");
        }
        return viewer.partyId();
    }

    private NegotiatingText full(TextStore.Row r) {
        return new NegotiatingText(r.id(), r.processId(), r.trackId(), r.title(), r.preamble(), r.visibility(), r.status(), r.version(),
                r.adoptedAt(), r.adoptedSha256(), r.entryIntoForce(), r.signatoryIds(), store.articles(r.id()), store.signatures(r.id()), true);
    }

    private NegotiatingText redacted(TextStore.Row r) {
        return new NegotiatingText(r.id(), r.processId(), r.trackId(), null, null, r.visibility(), r.status(), r.version(),
                r.adoptedAt(), r.adoptedSha256(), r.entryIntoForce(), r.signatoryIds(), List.of(), store.signatures(r.id()).stream()
                .map(s -> new Signature(s.partyId(), s.signer(), s.signedAt(), s.verifierKey(), s.signedNote())).toList(), false);
    }

    /** RFC 8785 canonical JSON of the text as adopted: title, preamble, articles with their numbered clauses as read. */
    static String canonicalForm(NegotiatingText text) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", text.title());
        doc.put("preamble", text.preamble());
        List<Object> articles = new ArrayList<>();
        for (Article a : text.articles()) {
            List<Object> clauses = new ArrayList<>();
            for (Clause c : a.clauses()) {
                clauses.add(Map.of("number", c.number(), "text", c.rendered()));
            }
            articles.add(Map.of("number", a.number(), "heading", a.heading(), "clauses", clauses));
        }
        doc.put("articles", articles);
        try {
            return new JsonCanonicalizer(TextStore.JSON.writeValueAsString(doc)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
