package org.parley.commitments;

import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF. */
final class Csv {

    private Csv() {
    }

    static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header.stream().map(h -> (Object) h).toList());
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object f = fields.get(i);
            String s = f == null ? "" : f instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : f.toString();
            // A leading =, +, - or @ would be read as a formula by spreadsheets.
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(f instanceof Number)) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            sb.append(s);
        }
        sb.append("\r\n");
    }

    static String rollup(Rollup r) {
        return of(List.of(r.by().toLowerCase(Locale.ROOT), "label", "commitments", "reported_average", "verified_average",
                        "verified_0", "verified_1", "verified_2", "verified_3", "overdue", "complete"),
                r.rows().stream().map(x -> List.<Object>of(x.key(), x.label(), x.commitments(), x.reportedAverage(), x.verifiedAverage(),
                        x.levels()[0], x.levels()[1], x.levels()[2], x.levels()[3], x.overdue(), x.complete())).toList());
    }

    static String barometer(Barometer b) {
        return of(List.of("date", "commitments", "reported_average", "verified_average"),
                b.points().stream().map(p -> List.<Object>of(p.date().toString(), p.commitments(), p.reported(), p.verified())).toList());
    }
}
