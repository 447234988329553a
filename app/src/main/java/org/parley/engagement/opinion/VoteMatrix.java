package org.parley.engagement.opinion;

import java.util.Arrays;

/**
 * A sparse participants × statements vote matrix in compressed rows: for participant {@code i} the
 * statements it voted on are {@code columns[rowStart[i] .. rowStart[i+1])} with values
 * {@code +1} agree, {@code -1} disagree, {@code 0} pass. Never materialised densely.
 * Within a row, columns are strictly increasing (one vote per participant and statement).
 */
public final class VoteMatrix {

    public static final byte AGREE = 1;
    public static final byte DISAGREE = -1;
    public static final byte PASS = 0;

    private final int participants;
    private final int statements;
    private final long[] rowStart;
    private final int[] columns;
    private final byte[] values;

    VoteMatrix(int participants, int statements, long[] rowStart, int[] columns, byte[] values) {
        this.participants = participants;
        this.statements = statements;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    public int participants() {
        return participants;
    }

    public int statements() {
        return statements;
    }

    public long votes() {
        return rowStart[participants];
    }

    public int votesOf(int participant) {
        return (int) (rowStart[participant + 1] - rowStart[participant]);
    }

    public int start(int participant) {
        return (int) rowStart[participant];
    }

    public int end(int participant) {
        return (int) rowStart[participant + 1];
    }

    public int column(int k) {
        return columns[k];
    }

    public byte value(int k) {
        return values[k];
    }

    int[] columns() {
        return columns;
    }

    byte[] values() {
        return values;
    }

    /** The vote of a participant on a statement, or {@code null} when it did not vote. */
    public Byte vote(int participant, int statement) {
        int from = start(participant);
        int to = end(participant);
        int k = Arrays.binarySearch(columns, from, to, statement);
        return k >= 0 ? values[k] : null;
    }

    /** Builds the matrix from parallel arrays of (participant, statement, vote); a later duplicate replaces an earlier one. */
    public static VoteMatrix of(int participants, int statements, int[] participant, int[] statement, byte[] vote, int count) {
        Builder b = new Builder(participants, statements, count);
        for (int i = 0; i < count; i++) {
            b.add(participant[i], statement[i], vote[i]);
        }
        return b.build();
    }

    /** Accumulates votes in any order; the last vote for a (participant, statement) pair counts. */
    public static final class Builder {
        private final int participants;
        private final int statements;
        private int[] p;
        private int[] s;
        private byte[] v;
        private int n;

        public Builder(int participants, int statements, int expectedVotes) {
            if (participants < 0 || statements < 0) {
                throw new IllegalArgumentException("negative size");
            }
            this.participants = participants;
            this.statements = statements;
            int cap = Math.max(16, expectedVotes);
            p = new int[cap];
            s = new int[cap];
            v = new byte[cap];
        }

        public Builder add(int participant, int statement, int vote) {
            if (participant < 0 || participant >= participants || statement < 0 || statement >= statements) {
                throw new IllegalArgumentException("vote outside the matrix: " + participant + "," + statement);
            }
            if (vote < -1 || vote > 1) {
                throw new IllegalArgumentException("vote must be -1, 0 or 1");
            }
            if (n == p.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) n * 2);
                p = Arrays.copyOf(p, cap);
                s = Arrays.copyOf(s, cap);
                v = Arrays.copyOf(v, cap);
            }
            p[n] = participant;
            s[n] = statement;
            v[n] = (byte) vote;
            n++;
            return this;
        }

        public VoteMatrix build() {
            // counting sort by participant, keeping insertion order within a participant
            long[] start = new long[participants + 1];
            for (int i = 0; i < n; i++) {
                start[p[i] + 1]++;
            }
            for (int i = 0; i < participants; i++) {
                start[i + 1] += start[i];
            }
            long[] fill = Arrays.copyOf(start, participants);
            int[] cols = new int[n];
            byte[] vals = new byte[n];
            for (int i = 0; i < n; i++) {
                int at = (int) fill[p[i]]++;
                cols[at] = s[i];
                vals[at] = v[i];
            }
            p = null;
            s = null;
            v = null;
            // sort each row by statement; the last occurrence of a statement wins
            long[] outStart = new long[participants + 1];
            int out = 0;
            long[] keys = new long[64];
            for (int r = 0; r < participants; r++) {
                int from = (int) start[r];
                int to = (int) start[r + 1];
                int len = to - from;
                boolean sorted = true;
                for (int k = from + 1; k < to; k++) {
                    if (cols[k] <= cols[k - 1]) {
                        sorted = false;
                        break;
                    }
                }
                outStart[r] = out;
                if (sorted) {
                    if (out != from) {
                        System.arraycopy(cols, from, cols, out, len);
                        System.arraycopy(vals, from, vals, out, len);
                    }
                    out += len;
                    continue;
                }
                if (keys.length < len) {
                    keys = new long[Math.max(len, keys.length * 2)];
                }
                for (int k = 0; k < len; k++) {
                    // statement, then insertion order, so equal statements keep their order
                    keys[k] = ((long) cols[from + k] << 32) | k;
                }
                Arrays.sort(keys, 0, len);
                int[] rowCols = new int[len];
                byte[] rowVals = new byte[len];
                int m = 0;
                for (int k = 0; k < len; k++) {
                    int col = (int) (keys[k] >>> 32);
                    int orig = (int) keys[k];
                    if (m > 0 && rowCols[m - 1] == col) {
                        rowVals[m - 1] = vals[from + orig];
                    } else {
                        rowCols[m] = col;
                        rowVals[m] = vals[from + orig];
                        m++;
                    }
                }
                System.arraycopy(rowCols, 0, cols, out, m);
                System.arraycopy(rowVals, 0, vals, out, m);
                out += m;
            }
            outStart[participants] = out;
            int[] c = out == cols.length ? cols : Arrays.copyOf(cols, out);
            byte[] vv = out == vals.length ? vals : Arrays.copyOf(vals, out);
            return new VoteMatrix(participants, statements, outStart, c, vv);
        }
    }
}
