package org.parley.humanitarian;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.parley.humanitarian.Humanitarian.NewActivity;
import org.parley.humanitarian.Humanitarian.Organisation;
import org.parley.humanitarian.Humanitarian.Warning;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 4W activities as an HXL-tagged CSV (https://hxlstandard.org): a row of headers, a row of hashtags, then one
 * activity per row. An import is all or nothing: every problem is reported (each missing hashtag on its own,
 * then each bad cell with its row and hashtag) and nothing is stored until the whole file is right.
 */
@Service
@Transactional(readOnly = true)
class HxlActivities {

    /** A column this importer reads: its hashtag with the attributes it needs, and whether a file must have it. */
    record Column(String key, String header, String hashtag, boolean required) {
        String tag() {
            return hashtag.split("\\+")[0];
        }

        Set<String> attributes() {
            String[] parts = hashtag.split("\\+");
            return new HashSet<>(List.of(parts).subList(1, parts.length));
        }
    }

    static final List<Column> COLUMNS = List.of(
            new Column("org", "Organisation", "#org", true),
            new Column("sector", "Sector", "#sector", true),
            new Column("activity", "Activity", "#activity", true),
            new Column("pcode", "Admin1 P-code", "#adm1+code", false),
            new Column("adm1name", "Admin1 name", "#adm1+name", false),
            new Column("adm2code", "Admin2 P-code", "#adm2+code", false),
            new Column("adm2name", "Admin2 name", "#adm2+name", false),
            new Column("start", "Start", "#date+start", true),
            new Column("end", "End", "#date+end", false),
            new Column("targeted", "Targeted", "#targeted", false),
            new Column("reached", "Reached", "#reached", true),
            new Column("women", "Reached women", "#reached+f", false),
            new Column("men", "Reached men", "#reached+m", false),
            new Column("children", "Reached children", "#reached+children", false),
            new Column("elderly", "Reached elderly", "#reached+elderly", false),
            new Column("status", "Status", "#status", false));

    static final int MAX_PROBLEMS = 200;

    public record ImportResult(int imported, List<Warning> warnings) {
    }

    private final Humanitarian humanitarian;
    private final JdbcClient jdbc;

    HxlActivities(Humanitarian humanitarian, JdbcClient jdbc) {
        this.humanitarian = humanitarian;
        this.jdbc = jdbc;
    }

    @Transactional
    public ImportResult importCsv(long processId, String csv, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CSVRecord> records = parse(new StringReader(text));
        int tagRow = -1;
        for (int i = 0; i < Math.min(records.size(), 25) && tagRow < 0; i++) {
            for (String cell : records.get(i)) {
                if (cell.trim().startsWith("#")) {
                    tagRow = i;
                    break;
                }
            }
        }
        if (tagRow < 0) {
            throw new InvalidInputException("file", "humanitarian.hxl.noHashtags");
        }
        Map<String, Integer> index = new java.util.HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        CSVRecord tags = records.get(tagRow);
        for (Column c : COLUMNS) {
            Integer found = null;
            for (int i = 0; i < tags.size() && found == null; i++) {
                if (matches(tags.get(i), c)) {
                    found = i;
                }
            }
            if (found == null && c.key().equals("start")) {
                for (int i = 0; i < tags.size() && found == null; i++) {
                    if (normalise(tags.get(i)).equals("#date")) {
                        found = i; // a plain #date is the start (and, without #date+end, the end)
                    }
                }
            }
            if (found != null) {
                index.put(c.key(), found);
            } else if (c.required()) {
                problems.add(new FieldProblem(c.hashtag(), "humanitarian.hxl.missing", c.hashtag()));
            }
        }
        if (!index.containsKey("pcode") && !index.containsKey("adm2code")) {
            // Where is needed: an oblast, or a raion (which names its oblast through its P-code).
            problems.add(new FieldProblem("#adm1+code", "humanitarian.hxl.missing", "#adm1+code"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Organisation> orgs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Organisation o : humanitarian.organisations(processId)) {
            orgs.put(o.acronym(), o);
            orgs.putIfAbsent(o.name(), o);
        }
        List<NewActivity> rows = new ArrayList<>();
        for (int r = tagRow + 1; r < records.size() && problems.size() < MAX_PROBLEMS; r++) {
            CSVRecord rec = records.get(r);
            if (blank(rec)) {
                continue;
            }
            String row = "row " + rec.getRecordNumber() + " ";
            Cells cells = new Cells(rec, index, row, problems);
            Organisation org = null;
            String orgText = cells.text("org");
            if (orgText.isEmpty()) {
                problems.add(new FieldProblem(row + "#org", "humanitarian.hxl.required"));
            } else if ((org = orgs.get(orgText)) == null) {
                problems.add(new FieldProblem(row + "#org", "humanitarian.organisation.unknownName", orgText));
            }
            Optional<Sector> sector = Sector.parse(cells.text("sector"));
            if (sector.isEmpty()) {
                problems.add(new FieldProblem(row + "#sector", "humanitarian.sector.unknown", cells.text("sector")));
            }
            String activity = cells.text("activity");
            if (activity.isEmpty()) {
                problems.add(new FieldProblem(row + "#activity", "humanitarian.hxl.required"));
            }
            LocalDate start = cells.date("start", "#date+start", true);
            LocalDate end = index.containsKey("end") ? cells.date("end", "#date+end", false) : null;
            Long reached = cells.number("reached", "#reached", true);
            ActivityStatus status = ActivityStatus.COMPLETED;
            String statusText = cells.text("status");
            if (!statusText.isEmpty()) {
                try {
                    status = ActivityStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(row + "#status", "humanitarian.hxl.status", statusText));
                }
            }
            String adm1 = cells.text("pcode");
            String adm2 = cells.text("adm2code");
            String where = adm2.isEmpty() ? adm1 : adm2;
            String whereTag = adm2.isEmpty() ? "#adm1+code" : "#adm2+code";
            if (!adm2.isEmpty() && !adm1.isEmpty()) {
                humanitarian.area(adm2).filter(raion -> !raion.admin1Pcode().equalsIgnoreCase(adm1))
                        .ifPresent(raion -> problems.add(new FieldProblem(row + "#adm2+code", "humanitarian.area.notInAdmin1", raion.pcode(), adm1)));
            }
            NewActivity a = new NewActivity(org == null ? null : org.id(), sector.orElse(null), activity, where,
                    start, end == null ? start : end, cells.number("targeted", "#targeted", false), reached,
                    cells.number("women", "#reached+f", false), cells.number("men", "#reached+m", false),
                    cells.number("children", "#reached+children", false), cells.number("elderly", "#reached+elderly", false), status);
            List<FieldProblem> rowProblems = new ArrayList<>();
            humanitarian.validate(processId, a, "", rowProblems);
            for (FieldProblem p : rowProblems) {
                problems.add(new FieldProblem(row + (p.field().equals("areaPcode") ? whereTag : hashtagOf(p.field())), p.code(), p.args()));
            }
            rows.add(a);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "humanitarian.hxl.noRows");
        }
        Set<String> touched = new LinkedHashSet<>();
        for (NewActivity a : rows) {
            humanitarian.insert(processId, a, null);
            touched.add(a.areaPcode().trim().toUpperCase(Locale.ROOT) + "|" + a.sector().name());
        }
        List<Warning> warnings = new ArrayList<>();
        for (String t : touched) {
            String[] kv = t.split("\\|");
            humanitarian.warnAboveNeed(processId, kv[0], Sector.valueOf(kv[1]), warnings);
        }
        // Raions of one oblast each warn about the oblast: once is enough.
        Map<List<Object>, Warning> once = new java.util.LinkedHashMap<>();
        warnings.forEach(w -> once.putIfAbsent(List.of(w.code(), List.of(w.args())), w));
        return new ImportResult(rows.size(), List.copyOf(once.values()));
    }

    /** Writes every activity of the process as HXL-tagged CSV. */
    public void export(long processId, Writer out) {
        humanitarian.organisations(processId);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(COLUMNS.stream().map(Column::header).toList());
            csv.printRecord(COLUMNS.stream().map(Column::hashtag).toList());
            Map<String, Humanitarian.Area> areas = humanitarian.areaByPcode();
            jdbc.sql("""
                            SELECT o.acronym, a.sector, a.activity, a.area_pcode, a.period_start, a.period_end, a.people_targeted, a.people_reached,
                                   a.reached_women, a.reached_men, a.reached_children, a.reached_elderly, a.status
                            FROM hum_activity a JOIN hum_organisation o ON o.id = a.organisation_id WHERE a.process_id = ? ORDER BY a.id""")
                    .param(processId).query(rs -> {
                        try {
                            Humanitarian.Area area = areas.get(rs.getString(4));
                            Humanitarian.Area oblast = area == null ? null : areas.get(area.admin1Pcode());
                            boolean raion = area != null && area.level() == 2;
                            csv.printRecord(rs.getString(1), Sector.valueOf(rs.getString(2)).label(), rs.getString(3),
                                    oblast == null ? rs.getString(4) : oblast.pcode(), oblast == null ? "" : oblast.nameEn(),
                                    raion ? area.pcode() : "", raion ? area.nameEn() : "", rs.getString(5), rs.getString(6), rs.getLong(7),
                                    rs.getLong(8), rs.getObject(9), rs.getObject(10), rs.getObject(11), rs.getObject(12), rs.getString(13));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hashtagOf(String field) {
        return switch (field) {
            case "organisationId" -> "#org";
            case "areaPcode" -> "#adm1+code";
            case "peopleTargeted" -> "#targeted";
            case "peopleReached" -> "#reached";
            case "reachedWomen" -> "#reached+f";
            case "reachedMen" -> "#reached+m";
            case "reachedChildren" -> "#reached+children";
            case "reachedElderly" -> "#reached+elderly";
            case "periodEnd" -> "#date+end";
            default -> field;
        };
    }

    /** One data row's cells by column key, collecting problems as it reads. */
    private record Cells(CSVRecord rec, Map<String, Integer> index, String row, List<FieldProblem> problems) {
        String text(String key) {
            Integer i = index.get(key);
            return i == null || i >= rec.size() ? "" : rec.get(i).trim();
        }

        LocalDate date(String key, String hashtag, boolean required) {
            String t = text(key);
            if (t.isEmpty()) {
                if (required) {
                    problems.add(new FieldProblem(row + hashtag, "humanitarian.hxl.required"));
                }
                return null;
            }
            try {
                return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(row + hashtag, "humanitarian.hxl.date", t));
                return null;
            }
        }

        Long number(String key, String hashtag, boolean required) {
            String t = text(key).replace(",", "").replace(" ", "");
            if (t.isEmpty()) {
                if (required) {
                    problems.add(new FieldProblem(row + hashtag, "humanitarian.hxl.required"));
                }
                return null;
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(row + hashtag, "humanitarian.hxl.number", t));
                return null;
            }
        }
    }

    static boolean matches(String cell, Column c) {
        String n = normalise(cell);
        if (n.isEmpty()) {
            return false;
        }
        String[] parts = n.split("\\+");
        if (!parts[0].equals(c.tag())) {
            return false;
        }
        Set<String> attrs = new HashSet<>(List.of(parts).subList(1, parts.length));
        if (c.attributes().isEmpty()) {
            // A plain spec (#reached, #targeted) takes the column without disaggregation attributes.
            return attrs.stream().noneMatch(a -> a.equals("f") || a.equals("m") || a.equals("children") || a.equals("elderly")
                    || a.equals("adults"));
        }
        return attrs.containsAll(c.attributes());
    }

    static String normalise(String cell) {
        return cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static boolean blank(CSVRecord rec) {
        for (String c : rec) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<CSVRecord> parse(Reader reader) {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(false).get().parse(reader)) {
            return p.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "humanitarian.csv.unreadable");
        }
    }
}
