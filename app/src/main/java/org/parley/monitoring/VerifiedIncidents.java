package org.parley.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verified events near a route during a time window: how other features (the humanitarian corridors)
 * learn whether fighting went on along a route. Only VERIFIED events count: a report or a corroborated event
 * is not yet a finding, and verified events are public, so the answer may be shown to anyone.
 */
@Component
public class VerifiedIncidents {

    /** A verified event and its distance from the route, in metres. */
    public record Near(Event event, double distanceMetres) {
    }

    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    private final JdbcClient jdbc;
    private final GeometryFactory factory = new GeometryFactory();

    VerifiedIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Verified events of the process whose time span overlaps {@code [from, to]} and whose place lies within
     * {@code bufferMetres} of the route, earliest first.
     *
     * @param route the route's points as {latitude, longitude}, in order; one point stands for a place
     */
    @Transactional(readOnly = true)
    public List<Near> near(long processId, List<double[]> route, double bufferMetres, Instant from, Instant to) {
        if (route == null || route.isEmpty() || from == null || to == null || bufferMetres < 0 || to.isBefore(from)) {
            return List.of();
        }
        double latMin = Double.MAX_VALUE, latMax = -Double.MAX_VALUE, lonMin = Double.MAX_VALUE, lonMax = -Double.MAX_VALUE;
        for (double[] p : route) {
            latMin = Math.min(latMin, p[0]);
            latMax = Math.max(latMax, p[0]);
            lonMin = Math.min(lonMin, p[1]);
            lonMax = Math.max(lonMax, p[1]);
        }
        // A box around the route grown by the buffer narrows the candidates; the exact distance is taken below.
        double dLat = bufferMetres / METRES_PER_DEGREE_LAT;
        double widest = Math.cos(Math.toRadians(Math.min(89, Math.max(Math.abs(latMin), Math.abs(latMax)) + dLat)));
        double dLon = bufferMetres / (METRES_PER_DEGREE_LON_AT_EQUATOR * widest);
        List<Event> candidates = jdbc.sql("SELECT " + MonitoringStore.EVENT_COLUMNS + " FROM monitoring_event e "
                        + "WHERE e.process_id = ? AND e.state = 'VERIFIED' AND e.first_at <= ? AND e.last_at >= ? "
                        + "AND e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ? ORDER BY e.first_at, e.id")
                .params(processId, Timestamp.from(to), Timestamp.from(from), latMin - dLat, latMax + dLat, lonMin - dLon, lonMax + dLon)
                .query(MonitoringStore.EVENT).list();
        List<Near> near = new ArrayList<>();
        for (Event e : candidates) {
            double d = metres(route, e.latitude(), e.longitude());
            if (d <= bufferMetres) {
                near.add(new Near(e, d));
            }
        }
        near.sort(Comparator.comparing((Near n) -> n.event().firstAt()).thenComparingLong(n -> n.event().id()));
        return near;
    }

    /** Distance from a point to the route in a local equirectangular projection around the point, in metres. */
    private double metres(List<double[]> route, double lat, double lon) {
        double kx = METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(lat));
        Coordinate[] line = route.stream().map(p -> new Coordinate((p[1] - lon) * kx, (p[0] - lat) * METRES_PER_DEGREE_LAT))
                .toArray(Coordinate[]::new);
        Geometry shape = line.length == 1 ? factory.createPoint(line[0]) : factory.createLineString(line);
        return shape.distance(factory.createPoint(new Coordinate(0, 0)));
    }
}
