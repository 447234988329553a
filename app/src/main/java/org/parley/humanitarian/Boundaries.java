package org.parley.humanitarian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Ukraine's admin-1 boundaries for the offline gaps map (OpenStreetMap, ODbL; from
 * ../shared/data/real/ukraine-admin1.geojson), served by the feature itself so that it does not depend on
 * which static folders the platform maps.
 */
@Controller
class Boundaries {

    private final byte[] admin1;

    Boundaries() {
        try (InputStream in = new ClassPathResource("humanitarian/ukraine-admin1.geojson").getInputStream()) {
            admin1 = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/humanitarian/ukraine-admin1.geojson")
    ResponseEntity<byte[]> admin1() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(admin1);
    }
}
