package org.parley.engagement;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.PublicWrite;
import org.parley.platform.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consultations API. Participants identify themselves with the token they got from
 * {@code POST …/participants}, in the {@value #PARTICIPANT_HEADER} header; no account needed.
 */
@RestController
@RequestMapping("/api/v1/processes/{processId}/consultations")
class ConsultationApi {

    static final String PARTICIPANT_HEADER = "X-Participant-Token";

    record Joined(String participantToken) {
    }

    record JoinRequest(String invitationCode) {
    }

    record InviteRequest(Integer count) {
    }

    record Invitations(List<String> codes) {
    }

    record EmailRequest(String email) {
    }

    record Mailed(boolean mailed, long linkValidHours) {
    }

    record TokenRequest(String token) {
    }

    record Answers(Map<Long, Integer> answers) {
    }

    private final Consultations consultations;
    private final EmailVerifications emails;
    private final Demographics demographics;
    private final MessageSource messages;

    ConsultationApi(Consultations consultations, EmailVerifications emails, Demographics demographics, MessageSource messages) {
        this.consultations = consultations;
        this.emails = emails;
        this.demographics = demographics;
        this.messages = messages;
    }

    @GetMapping
    List<Consultation> list(@PathVariable long processId) {
        return consultations.list(processId);
    }

    @PostMapping
    ResponseEntity<Consultation> create(@PathVariable long processId, @RequestBody NewConsultation command) {
        Consultation c = consultations.create(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/consultations/" + c.id())).body(c);
    }

    @GetMapping("/{consultationId}")
    Consultation get(@PathVariable long processId, @PathVariable long consultationId) {
        return consultations.get(processId, consultationId);
    }

    @PostMapping("/{consultationId}/close")
    Consultation close(@PathVariable long processId, @PathVariable long consultationId) {
        return consultations.close(processId, consultationId, Viewer.current());
    }

    @PostMapping("/{consultationId}/invitations")
    ResponseEntity<Invitations> invite(@PathVariable long processId, @PathVariable long consultationId, @RequestBody(required = false) InviteRequest r) {
        int count = r == null || r.count() == null ? 0 : r.count();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Invitations(consultations.invite(processId, consultationId, count, Viewer.current())));
    }

    @PostMapping("/{consultationId}/participants")
    ResponseEntity<Joined> join(@PathVariable long processId, @PathVariable long consultationId, @RequestBody(required = false) JoinRequest r) {
        String token = consultations.join(processId, consultationId, r == null ? null : r.invitationCode(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Joined(token));
    }

    @GetMapping("/{consultationId}/statements")
    List<Statement> statements(@PathVariable long processId, @PathVariable long consultationId) {
        return consultations.statements(processId, consultationId);
    }

    @GetMapping("/{consultationId}/statements/pending")
    List<Statement> pending(@PathVariable long processId, @PathVariable long consultationId) {
        return consultations.moderationQueue(processId, consultationId, Statement.Status.PENDING, Viewer.current());
    }

    @PostMapping("/{consultationId}/statements")
    ResponseEntity<Statement> submit(@PathVariable long processId, @PathVariable long consultationId,
                                     @RequestHeader(name = PARTICIPANT_HEADER, required = false) String token, @RequestBody(required = false) NewStatement s) {
        Long participant = participant(consultationId, token);
        Statement created = consultations.submit(processId, consultationId, participant, s, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/consultations/" + consultationId + "/statements/" + created.id()))
                .body(created);
    }

    @GetMapping("/{consultationId}/statements/{statementId}")
    Statement statement(@PathVariable long processId, @PathVariable long consultationId, @PathVariable long statementId) {
        return consultations.statement(processId, consultationId, statementId);
    }

    @PostMapping("/{consultationId}/statements/{statementId}/moderation")
    Statement moderate(@PathVariable long processId, @PathVariable long consultationId, @PathVariable long statementId,
                       @RequestBody(required = false) ModerationDecision d) {
        return consultations.moderate(processId, consultationId, statementId, d, Viewer.current());
    }

    @PutMapping("/{consultationId}/statements/{statementId}/translations")
    Statement translate(@PathVariable long processId, @PathVariable long consultationId, @PathVariable long statementId,
                        @RequestBody(required = false) Map<String, String> translations) {
        return consultations.translate(processId, consultationId, statementId, translations, Viewer.current());
    }

    @PublicWrite
    @PostMapping("/{consultationId}/votes")
    Consultations.VoteOutcome vote(@PathVariable long processId, @PathVariable long consultationId,
                                   @RequestHeader(name = PARTICIPANT_HEADER, required = false) String token, @RequestBody(required = false) NewVote v) {
        return consultations.voteWithToken(processId, consultationId, token, v);
    }

    @GetMapping("/{consultationId}/next")
    Consultations.Next next(@PathVariable long processId, @PathVariable long consultationId,
                            @RequestHeader(name = PARTICIPANT_HEADER, required = false) String token) {
        return consultations.next(processId, consultationId, participant(consultationId, token));
    }

    @GetMapping("/{consultationId}/report")
    Report report(@PathVariable long processId, @PathVariable long consultationId) {
        return consultations.report(processId, consultationId);
    }

    @GetMapping(value = "/{consultationId}/export/statements.csv", produces = "text/csv")
    ResponseEntity<String> statementsCsv(@PathVariable long processId, @PathVariable long consultationId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"consultation-" + consultationId + "-statements.csv\"")
                .body(consultations.statementsCsv(processId, consultationId));
    }

    @GetMapping(value = "/{consultationId}/export/votes.csv", produces = "text/csv")
    void votesCsv(@PathVariable long processId, @PathVariable long consultationId, HttpServletResponse response) throws IOException {
        consultations.get(processId, consultationId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"consultation-" + consultationId + "-votes.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        consultations.votesCsv(processId, consultationId, out);
        out.flush();
    }

    // --- closed mode by verified e-mail

    /** Mails a one-time link to the address; confirming it (below) makes the participant. */
    @PostMapping("/{consultationId}/email-links")
    ResponseEntity<Mailed> mailLink(@PathVariable long processId, @PathVariable long consultationId, @RequestBody(required = false) EmailRequest r,
                                    HttpServletRequest request) {
        emails.request(processId, consultationId, r == null ? null : r.email(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Mailed(true, EmailVerifications.LINK_LIFETIME.toHours()));
    }

    @PostMapping("/{consultationId}/email-links/confirm")
    ResponseEntity<Joined> confirmLink(@PathVariable long processId, @PathVariable long consultationId, @RequestBody(required = false) TokenRequest r) {
        String token = emails.confirm(processId, consultationId, r == null ? null : r.token());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Joined(token));
    }

    // --- demographic questions

    @GetMapping("/{consultationId}/demographics")
    List<Question> questions(@PathVariable long processId, @PathVariable long consultationId) {
        return demographics.questions(processId, consultationId);
    }

    /** The participant's own answers (question id → answer index). */
    @GetMapping("/{consultationId}/demographics/answers")
    Map<Long, Integer> answers(@PathVariable long processId, @PathVariable long consultationId,
                               @RequestHeader(name = PARTICIPANT_HEADER, required = false) String token) {
        consultations.get(processId, consultationId);
        Long participant = participant(consultationId, token);
        if (participant == null) {
            throw new org.parley.platform.InvalidInputException("participant", "consultations.error.participantUnknown");
        }
        return demographics.answersOf(participant);
    }

    @PostMapping("/{consultationId}/demographics/answers")
    Map<Long, Integer> answer(@PathVariable long processId, @PathVariable long consultationId,
                              @RequestHeader(name = PARTICIPANT_HEADER, required = false) String token, @RequestBody(required = false) Answers a) {
        return demographics.answer(processId, consultationId, participant(consultationId, token), a == null ? null : a.answers());
    }

    /** Unknown tokens are simply no participant: the service answers with a field problem. */
    private Long participant(long consultationId, String token) {
        Optional<Long> p = consultations.participant(consultationId, token, false);
        return p.orElse(null);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(e.getMessage(), null, e.getMessage(), LocaleContextHolder.getLocale()));
        p.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1").body(p);
    }
}
