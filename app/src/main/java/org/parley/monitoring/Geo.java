package org.parley.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Geometry with JTS: the admin-1 areas of Ukraine (bundled, OpenStreetMap boundaries, ODbL) to place points
 * and to stand for "the whole country", distances on the sphere, and ceasefire geographies.
 */
@Component
class Geo {

    static final String ADMIN1_RESOURCE = "static/data/ukraine-admin1.geojson";
    private static final double EARTH_KM = 6371.0088;

    record Area(String code, String nameEn, String nameUk, String nameRu, PreparedGeometry shape) {
    }

    private final GeometryFactory factory = new GeometryFactory();
    private final List<Area> areas = new ArrayList<>();
    private final STRtree index = new STRtree();

    Geo() {
        try (InputStream in = new ClassPathResource(ADMIN1_RESOURCE).getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode f : root.path("features")) {
                JsonNode props = f.path("properties");
                Geometry g = geometry(f.path("geometry"));
                Area a = new Area(props.path("iso3166_2").asString(), props.path("name_en").asString(), props.path("name_uk").asString(),
                        props.path("name_ru").asString(), PreparedGeometryFactory.prepare(g));
                areas.add(a);
                index.insert(g.getEnvelopeInternal(), a);
            }
            index.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ADMIN1_RESOURCE, e);
        }
    }

    private Geometry geometry(JsonNode g) {
        String type = g.path("type").asString();
        JsonNode c = g.path("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(c);
        }
        List<Polygon> polys = new ArrayList<>();
        for (JsonNode p : c) {
            polys.add(polygon(p));
        }
        return factory.createMultiPolygon(polys.toArray(Polygon[]::new));
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(cs);
    }

    /** The admin-1 area (oblast, or Crimea) a point lies in, or null outside Ukraine. */
    Area areaOf(double latitude, double longitude) {
        Point p = factory.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Area> candidates = index.query(p.getEnvelopeInternal());
        for (Area a : candidates) {
            if (a.shape().contains(p)) {
                return a;
            }
        }
        return null;
    }

    boolean inCountry(double latitude, double longitude) {
        return areaOf(latitude, longitude) != null;
    }

    List<Area> areas() {
        return areas;
    }

    /** Great-circle distance in kilometres. */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_KM * Math.asin(Math.sqrt(Math.min(1, a)));
    }

    /** Whether a point lies in a ceasefire's geography. */
    boolean covers(Ceasefire c, double latitude, double longitude) {
        return switch (c.geography()) {
            case COUNTRY -> inCountry(latitude, longitude);
            case POLYGON -> {
                Coordinate[] ring = coords(c.coordinates());
                yield factory.createPolygon(ring).contains(factory.createPoint(new Coordinate(longitude, latitude)));
            }
            case CONTACT_LINE -> {
                // distance to the line in a local equirectangular projection around the point, in km
                double kx = 111.320 * Math.cos(Math.toRadians(latitude));
                double ky = 110.574;
                Coordinate[] line = c.coordinates().stream()
                        .map(p -> new Coordinate((p.get(0) - longitude) * kx, (p.get(1) - latitude) * ky)).toArray(Coordinate[]::new);
                double d = factory.createLineString(line).distance(factory.createPoint(new Coordinate(0, 0)));
                yield d <= (c.bufferKm() == null ? 0 : c.bufferKm());
            }
        };
    }

    private static Coordinate[] coords(List<List<Double>> points) {
        return points.stream().map(p -> new Coordinate(p.get(0), p.get(1))).toArray(Coordinate[]::new);
    }

    /** Whether points make a valid simple polygon ring. */
    boolean validRing(List<List<Double>> points) {
        try {
            return factory.createPolygon(coords(points)).isValid();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
