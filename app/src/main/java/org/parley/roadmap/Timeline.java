package org.parley.roadmap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roadmap drawn as a Gantt chart: one bar per milestone from when it can start (its dependencies'
 * due dates, or D0) to its due date, arrows for dependencies, month ticks and today's line. Geometry
 * is worked out here so the page only draws it (an SVG with no script).
 *
 * <p>A long roadmap is drawn a page of rows at a time ({@code first} is the page's first row among
 * {@code total}), every page on the time scale of the whole roadmap so that pages line up.
 */
public record Timeline(int width, int height, LocalDate from, LocalDate to, double todayX, List<Bar> bars, List<Link> links,
                       List<Tick> ticks, int first, int total) {

    public static final int PAGE_SIZE = 50;

    public static final int LABEL_WIDTH = 260;
    public static final int CHART_WIDTH = 760;
    public static final int ROW_HEIGHT = 30;
    public static final int HEADER = 30;

    public record Bar(Milestone milestone, LocalDate start, double x, double y, double width, int row) {
        public double centerY() {
            return y + 9;
        }

        public double endX() {
            return x + width;
        }

        public double labelY() {
            return y + 14;
        }
    }

    public record Link(long fromId, long toId, double x1, double y1, double x2, double y2) {
        /** An elbow path from the end of the prerequisite to the start of the dependent bar. */
        public String path() {
            double mid = Math.max(x1 + 6, Math.min(x2 - 6, (x1 + x2) / 2));
            return "M%.1f,%.1f H%.1f V%.1f H%.1f".formatted(x1, y1, mid, y2, x2);
        }
    }

    public record Tick(LocalDate date, double x) {
    }

    static Timeline of(LocalDate processStart, LocalDate today, List<Milestone> all, Long trackId, Long partyId) {
        return of(processStart, today, all, trackId, partyId, 0, Integer.MAX_VALUE);
    }

    /** Rows {@code first} to {@code first + size} of the chart; {@code first} past the end shows the last page. */
    static Timeline of(LocalDate processStart, LocalDate today, List<Milestone> all, Long trackId, Long partyId, int first, int size) {
        Map<Long, Milestone> byId = new HashMap<>();
        all.forEach(m -> byId.put(m.id(), m));
        List<Milestone> shown = all.stream()
                .filter(m -> trackId == null || trackId.equals(m.trackId()))
                .filter(m -> partyId == null || m.partyIds().contains(partyId))
                .sorted(Comparator.comparing(Milestone::dueDate).thenComparing(Milestone::id))
                .toList();

        Map<Long, LocalDate> starts = new HashMap<>();
        LocalDate from = processStart;
        LocalDate to = today;
        for (Milestone m : shown) {
            LocalDate start = m.dependsOn().stream().map(byId::get).map(Timeline::end)
                    .max(Comparator.naturalOrder()).orElse(processStart);
            if (start.isAfter(m.dueDate())) {
                start = m.dueDate();
            }
            starts.put(m.id(), start);
            from = min(from, start);
            to = max(to, end(m));
        }
        from = from.withDayOfMonth(1);
        to = to.plusMonths(1).withDayOfMonth(1);
        double perDay = (double) CHART_WIDTH / Math.max(1, ChronoUnit.DAYS.between(from, to));

        int total = shown.size();
        first = Math.max(0, Math.min(first, (Math.max(0, total - 1) / size) * size));
        List<Bar> bars = new ArrayList<>();
        Map<Long, Bar> barOf = new HashMap<>();
        for (int i = first; i < total && i - first < size; i++) {
            Milestone m = shown.get(i);
            double x = LABEL_WIDTH + ChronoUnit.DAYS.between(from, starts.get(m.id())) * perDay;
            double x2 = LABEL_WIDTH + ChronoUnit.DAYS.between(from, end(m)) * perDay;
            int row = i - first;
            Bar bar = new Bar(m, starts.get(m.id()), x, HEADER + row * ROW_HEIGHT + 6, Math.max(6, x2 - x), row);
            bars.add(bar);
            barOf.put(m.id(), bar);
        }
        List<Link> links = new ArrayList<>();
        for (Bar bar : bars) {
            for (Long dep : bar.milestone().dependsOn()) {
                Bar before = barOf.get(dep);
                if (before != null) {
                    links.add(new Link(dep, bar.milestone().id(), before.endX(), before.centerY(), bar.x(), bar.centerY()));
                }
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(1)) {
            ticks.add(new Tick(d, LABEL_WIDTH + ChronoUnit.DAYS.between(from, d) * perDay));
        }
        double todayX = LABEL_WIDTH + ChronoUnit.DAYS.between(from, today) * perDay;
        return new Timeline(LABEL_WIDTH + CHART_WIDTH + 20, HEADER + Math.max(1, bars.size()) * ROW_HEIGHT + 10, from, to, todayX,
                bars, links, ticks, first, total);
    }

    /** A completed milestone ends when it was completed; any other when it is due. */
    private static LocalDate end(Milestone m) {
        return m.completedOn() != null ? m.completedOn() : m.dueDate();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
