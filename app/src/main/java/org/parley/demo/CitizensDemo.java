package org.parley.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.commitments.Commitments;
import org.parley.engagement.Consultations;
import org.parley.feedback.Answer;
import org.parley.feedback.Feedback;
import org.parley.feedback.FeedbackItem;
import org.parley.feedback.NewFeedback;
import org.parley.forums.ForumSubject;
import org.parley.forums.Forums;
import org.parley.forums.NewPost;
import org.parley.forums.NewThread;
import org.parley.forums.NewTranslation;
import org.parley.forums.Review;
import org.parley.hearings.Hearing;
import org.parley.hearings.Hearings;
import org.parley.hearings.Minutes;
import org.parley.hearings.NewHearing;
import org.parley.hearings.NewSubmission;
import org.parley.petitions.CitizenPasses;
import org.parley.petitions.Participant;
import org.parley.petitions.Petition;
import org.parley.petitions.Petitions;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.roadmap.Roadmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The citizens' side of the demo, loaded once as people would make it: three citizens prove their emails
 * through the mailed links, discuss the security track in a forum (one spam post reported and removed, the
 * opening post translated by the mediator), a hearing on the demo petition that was held (with minutes and an
 * outcome) and one to come with registrations and a written submission, and feedback on the first milestone
 * and the first commitment. Runs after the other demos, whose petition and consultation it links.
 */
@Component
@Order(30)
class CitizensDemo implements ApplicationRunner {

    static final String MARKER = "demo.citizens.loaded";
    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");
    private static final Logger log = LoggerFactory.getLogger(CitizensDemo.class);

    private final boolean enabled;
    private final DemoOnce once;
    private final Processes processes;
    private final CitizenPasses passes;
    private final Petitions petitions;
    private final Forums forums;
    private final Hearings hearings;
    private final Feedback feedback;
    private final Roadmap roadmap;
    private final Commitments commitments;
    private final Consultations consultations;
    private final Clock clock;

    CitizensDemo(@Value("${parley.demo.enabled:true}") boolean enabled, DemoOnce once, Processes processes, CitizenPasses passes,
                 Petitions petitions, Forums forums, Hearings hearings, Feedback feedback, Roadmap roadmap, Commitments commitments,
                 Consultations consultations, Clock clock) {
        this.enabled = enabled;
        this.once = once;
        this.processes = processes;
        this.passes = passes;
        this.petitions = petitions;
        this.forums = forums;
        this.hearings = hearings;
        this.feedback = feedback;
        this.roadmap = roadmap;
        this.commitments = commitments;
        this.consultations = consultations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && once.load(MARKER, this::load)) {
            log.info("Loaded the demo forums, hearings and feedback");
        }
    }

    private void load(Process process, Viewer mediator) {
        long pid = process.id();
        Participant taras = citizen(pid, mediator, "Taras M.", "taras.m@example.org", "203.0.113.21");
        Participant iryna = citizen(pid, mediator, "Iryna S.", "iryna.s@example.org", "203.0.113.22");
        Participant spammer = citizen(pid, mediator, "Deal Finder", "deals@example.net", "203.0.113.23");
        Participant moderator = Participant.of(mediator);

        var track = processes.tracks(pid).getFirst();
        long thread = forums.startThread(pid, new NewThread(ForumSubject.TRACK, track.id(), "How will the ceasefire line be monitored?",
                "<p>The talks speak of <strong>international observers</strong> along the contact line. Who chooses them, and will their "
                        + "reports be published in full?</p>", "en", true), taras);
        var opening = forums.thread(pid, thread, mediator).posts().getFirst();
        forums.translate(pid, opening.id(), "uk", new NewTranslation("Як контролюватимуть лінію припинення вогню?",
                "<p>На переговорах говорять про <strong>міжнародних спостерігачів</strong> уздовж лінії зіткнення. Хто їх обирає і чи "
                        + "публікуватимуть їхні звіти повністю?</p>"), mediator);
        forums.reply(pid, thread, new NewPost("<p>And in which languages? Reports should come in Ukrainian and Russian too, not only "
                + "English.</p>", "en", true), iryna);
        forums.reply(pid, thread, new NewPost("<p>The observers' verified findings are published on the monitoring pages, and every "
                + "verdict is an entry of the public record. The mission's composition is on the agenda of the next session.</p>",
                "en", false), moderator);
        long spam = forums.reply(pid, thread, new NewPost("<p>Cheap flights out of the region, click here!</p>", "en", false), spammer);
        forums.report(pid, spam, "Advertising", taras);
        forums.report(pid, spam, "Spam", iryna);
        forums.review(pid, spam, new Review(Review.Decision.REMOVE, "Advertising, not part of the discussion."), mediator);

        Petition petition = petitions.list(pid, mediator).stream().filter(p -> p.status().published()).findFirst().orElse(null);
        List<Long> linked = petition == null ? List.of() : List.of(petition.id());
        Long consultation = consultations.list(pid).stream().map(c -> c.id()).findFirst().orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Hearing held = hearings.schedule(pid, new NewHearing("Hearing on safe corridors for civilians",
                "1. The petition and its signatories\n2. The parties' positions on corridors and local pauses\n3. Questions from the public",
                now.minus(Duration.ofDays(10)), "Palais des Nations, Geneva", "https://meet.example.org/corridors", null, 120, true, null, linked),
                mediator);
        hearings.recordMinutes(pid, held.id(), new Minutes(
                "The mediator opened the hearing. The petition's first signatory presented it. The delegations of Ukraine and Russia "
                        + "stated their positions on corridors; twelve members of the public asked questions.",
                "The mediator will table a draft article on humanitarian corridors at the next session of the humanitarian track."), mediator);
        Hearing upcoming = hearings.schedule(pid, new NewHearing("Public hearing on the exchange of prisoners",
                "1. The state of the exchanges\n2. Families' testimonies\n3. What the public asks of the parties",
                now.plus(Duration.ofDays(21)), null, "https://meet.example.org/exchanges", null, 40, true, consultation, linked), mediator);
        hearings.register(pid, upcoming.id(), taras);
        hearings.register(pid, upcoming.id(), iryna);
        hearings.submit(pid, upcoming.id(), new NewSubmission("My brother has been held since 2023. Families need one place where "
                + "the lists of exchanged people are published.", "en"), iryna);

        roadmap.milestones(pid).stream().findFirst().ifPresent(m -> {
            feedback.give(pid, FeedbackItem.MILESTONE, m.id(), new NewFeedback(Answer.PARTLY, "Shelling has dropped near us, but not stopped."),
                    taras, "203.0.113.21");
            feedback.give(pid, FeedbackItem.MILESTONE, m.id(), new NewFeedback(Answer.NO, null), iryna, "203.0.113.22");
        });
        commitments.list(pid, Viewer.anonymous()).stream().findFirst().ifPresent(c ->
                feedback.give(pid, FeedbackItem.COMMITMENT, c.id(), new NewFeedback(Answer.YES, "The observers' reports confirm it."),
                        taras, "203.0.113.21"));
    }

    /** A citizen who proves an email the way anyone does: asks for a link and confirms it. */
    private Participant citizen(long pid, Viewer mediator, String name, String email, String ip) {
        passes.request(pid, name, email, null, ip);
        var mail = petitions.outbox(pid, mediator).stream().filter(m -> m.recipient().equals(email)).findFirst().orElseThrow();
        Matcher m = TOKEN.matcher(mail.body());
        if (!m.find()) {
            throw new IllegalStateException("no link in the demo mail");
        }
        return Participant.of(passes.confirm(m.group(1)).citizen());
    }
}
