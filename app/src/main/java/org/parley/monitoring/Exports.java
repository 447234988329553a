package org.parley.monitoring;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Events as open data: plain CSV, GeoJSON, and ACLED-like columns. Whoever asks gets what they may see. */
@Component
class Exports {

    static final List<String> CSV_HEADER = List.of("id", "state", "category", "first_at", "last_at", "latitude", "longitude", "admin1",
            "observers", "reports", "attributed_party", "decided_by", "decided_at");
    static final List<String> ACLED_HEADER = List.of("event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1",
            "actor2", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Processes processes;
    private final Categories categories;

    Exports(Processes processes, Categories categories) {
        this.processes = processes;
        this.categories = categories;
    }

    private Map<Long, Party> parties(long processId) {
        return processes.parties(processId).stream().collect(Collectors.toMap(Party::id, Function.identity()));
    }

    void csv(long processId, List<Event> events, Writer out) throws IOException {
        Map<Long, Party> parties = parties(processId);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (Event e : events) {
                p.printRecord(e.id(), e.state(), e.category(), e.firstAt(), e.lastAt(), e.latitude(), e.longitude(), e.admin1(), e.observers(),
                        e.reports(), e.attributedPartyId() == null ? null : parties.get(e.attributedPartyId()).shortName(), e.decidedByName(),
                        e.decidedAt());
            }
        }
    }

    void acled(long processId, List<Event> events, Writer out) throws IOException {
        Map<Long, Party> parties = parties(processId);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(ACLED_HEADER.toArray(String[]::new)).get())) {
            for (Event e : events) {
                var day = e.firstAt().atZone(ZoneOffset.UTC).toLocalDate();
                String actor = e.attributedPartyId() == null ? null : parties.get(e.attributedPartyId()).nameEn();
                String[] types = acledTypes(e.category());
                p.printRecord("PARLEY" + e.id(), day, day.getYear(), types[0], types[1], actor, null, e.admin1(), null, null,
                        e.latitude(), e.longitude(), 1, "Parley observers (" + e.observers() + ")", e.state() + " event, " + e.reports() + " reports",
                        0, (e.decidedAt() == null ? e.firstAt() : e.decidedAt()).getEpochSecond());
            }
        }
    }

    /** ACLED's event and sub-event type for a category: its own mapping, else "Strategic developments / Other". */
    static String[] acledTypes(Category c) {
        return c.acledEventType() != null && c.acledSubEventType() != null ? new String[]{c.acledEventType(), c.acledSubEventType()}
                : new String[]{"Strategic developments", "Other"};
    }

    String geojson(long processId, List<Event> events, Locale locale) {
        Map<Long, Party> parties = parties(processId);
        Map<String, String> names = categories.labels(processId, locale);
        List<Map<String, Object>> features = events.stream().map(e -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", e.id());
            props.put("state", e.state().name());
            props.put("category", e.category().name());
            props.put("categoryName", names.getOrDefault(e.category().name(), e.category().name()));
            props.put("firstAt", e.firstAt().toString());
            props.put("lastAt", e.lastAt().toString());
            props.put("admin1", e.admin1());
            props.put("observers", e.observers());
            props.put("reports", e.reports());
            if (e.attributedPartyId() != null) {
                props.put("attributedParty", parties.get(e.attributedPartyId()).shortName());
            }
            return feature(e.longitude(), e.latitude(), props);
        }).toList();
        return JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }

    /** Outside sources' reports for the map's own layer: marked as such, with their source and id, never a state. */
    String outsideGeojson(long processId, List<OutsideReport> reports, Locale locale) {
        Map<String, String> names = categories.labels(processId, locale);
        List<Map<String, Object>> features = reports.stream().map(r -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("outside", true);
            props.put("source", r.source());
            props.put("externalId", r.externalId());
            props.put("category", r.category().name());
            props.put("categoryName", names.getOrDefault(r.category().name(), r.category().name()));
            props.put("observedFrom", r.observedFrom().toString());
            props.put("place", r.place());
            props.put("deathsBest", r.deathsBest());
            return feature(r.longitude(), r.latitude(), props);
        }).toList();
        return JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }

    private static Map<String, Object> feature(double lon, double lat, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        f.put("properties", props);
        return f;
    }
}
