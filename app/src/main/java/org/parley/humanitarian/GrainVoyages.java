package org.parley.humanitarian;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maritime arrangements in the manner of the Black Sea Grain Initiative: voyages (vessel, IMO, port, date,
 * inspection) with their cargo lines (destination, commodity, tonnes), and tonnage by commodity, destination
 * and month.
 */
@Service
@Transactional(readOnly = true)
public class GrainVoyages {

    public record Totals(long voyages, long cargoLines, long tonnes) {
    }

    public record Tonnage(String key, long tonnes, long lines) {
    }

    public record Overview(Totals totals, List<Tonnage> byCommodity, List<Tonnage> byDestination, List<Tonnage> byMonth) {
    }

    public record ImportResult(int voyages, int cargoLines, long tonnes, int voyagesAlreadyThere) {
    }

    public record Voyage(long id, int voyageNo, String vessel, String imo, String departurePort, LocalDate departureDate,
                         LocalDate inspectionCleared, boolean wfp, List<Line> cargo) {
    }

    public record Line(String destination, String commodity, long tonnes) {
    }

    static final DateTimeFormatter DAY_MON_YEAR = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Humanitarian humanitarian;

    GrainVoyages(JdbcClient jdbc, Processes processes, Humanitarian humanitarian) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.humanitarian = humanitarian;
    }

    public Overview overview(long processId) {
        processes.get(processId);
        Totals totals = jdbc.sql("""
                        SELECT (SELECT count(*) FROM hum_voyage WHERE process_id = ?), count(c.*), coalesce(sum(c.tonnes), 0)
                        FROM hum_voyage_cargo c JOIN hum_voyage v ON v.id = c.voyage_id WHERE v.process_id = ?""")
                .params(processId, processId).query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        return new Overview(totals, tonnage(processId, "c.commodity"), tonnage(processId, "c.destination"),
                tonnage(processId, "to_char(v.departure_date, 'YYYY-MM')").stream()
                        .sorted(java.util.Comparator.comparing(Tonnage::key)).toList());
    }

    private List<Tonnage> tonnage(long processId, String key) {
        return jdbc.sql("SELECT " + key + " AS k, sum(c.tonnes), count(*) FROM hum_voyage_cargo c JOIN hum_voyage v ON v.id = c.voyage_id "
                        + "WHERE v.process_id = ? GROUP BY 1 ORDER BY 2 DESC, 1")
                .param(processId).query((rs, n) -> new Tonnage(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public List<Voyage> voyages(long processId, int limit) {
        processes.get(processId);
        Map<Long, List<Line>> lines = new LinkedHashMap<>();
        List<Voyage> shells = jdbc.sql("""
                        SELECT id, voyage_no, vessel, imo, departure_port, departure_date, inspection_cleared, wfp FROM hum_voyage
                        WHERE process_id = ? ORDER BY departure_date DESC, voyage_no DESC LIMIT ?""")
                .params(processId, limit).query((rs, n) -> new Voyage(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBoolean(8), null)).list();
        for (Voyage v : shells) {
            lines.put(v.id(), jdbc.sql("SELECT destination, commodity, tonnes FROM hum_voyage_cargo WHERE voyage_id = ? ORDER BY line_no")
                    .param(v.id()).query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
        }
        return shells.stream().map(v -> new Voyage(v.id(), v.voyageNo(), v.vessel(), v.imo(), v.departurePort(), v.departureDate(),
                v.inspectionCleared(), v.wfp(), lines.get(v.id()))).toList();
    }

    /**
     * Imports the Joint Coordination Centre's outbound shipments: an "Outbound" row opens a voyage, an
     * "Outbound +" row adds a cargo line to the voyage above it. Voyages already imported (by number) are left
     * alone. All or nothing.
     */
    @Transactional
    public ImportResult importShipments(long processId, Reader csv, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            Set<String> needed = Set.of("Status", "#", "Vessel name", "IMO", "Departure port", "Country", "Commodity", "Metric tons",
                    "Departure date");
            List<FieldProblem> missing = needed.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).sorted()
                    .map(h -> new FieldProblem(h, "humanitarian.csv.missingColumn", h)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            rows = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("file", "humanitarian.csv.unreadable");
        }
        record ParsedVoyage(int no, String vessel, String imo, String port, LocalDate date, LocalDate inspected, boolean wfp, List<Line> lines) {
        }
        List<ParsedVoyage> voyages = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (problems.size() >= 200) {
                break;
            }
            String row = "row " + (r.getRecordNumber() + 1) + " ";
            String status = r.get("Status").trim();
            Long tonnes = null;
            String t = r.get("Metric tons").replace(",", "").trim();
            try {
                tonnes = Long.parseLong(t);
                if (tonnes < 0) {
                    problems.add(new FieldProblem(row + "Metric tons", "humanitarian.number.negative"));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(row + "Metric tons", "humanitarian.hxl.number", t));
            }
            Line line = new Line(r.get("Country").trim(), r.get("Commodity").trim(), tonnes == null ? 0 : tonnes);
            if (status.equals("Outbound +")) {
                if (voyages.isEmpty()) {
                    problems.add(new FieldProblem(row + "Status", "humanitarian.grain.extraLineFirst"));
                } else {
                    voyages.getLast().lines().add(line);
                }
                continue;
            }
            if (!status.equals("Outbound")) {
                problems.add(new FieldProblem(row + "Status", "humanitarian.grain.status", status));
                continue;
            }
            Integer no = null;
            try {
                no = Integer.parseInt(r.get("#").trim());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(row + "#", "humanitarian.hxl.number", r.get("#")));
            }
            LocalDate date = day(r.get("Departure date"), row + "Departure date", true, problems);
            LocalDate inspected = r.isMapped("Inspection cleared") ? day(r.get("Inspection cleared"), row + "Inspection cleared", false, problems) : null;
            boolean wfp = r.isMapped("WFP") && r.get("WFP").trim().equalsIgnoreCase("WFP");
            List<Line> lines = new ArrayList<>();
            lines.add(line);
            voyages.add(new ParsedVoyage(no == null ? -1 : no, r.get("Vessel name").trim(), r.get("IMO").trim(), r.get("Departure port").trim(),
                    date, inspected, wfp, lines));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int imported = 0;
        int lineCount = 0;
        long tonnes = 0;
        for (ParsedVoyage v : voyages) {
            Long id = jdbc.sql("""
                            INSERT INTO hum_voyage (process_id, voyage_no, vessel, imo, departure_port, departure_date, inspection_cleared, wfp)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (process_id, voyage_no) DO NOTHING RETURNING id""")
                    .params(processId, v.no(), v.vessel(), v.imo().isEmpty() ? null : v.imo(), v.port(), v.date(), v.inspected(), v.wfp())
                    .query(Long.class).optional().orElse(null);
            if (id == null) {
                continue;
            }
            imported++;
            for (int i = 0; i < v.lines().size(); i++) {
                Line l = v.lines().get(i);
                jdbc.sql("INSERT INTO hum_voyage_cargo (voyage_id, line_no, destination, commodity, tonnes) VALUES (?, ?, ?, ?, ?)")
                        .params(id, i + 1, l.destination(), l.commodity(), l.tonnes()).update();
                lineCount++;
                tonnes += l.tonnes();
            }
        }
        return new ImportResult(imported, lineCount, tonnes, voyages.size() - imported);
    }

    @Transactional
    public ImportResult importShipments(long processId, String csv, Viewer viewer) {
        return importShipments(processId, new StringReader(csv == null ? "" : csv), viewer);
    }

    private static LocalDate day(String text, String field, boolean required, List<FieldProblem> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "humanitarian.hxl.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(t, DAY_MON_YEAR);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "humanitarian.hxl.date", t));
            return null;
        }
    }

    static String month(YearMonth m) {
        return m.toString();
    }
}
