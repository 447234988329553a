package org.parley.forums;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.petitions.Participant;
import org.parley.platform.CitizenMail;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.TooManyRequestsException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forums. Posts are sanitised before they are stored and shown at once (moderation after publication);
 * K reports from different people hide a post until a mediator of the process restores or removes it.
 * Followers get one mail per new post, written in the same transaction as the post.
 */
@Service
@Transactional(readOnly = true)
public class Forums {

    public static final int MAX_BODY = 20_000;
    static final int POSTS_PER_WINDOW = 10;
    static final Duration POST_WINDOW = Duration.ofMinutes(10);
    private static final Set<String> LANGUAGES = Set.of("en", "uk", "ru");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A thread with its posts, as the viewer may see them. */
    public record ThreadView(ForumThread thread, List<ForumPost> posts) {
    }

    /** A post waiting in the moderation queue, with the thread it is in and the reasons people gave. */
    public record Queued(ForumPost post, long threadId, String threadTitle, List<String> reasons) {
    }

    private final ForumStore store;
    private final ForumSubjects subjects;
    private final Processes processes;
    private final CitizenMail mail;
    private final MessageSource messages;
    private final Clock clock;

    Forums(ForumStore store, ForumSubjects subjects, Processes processes, CitizenMail mail, MessageSource messages, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.processes = processes;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    // --- settings

    public ForumSettings settings(long processId) {
        processes.get(processId);
        return store.settings(processId).orElse(ForumSettings.DEFAULTS);
    }

    @Transactional
    public ForumSettings updateSettings(long processId, ForumSettings s, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        store.saveSettings(processId, s);
        return s;
    }

    // --- reading

    /** Threads of the process, newest activity first; optionally only those about one kind of subject, or one subject. */
    public List<ForumThread> threads(long processId, ForumSubject kind, Long subjectId, Viewer viewer) {
        processes.get(processId);
        boolean mediates = processes.mediates(processId, viewer);
        List<ForumStore.ThreadRow> rows = store.threads(processId, kind, subjectId, 200);
        var titles = store.titleTranslations(rows.stream().map(ForumStore.ThreadRow::openingPostId).toList());
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(r -> view(r, names.computeIfAbsent(r.subjectKind() + "/" + r.subjectId(),
                k -> subjects.titleOrId(processId, r.subjectKind(), r.subjectId())), titles.getOrDefault(r.openingPostId(), Map.of()), mediates)).toList();
    }

    public ThreadView thread(long processId, long threadId, Viewer viewer) {
        ForumStore.ThreadRow row = threadOf(processId, threadId);
        boolean mediates = processes.mediates(processId, viewer);
        Map<Long, Map<String, String[]>> translations = store.translations(threadId);
        Map<String, String> titleTranslations = new LinkedHashMap<>();
        translations.getOrDefault(row.openingPostId(), Map.of()).forEach((lang, tb) -> {
            if (tb[0] != null) {
                titleTranslations.put(lang, tb[0]);
            }
        });
        ForumThread thread = view(row, subjects.titleOrId(processId, row.subjectKind(), row.subjectId()), titleTranslations, mediates);
        List<ForumPost> posts = store.posts(threadId).stream().map(p -> view(p, translations.getOrDefault(p.id(), Map.of()), mediates)).toList();
        return new ThreadView(thread, posts);
    }

    /** Whether this email follows the thread (the page shows "follow" or "unfollow"). */
    public boolean follows(long threadId, Participant who) {
        String norm = who.emailNorm();
        return norm != null && store.following(threadId, norm);
    }

    // --- writing

    @Transactional
    public long startThread(long processId, NewThread t, Participant author) {
        processes.get(processId);
        String title = t.title() == null ? "" : t.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidInputException("title", "forums.title.invalid");
        }
        String subjectTitle;
        try {
            subjectTitle = subjects.title(processId, t.subjectKind(), t.subjectId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("subjectId", "forums.subject.unknown");
        }
        String body = body(t.body());
        rateLimit(author);
        String language = language(t.language());
        Instant now = clock.instant();
        long threadId = store.insertThread(processId, t.subjectKind(), t.subjectId(), title, language, now);
        store.insertPost(threadId, author, body, language, now);
        if (t.following()) {
            follow(threadId, author);
        }
        return threadId;
    }

    @Transactional
    public long reply(long processId, long threadId, NewPost p, Participant author) {
        ForumStore.ThreadRow thread = threadOf(processId, threadId);
        String body = body(p.body());
        rateLimit(author);
        Instant now = clock.instant();
        long postId = store.insertPost(threadId, author, body, language(p.language()), now);
        store.touch(threadId, now);
        if (p.following()) {
            follow(threadId, author);
        }
        notifyFollowers(thread, author, body, postId);
        return postId;
    }

    /** Subscribes the participant's email to the thread's new posts. */
    @Transactional
    public void follow(long processId, long threadId, Participant who) {
        threadOf(processId, threadId);
        follow(threadId, who);
    }

    @Transactional
    public void unfollow(long processId, long threadId, Participant who) {
        threadOf(processId, threadId);
        if (who.emailNorm() != null) {
            store.unfollow(threadId, who.emailNorm());
        }
    }

    /** Unfollows through the link in a notification. Returns the thread, or empty if the link was already used. */
    @Transactional
    public java.util.Optional<Long> unfollow(String token) {
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        var thread = store.followerThread(token);
        thread.ifPresent(t -> store.unfollow(token));
        return thread;
    }

    public java.util.Optional<ForumThread> threadOfUnfollowLink(String token) {
        if (token == null || token.isBlank()) {
            return java.util.Optional.empty();
        }
        return store.followerThread(token).flatMap(store::thread)
                .map(r -> view(r, subjects.titleOrId(r.processId(), r.subjectKind(), r.subjectId()), Map.of(), false));
    }

    private void follow(long threadId, Participant who) {
        String norm = who.emailNorm();
        if (norm == null) {
            throw new InvalidInputException("follow", "forums.follow.noEmail");
        }
        store.follow(threadId, who.email(), norm, language(null), newToken(), clock.instant());
    }

    private void notifyFollowers(ForumStore.ThreadRow thread, Participant author, String body, long postId) {
        String text = RichText.text(body);
        String excerpt = text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
        String link = mail.link("/processes/" + thread.processId() + "/forums/threads/" + thread.id() + "#post-" + postId);
        String authorNorm = author.emailNorm();
        for (ForumStore.Follower f : store.followers(thread.id())) {
            if (f.emailNorm().equals(authorNorm)) {
                continue;
            }
            Locale locale = Locale.forLanguageTag(f.language());
            mail.send(thread.processId(), f.email(),
                    messages.getMessage("forums.mail.subject", new Object[] {thread.title()}, locale),
                    messages.getMessage("forums.mail.body", new Object[] {author.name(), thread.title(), excerpt, link,
                            mail.link("/forums/unfollow?t=" + f.token())}, locale));
        }
    }

    /** A report from one person; the K-th report since the last review hides a visible post until it is reviewed. */
    @Transactional
    public PostStatus report(long processId, long postId, String reason, Participant reporter) {
        ForumStore.PostRow post = store.lockPost(postId).filter(p -> p.processId() == processId)
                .orElseThrow(() -> new NotFoundException("post", postId));
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 1000) {
            throw new InvalidInputException("reason", "forums.report.reasonTooLong");
        }
        if (post.status() == PostStatus.REMOVED) {
            throw new ConflictException("forums.report.removed");
        }
        if (!store.insertReport(postId, reporter.key(), why, clock.instant())) {
            throw new ConflictException("forums.report.already");
        }
        int reports = store.addReport(postId);
        if (post.status() == PostStatus.VISIBLE && reports >= settings(processId).reportThreshold()) {
            store.setStatus(postId, PostStatus.HIDDEN);
            return PostStatus.HIDDEN;
        }
        return post.status();
    }

    @Transactional
    public ForumPost review(long processId, long postId, Review r, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        ForumStore.PostRow post = store.lockPost(postId).filter(p -> p.processId() == processId)
                .orElseThrow(() -> new NotFoundException("post", postId));
        String reason = r.reason() == null ? null : r.reason().strip();
        if (r.decision() == Review.Decision.REMOVE && (reason == null || reason.isEmpty())) {
            throw new InvalidInputException("reason", "forums.review.reasonRequired");
        }
        store.review(postId, r.decision() == Review.Decision.RESTORE ? PostStatus.VISIBLE : PostStatus.REMOVED,
                reason == null || reason.isEmpty() ? null : reason, viewer.accountId(), clock.instant());
        return view(store.post(post.id()).orElseThrow(), Map.of(), true);
    }

    @Transactional
    public void translate(long processId, long postId, String language, NewTranslation t, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        ForumStore.PostRow post = store.post(postId).filter(p -> p.processId() == processId)
                .orElseThrow(() -> new NotFoundException("post", postId));
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "forums.language.invalid");
        }
        if (language.equals(post.language())) {
            throw new InvalidInputException("language", "forums.translation.sameLanguage");
        }
        ForumStore.ThreadRow thread = store.thread(post.threadId()).orElseThrow();
        String title = t.title() == null || t.title().isBlank() ? null : t.title().strip();
        if (title != null && thread.openingPostId() != postId) {
            throw new InvalidInputException("title", "forums.translation.titleOnlyOpening");
        }
        store.translate(postId, language, title, body(t.body()), viewer.accountId(), clock.instant());
    }

    public List<Queued> queue(long processId, Viewer viewer) {
        processes.get(processId);
        if (!processes.mediates(processId, viewer)) {
            throw new ForbiddenException("error.notMediatorOfProcess");
        }
        Map<Long, String> titles = new HashMap<>();
        return store.queue(processId).stream().map(p -> new Queued(view(p, Map.of(), true), p.threadId(),
                titles.computeIfAbsent(p.threadId(), id -> store.thread(id).map(ForumStore.ThreadRow::title).orElse("")),
                List.copyOf(store.reportReasons(p.id()).values()))).toList();
    }

    // --- helpers

    private ForumStore.ThreadRow threadOf(long processId, long threadId) {
        return store.thread(threadId).filter(t -> t.processId() == processId).orElseThrow(() -> new NotFoundException("thread", threadId));
    }

    private void rateLimit(Participant author) {
        if (author.role() == null && store.postsSince(author.key(), clock.instant().minus(POST_WINDOW)) >= POSTS_PER_WINDOW) {
            throw new TooManyRequestsException("forums.post.rateLimited");
        }
    }

    /** The body sanitised; refused when nothing readable is left (only tags, or a script). */
    private static String body(String raw) {
        if (raw == null || raw.length() > MAX_BODY) {
            throw new InvalidInputException("body", "forums.body.invalid");
        }
        String clean = RichText.sanitise(raw);
        if (RichText.text(clean).isBlank()) {
            throw new InvalidInputException("body", "forums.body.empty");
        }
        return clean;
    }

    private static String newToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String language(String requested) {
        if (requested != null && LANGUAGES.contains(requested)) {
            return requested;
        }
        String l = LocaleContextHolder.getLocale().getLanguage();
        return LANGUAGES.contains(l) ? l : "en";
    }

    private static ForumThread view(ForumStore.ThreadRow r, String subjectTitle, Map<String, String> titleTranslations, boolean mediates) {
        boolean shown = r.openingStatus() == PostStatus.VISIBLE || mediates;
        return new ForumThread(r.id(), r.processId(), r.subjectKind(), r.subjectId(), subjectTitle, shown ? r.title() : null, r.language(),
                shown ? titleTranslations : Map.of(), r.createdAt(), r.lastPostAt(), r.posts());
    }

    private static ForumPost view(ForumStore.PostRow p, Map<String, String[]> translations, boolean mediates) {
        boolean shown = p.status() == PostStatus.VISIBLE || mediates;
        Map<String, String> bodies = new LinkedHashMap<>();
        if (shown) {
            translations.forEach((lang, tb) -> bodies.put(lang, tb[1]));
        }
        return new ForumPost(p.id(), p.threadId(), p.authorName(), p.authorRole(), shown ? p.bodyHtml() : null, p.language(), p.createdAt(),
                p.status(), p.reports(), p.moderationReason(), bodies);
    }
}
