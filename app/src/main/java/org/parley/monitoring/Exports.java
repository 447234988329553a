package org.parley.monitoring;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final Processes processes;

    Exports(Processes processes) {
        this.processes = processes;
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

    static String[] acledTypes(Category c) {
        return switch (c) {
            case SHELLING, MISSILE_STRIKE -> new String[]{"Explosions/Remote violence", "Shelling/artillery/missile attack"};
            case AIRSTRIKE, DRONE_STRIKE, ENERGY_INFRASTRUCTURE_STRIKE -> new String[]{"Explosions/Remote violence", "Air/drone strike"};
            case EXPLOSION -> new String[]{"Explosions/Remote violence", "Remote explosive/landmine/IED"};
            case SMALL_ARMS_FIRE -> new String[]{"Battles", "Armed clash"};
            case CIVILIAN_CASUALTIES, CIVILIAN_DAMAGE -> new String[]{"Violence against civilians", "Attack"};
            case TROOP_MOVEMENT, HEAVY_WEAPONS_IN_RESTRICTED_ZONE -> new String[]{"Strategic developments", "Other"};
            default -> new String[]{"Strategic developments", "Other"};
        };
    }

    String geojson(long processId, List<Event> events, java.util.Locale locale) {
        Map<Long, Party> parties = parties(processId);
        List<Map<String, Object>> features = events.stream().map(e -> {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", e.id());
            props.put("state", e.state().name());
            props.put("category", e.category().name());
            props.put("firstAt", e.firstAt().toString());
            props.put("lastAt", e.lastAt().toString());
            props.put("admin1", e.admin1());
            props.put("observers", e.observers());
            props.put("reports", e.reports());
            if (e.attributedPartyId() != null) {
                props.put("attributedParty", parties.get(e.attributedPartyId()).shortName());
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("geometry", Map.of("type", "Point", "coordinates", List.of(e.longitude(), e.latitude())));
            f.put("properties", props);
            return f;
        }).toList();
        return JsonMapper.builder().build().writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }
}
