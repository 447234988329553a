package org.parley.humanitarian;

import java.time.Instant;
import java.util.List;

import org.parley.monitoring.VerifiedIncidents;
import org.springframework.stereotype.Component;

/**
 * Where corridor safety comes from: monitoring's verified events within the corridor's buffer of its route
 * during its window, turned into the humanitarian feature's own terms.
 */
@Component
class CorridorIncidents {

    private final VerifiedIncidents verified;

    CorridorIncidents(VerifiedIncidents verified) {
        this.verified = verified;
    }

    /** The verified incidents near the route in the window, earliest first; none for a route without points. */
    List<Corridors.Incident> near(long processId, List<Corridors.Point> route, int bufferMetres, Instant from, Instant to) {
        List<double[]> points = route.stream().map(p -> new double[]{p.latitude(), p.longitude()}).toList();
        return verified.near(processId, points, bufferMetres, from, to).stream()
                .map(n -> new Corridors.Incident(n.event().id(), n.event().category().name(), n.event().firstAt(), n.event().lastAt(),
                        n.event().latitude(), n.event().longitude(), n.event().admin1(), Math.round(n.distanceMetres())))
                .toList();
    }
}
