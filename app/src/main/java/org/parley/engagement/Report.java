package org.parley.engagement;

import java.time.Instant;
import java.util.List;

/**
 * The latest opinion map of a consultation as the report shows it: groups with their representative
 * statements, per-statement figures overall and per group, consensus and divisive statements, and a
 * sample of at most {@value #MAX_POINTS} participants' positions (x, y, group) for the scatter plot.
 */
public record Report(long consultationId, Instant computedAt, long participants, int included, long votes, int groupCount,
                     List<Group> groups, List<StatementFigures> statements, List<Long> consensus, List<Long> consensusDisagree,
                     List<Long> divisive, List<double[]> points, List<Demographic> demographics) {

    public static final int MAX_POINTS = 3000;

    public record Group(int group, int size, List<Representative> representative) {
    }

    public record Representative(long statementId, boolean agree, double pa, double pat, double ra, double rat) {
    }

    public record StatementFigures(long id, int agree, int disagree, int pass, int seen, double groupInformedConsensus, double extremity,
                                   List<GroupFigures> groups) {
        public double agreeShare() {
            return seen == 0 ? 0 : (double) agree / seen;
        }

        public double disagreeShare() {
            return seen == 0 ? 0 : (double) disagree / seen;
        }
    }

    public record GroupFigures(int agree, int disagree, int seen) {
        public int agreePercent() {
            return seen == 0 ? 0 : (int) Math.round(100.0 * agree / seen);
        }

        public int disagreePercent() {
            return seen == 0 ? 0 : (int) Math.round(100.0 * disagree / seen);
        }
    }

    /**
     * A demographic question and its answers per opinion group (of the participants on the map). Each
     * group's {@code counts} follow {@code options}; {@code null} is a count hidden to protect people
     * (fewer than five, see the report's note).
     */
    public record Demographic(long questionId, String question, List<String> options, List<DemographicRow> groups) {
    }

    public record DemographicRow(int group, List<Integer> counts, Integer unanswered) {
    }

    public static Report empty(long consultationId) {
        return new Report(consultationId, null, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Older stored reports have no breakdown. */
    public List<Demographic> demographics() {
        return demographics == null ? List.of() : demographics;
    }

    public StatementFigures figures(long statementId) {
        return statements.stream().filter(s -> s.id() == statementId).findFirst().orElse(null);
    }
}
