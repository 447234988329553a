package org.parley.publicrecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The log over HTTP exactly as C2SP tlog-tiles lays it out, for {@code parley-verify} and any other
 * client, plus the tlog-witness {@code add-checkpoint} endpoint through which parties' witnesses hand in
 * their cosignatures.
 */
@RestController
class LogEndpoints {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final PostgresTileStore tiles;
    private final PublicRecord record;
    private final Witnesses witnesses;

    LogEndpoints(PostgresTileStore tiles, PublicRecord record, Witnesses witnesses) {
        this.tiles = tiles;
        this.record = record;
        this.witnesses = witnesses;
    }

    @GetMapping("/log/checkpoint")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(TEXT).body(record.state().checkpoint());
    }

    @GetMapping("/log/tile/{*path}")
    ResponseEntity<byte[]> tile(@PathVariable String path) {
        Optional<TilePath> tile = TilePath.parse(path.startsWith("/") ? path.substring(1) : path);
        if (tile.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        TilePath t = tile.get();
        Optional<byte[]> data = t.level() == TilePath.ENTRIES ? tiles.readEntryBundle(t.index(), t.width())
                : tiles.readTile(t.level(), t.index(), t.width());
        // Both full tiles and partial tiles of a given width never change once published.
        return data.map(bytes -> ResponseEntity.ok().cacheControl(IMMUTABLE).contentType(MediaType.APPLICATION_OCTET_STREAM).body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(value = "/log/add-checkpoint")
    ResponseEntity<String> addCheckpoint(@RequestBody byte[] body, HttpServletRequest request) {
        Witnesses.Outcome outcome = witnesses.addCheckpoint(body);
        return switch (outcome.status()) {
            case OK -> ResponseEntity.ok().contentType(TEXT).body(outcome.body());
            case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).contentType(new MediaType("text", "x.tlog.size")).body(outcome.body());
            case BAD_REQUEST -> ResponseEntity.badRequest().contentType(TEXT).body(outcome.body());
            case FORBIDDEN -> ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(TEXT).body(outcome.body());
            case UNPROCESSABLE -> ResponseEntity.unprocessableContent().contentType(TEXT).body(outcome.body());
        };
    }
}
