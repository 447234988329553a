package org.parley.texts;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.parley.platform.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/processes/{processId}/texts")
class TextsApi {

    private final Texts texts;

    TextsApi(Texts texts) {
        this.texts = texts;
    }

    @GetMapping
    List<NegotiatingText> list(@PathVariable long processId) {
        return texts.list(processId, Viewer.current());
    }

    @PostMapping
    ResponseEntity<NegotiatingText> create(@PathVariable long processId, @Valid @RequestBody NewText command) {
        NegotiatingText t = texts.create(processId, command, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/texts/" + t.id())).body(t);
    }

    @GetMapping("/{textId}")
    NegotiatingText get(@PathVariable long processId, @PathVariable long textId) {
        return texts.get(processId, textId, Viewer.current());
    }

    @PutMapping("/{textId}")
    NegotiatingText save(@PathVariable long processId, @PathVariable long textId, @Valid @RequestBody Draft draft) {
        return texts.save(processId, textId, draft, Viewer.current());
    }

    @GetMapping("/{textId}/versions")
    List<Version> versions(@PathVariable long processId, @PathVariable long textId) {
        return texts.versions(processId, textId, Viewer.current());
    }

    @GetMapping("/{textId}/redline")
    Redline redline(@PathVariable long processId, @PathVariable long textId, @RequestParam int from, @RequestParam int to,
                    @RequestParam(required = false) Long toText) {
        return texts.redline(processId, textId, from, to, toText, Viewer.current());
    }

    @GetMapping("/{textId}/positions")
    List<Position> positions(@PathVariable long processId, @PathVariable long textId) {
        return texts.positions(processId, textId, Viewer.current());
    }

    @PostMapping("/{textId}/positions")
    Position recordPosition(@PathVariable long processId, @PathVariable long textId, @Valid @RequestBody PositionInput input) {
        return texts.recordPosition(processId, textId, input, Viewer.current());
    }

    @PostMapping("/{textId}/positions/share")
    List<Position> share(@PathVariable long processId, @PathVariable long textId) {
        texts.sharePositions(processId, textId, Viewer.current());
        return texts.positions(processId, textId, Viewer.current());
    }

    @GetMapping("/{textId}/matrix")
    Matrix matrix(@PathVariable long processId, @PathVariable long textId) {
        return texts.matrix(processId, textId, Viewer.current());
    }

    @GetMapping("/{textId}/comments")
    List<Comment> comments(@PathVariable long processId, @PathVariable long textId) {
        return texts.comments(processId, textId, Viewer.current());
    }

    @PostMapping("/{textId}/comments")
    ResponseEntity<Comment> comment(@PathVariable long processId, @PathVariable long textId, @Valid @RequestBody Comment.Input input) {
        return ResponseEntity.status(201).body(texts.comment(processId, textId, input, Viewer.current()));
    }

    @PostMapping("/{textId}/adopt")
    NegotiatingText adopt(@PathVariable long processId, @PathVariable long textId, @RequestBody(required = false) Adoption adoption) {
        return texts.adopt(processId, textId, adoption, Viewer.current());
    }

    @PostMapping("/{textId}/signatures")
    NegotiatingText sign(@PathVariable long processId, @PathVariable long textId, @Valid @RequestBody(required = false) SignatureInput input) {
        return texts.sign(processId, textId, input, Viewer.current());
    }
}
