package org.parley.texts;

import java.util.List;

/** What changed between two versions of one text, clause by clause, word by word. */
public record Redline(long textId, int from, int to, List<Segment> title, List<Segment> preamble, List<ClauseChange> clauses) {

    public enum Op { EQUAL, INSERT, DELETE }

    public enum Change { UNCHANGED, CHANGED, ADDED, REMOVED }

    /** A run of words that are the same, inserted or deleted. */
    public record Segment(Op op, String text) {
    }

    /** One clause: its number before and after (null where it did not exist) and its words. */
    public record ClauseChange(long clauseId, Integer fromNumber, Integer toNumber, Change change, List<Segment> segments) {
    }
}
