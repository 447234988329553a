package org.parley.forums;

import java.net.URI;
import java.util.List;


import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.petitions.CitizenPasses;
import org.parley.petitions.Participant;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forums as JSON. Citizens act with their pass in the X-Citizen-Pass header; accounts with their bearer token. */
@RestController
class ForumApi {

    record Created(long id) {
    }

    record ReportInput(@Size(max = 1000) String reason) {
    }

    record Reported(PostStatus status) {
    }

    record UnfollowInput(@NotBlank @Size(max = 100) String token) {
    }

    private final Forums forums;
    private final CitizenPasses passes;

    ForumApi(Forums forums, CitizenPasses passes) {
        this.forums = forums;
        this.passes = passes;
    }

    private Participant who(long processId, String pass) {
        return passes.participant(processId, Viewer.current(), pass);
    }

    @GetMapping("/api/v1/processes/{processId}/forum-threads")
    List<ForumThread> threads(@PathVariable long processId, @RequestParam(required = false) ForumSubject subjectKind,
                              @RequestParam(required = false) Long subjectId) {
        return forums.threads(processId, subjectKind, subjectId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/forum-threads")
    ResponseEntity<Created> start(@PathVariable long processId, @Valid @RequestBody NewThread t,
                                  @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        long id = forums.startThread(processId, t, who(processId, pass));
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/forum-threads/" + id)).body(new Created(id));
    }

    @GetMapping("/api/v1/processes/{processId}/forum-threads/{threadId}")
    Forums.ThreadView thread(@PathVariable long processId, @PathVariable long threadId) {
        return forums.thread(processId, threadId, Viewer.current());
    }

    @PostMapping("/api/v1/processes/{processId}/forum-threads/{threadId}/posts")
    ResponseEntity<Created> reply(@PathVariable long processId, @PathVariable long threadId, @Valid @RequestBody NewPost p,
                                  @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(forums.reply(processId, threadId, p, who(processId, pass))));
    }

    @PostMapping("/api/v1/processes/{processId}/forum-threads/{threadId}/followers")
    ResponseEntity<Void> follow(@PathVariable long processId, @PathVariable long threadId,
                                @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        forums.follow(processId, threadId, who(processId, pass));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/forums/unfollow")
    ResponseEntity<Void> unfollow(@Valid @RequestBody UnfollowInput u) {
        forums.unfollow(u.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/processes/{processId}/forum-posts/{postId}/reports")
    ResponseEntity<Reported> report(@PathVariable long processId, @PathVariable long postId, @Valid @RequestBody ReportInput r,
                                    @RequestHeader(name = CitizenPasses.HEADER, required = false) String pass) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Reported(forums.report(processId, postId, r.reason(), who(processId, pass))));
    }

    @PostMapping("/api/v1/processes/{processId}/forum-posts/{postId}/review")
    ForumPost review(@PathVariable long processId, @PathVariable long postId, @Valid @RequestBody Review r) {
        return forums.review(processId, postId, r, Viewer.current());
    }

    @PutMapping("/api/v1/processes/{processId}/forum-posts/{postId}/translations/{language}")
    ResponseEntity<Void> translate(@PathVariable long processId, @PathVariable long postId, @PathVariable String language,
                                   @Valid @RequestBody NewTranslation t) {
        forums.translate(processId, postId, language, t, Viewer.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/processes/{processId}/forum-moderation")
    List<Forums.Queued> queue(@PathVariable long processId) {
        return forums.queue(processId, Viewer.current());
    }

    @GetMapping("/api/v1/processes/{processId}/forum-settings")
    ForumSettings settings(@PathVariable long processId) {
        return forums.settings(processId);
    }

    @PutMapping("/api/v1/processes/{processId}/forum-settings")
    ForumSettings updateSettings(@PathVariable long processId, @Valid @RequestBody ForumSettings s) {
        return forums.updateSettings(processId, s, Viewer.current());
    }

}
