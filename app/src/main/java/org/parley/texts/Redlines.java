package org.parley.texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.parley.texts.Redline.Change;
import org.parley.texts.Redline.ClauseChange;
import org.parley.texts.Redline.Op;
import org.parley.texts.Redline.Segment;

/**
 * The clause-aware redline: clauses are matched by identity (not by position, so renumbering alone shows no
 * change), and each pair is compared word by word with java-diff-utils (Myers).
 */
final class Redlines {

    private Redlines() {
    }

    static Redline between(long textId, int from, TextStore.Snapshot a, int to, TextStore.Snapshot b) {
        Map<Long, Numbered> before = numbered(a);
        Map<Long, Numbered> after = numbered(b);
        List<ClauseChange> changes = new ArrayList<>();
        List<Long> beforeOrder = new ArrayList<>(before.keySet());
        // Removed clauses go right after the last clause before them that still exists (or first).
        Map<Long, List<Long>> removedAfter = new LinkedHashMap<>();
        Long anchor = null;
        for (Long id : beforeOrder) {
            if (after.containsKey(id)) {
                anchor = id;
            } else {
                removedAfter.computeIfAbsent(anchor == null ? -1L : anchor, k -> new ArrayList<>()).add(id);
            }
        }
        for (Long id : removedAfter.getOrDefault(-1L, List.of())) {
            Numbered n = before.get(id);
            changes.add(new ClauseChange(id, n.number(), null, Change.REMOVED, List.of(new Segment(Op.DELETE, n.text()))));
        }
        for (Numbered n : after.values()) {
            Numbered old = before.get(n.id());
            if (old == null) {
                changes.add(new ClauseChange(n.id(), null, n.number(), Change.ADDED, List.of(new Segment(Op.INSERT, n.text()))));
            } else {
                List<Segment> words = words(old.text(), n.text());
                boolean same = words.stream().allMatch(s -> s.op() == Op.EQUAL);
                Change change = same ? Change.UNCHANGED : Change.CHANGED;
                changes.add(new ClauseChange(n.id(), old.number(), n.number(), change, words));
            }
            for (Long id : removedAfter.getOrDefault(n.id(), List.of())) {
                Numbered r = before.get(id);
                changes.add(new ClauseChange(id, r.number(), null, Change.REMOVED, List.of(new Segment(Op.DELETE, r.text()))));
            }
        }
        return new Redline(textId, from, to, words(a.title(), b.title()), words(a.preamble(), b.preamble()), changes);
    }

    private record Numbered(long id, int number, String text) {
    }

    private static Map<Long, Numbered> numbered(TextStore.Snapshot s) {
        Map<Long, Numbered> out = new LinkedHashMap<>();
        int number = 0;
        for (DraftArticle a : s.articles()) {
            for (DraftClause c : a.clauses()) {
                out.put(c.id(), new Numbered(c.id(), ++number, Clause.render(c.body(), c.alternatives())));
            }
        }
        return out;
    }

    /** A word-level diff, merged into runs of words with the same operation. */
    static List<Segment> words(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.equals(y)) {
            // Most clauses of a new version are unchanged: no diff to run.
            return x.isEmpty() ? List.of() : List.of(new Segment(Op.EQUAL, String.join(" ", x)));
        }
        Patch<String> patch = DiffUtils.diff(x, y);
        List<Segment> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            if (at > i) {
                add(out, Op.EQUAL, x.subList(i, at));
            }
            add(out, Op.DELETE, d.getSource().getLines());
            add(out, Op.INSERT, d.getTarget().getLines());
            i = at + d.getSource().size();
        }
        if (i < x.size()) {
            add(out, Op.EQUAL, x.subList(i, x.size()));
        }
        return out;
    }

    private static List<String> tokens(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.asList(s.strip().split("\\s+"));
    }

    private static void add(List<Segment> out, Op op, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        String text = String.join(" ", words);
        if (!out.isEmpty() && out.getLast().op() == op) {
            out.set(out.size() - 1, new Segment(op, out.getLast().text() + " " + text));
        } else {
            out.add(new Segment(op, text));
        }
    }
}
