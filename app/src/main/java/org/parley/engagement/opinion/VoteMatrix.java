package org.parley.engagement.opinion;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A sparse participants × statements vote matrix in compressed rows: for participant {@code i} the
 * votes are {@code entries[rowStart[i] .. rowStart[i+1])}, each packing the statement (column) and the
 * vote as {@code column << 2 | (vote + 1)} with vote {@code +1} agree, {@code -1} disagree, {@code 0}
 * pass. One 4-byte entry per vote (200 MB for 50M votes): the PCA passes read a single stream and turn
 * an entry straight into a table index ({@link #entries()}). Never materialised densely. Within a row,
 * columns are strictly increasing (one vote per participant and statement), so entries are too.
 */
public final class VoteMatrix {

    public static final byte AGREE = 1;
    public static final byte DISAGREE = -1;
    public static final byte PASS = 0;

    private final int participants;
    private final int statements;
    private final long[] rowStart;
    private final int[] entries;

    VoteMatrix(int participants, int statements, long[] rowStart, int[] entries) {
        this.participants = participants;
        this.statements = statements;
        this.rowStart = rowStart;
        this.entries = entries;
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
        return entries[k] >>> 2;
    }

    public byte value(int k) {
        return (byte) ((entries[k] & 3) - 1);
    }

    /** The packed entries, {@code column << 2 | (vote + 1)}. */
    int[] entries() {
        return entries;
    }

    static int pack(int column, int vote) {
        return column << 2 | (vote + 1);
    }

    /** The vote of a participant on a statement, or {@code null} when it did not vote. */
    public Byte vote(int participant, int statement) {
        int lo = start(participant);
        int hi = end(participant) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = entries[mid] >>> 2;
            if (c < statement) {
                lo = mid + 1;
            } else if (c > statement) {
                hi = mid - 1;
            } else {
                return value(mid);
            }
        }
        return null;
    }

    /**
     * This matrix grown to {@code participants × statements} with {@code changes} on top: a vote in the
     * changes replaces this matrix's vote of the same participant on the same statement. One pass over the
     * entries (rows without changes are copied as they are); this matrix is not modified.
     */
    public VoteMatrix merge(VoteMatrix changes) {
        if (changes.participants < participants || changes.statements < statements) {
            throw new IllegalArgumentException("changes must cover the matrix");
        }
        int rows = changes.participants;
        long[] start = new long[rows + 1];
        int[] out = new int[Math.toIntExact(votes() + changes.votes())];
        int at = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = at;
            int a = r < participants ? start(r) : 0;
            int ae = r < participants ? end(r) : 0;
            int b = changes.start(r);
            int be = changes.end(r);
            if (b == be) {
                System.arraycopy(entries, a, out, at, ae - a);
                at += ae - a;
                continue;
            }
            while (a < ae || b < be) {
                if (b == be || a < ae && entries[a] >>> 2 < changes.entries[b] >>> 2) {
                    out[at++] = entries[a++];
                } else {
                    if (a < ae && entries[a] >>> 2 == changes.entries[b] >>> 2) {
                        a++; // replaced
                    }
                    out[at++] = changes.entries[b++];
                }
            }
        }
        start[rows] = at;
        return new VoteMatrix(rows, changes.statements, start, out);
    }

    /** Writes the matrix (a node keeps a snapshot of it on disk); {@link #readFrom} reads it back. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(participants);
        out.writeInt(statements);
        int[] lengths = new int[participants];
        for (int r = 0; r < participants; r++) {
            lengths[r] = votesOf(r);
        }
        writeInts(out, lengths, participants);
        out.writeInt(Math.toIntExact(votes()));
        writeInts(out, entries, (int) votes());
    }

    /** A matrix written by {@link #writeTo}, checked entry by entry (a damaged file fails here, not in the math). */
    public static VoteMatrix readFrom(DataInputStream in) throws IOException {
        int participants = in.readInt();
        int statements = in.readInt();
        if (participants < 0 || statements < 0) {
            throw new IOException("not a vote matrix");
        }
        int[] lengths = readInts(in, participants);
        long[] start = new long[participants + 1];
        for (int r = 0; r < participants; r++) {
            start[r + 1] = start[r] + lengths[r];
        }
        int votes = in.readInt();
        if (votes != start[participants]) {
            throw new IOException("vote matrix rows and votes disagree");
        }
        int[] entries = readInts(in, votes);
        for (int r = 0; r < participants; r++) {
            int previous = -1;
            for (int k = (int) start[r]; k < start[r + 1]; k++) {
                int column = entries[k] >>> 2;
                if (column <= previous || column >= statements || (entries[k] & 3) == 3) {
                    throw new IOException("damaged vote matrix at row " + r);
                }
                previous = column;
            }
        }
        return new VoteMatrix(participants, statements, start, entries);
    }

    private static void writeInts(DataOutputStream out, int[] a, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        for (int at = 0; at < n; ) {
            int len = Math.min(n - at, buf.capacity() / 4);
            buf.clear();
            buf.asIntBuffer().put(a, at, len);
            out.write(buf.array(), 0, len * 4);
            at += len;
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        byte[] bytes = new byte[1 << 20];
        for (int at = 0; at < n; ) {
            int len = Math.min(n - at, bytes.length / 4);
            in.readFully(bytes, 0, len * 4);
            ByteBuffer.wrap(bytes, 0, len * 4).asIntBuffer().get(a, at, len);
            at += len;
        }
        return a;
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
        private int participants;
        private final int statements;
        private int[] p;
        private int[] e; // packed statement and vote
        private int n;

        public Builder(int participants, int statements, int expectedVotes) {
            if (participants < 0 || statements < 0) {
                throw new IllegalArgumentException("negative size");
            }
            this.participants = participants;
            this.statements = statements;
            int cap = Math.max(16, expectedVotes);
            p = new int[cap];
            e = new int[cap];
        }

        /** For as many participants as {@link #build(int)} will be told (numbered from 0 as they come). */
        public Builder(int statements, int expectedVotes) {
            this(Integer.MAX_VALUE, statements, expectedVotes);
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
                e = Arrays.copyOf(e, cap);
            }
            p[n] = participant;
            e[n] = pack(statement, vote);
            n++;
            return this;
        }

        /** The matrix of {@code participants} rows, every participant added being below that. */
        public VoteMatrix build(int participants) {
            for (int i = 0; i < n; i++) {
                if (p[i] >= participants) {
                    throw new IllegalArgumentException("vote outside the matrix: participant " + p[i]);
                }
            }
            this.participants = participants;
            return build();
        }

        public VoteMatrix build() {
            if (participants == Integer.MAX_VALUE) {
                throw new IllegalStateException("say how many participants: build(participants)");
            }
            // counting sort by participant, keeping insertion order within a participant
            long[] start = new long[participants + 1];
            for (int i = 0; i < n; i++) {
                start[p[i] + 1]++;
            }
            for (int i = 0; i < participants; i++) {
                start[i + 1] += start[i];
            }
            long[] fill = Arrays.copyOf(start, participants);
            int[] packed = new int[n];
            for (int i = 0; i < n; i++) {
                packed[(int) fill[p[i]]++] = e[i];
            }
            p = null;
            e = null;
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
                    if (packed[k] >>> 2 <= packed[k - 1] >>> 2) {
                        sorted = false;
                        break;
                    }
                }
                outStart[r] = out;
                if (sorted) {
                    if (out != from) {
                        System.arraycopy(packed, from, packed, out, len);
                    }
                    out += len;
                    continue;
                }
                if (keys.length < len) {
                    keys = new long[Math.max(len, keys.length * 2)];
                }
                for (int k = 0; k < len; k++) {
                    // statement, then insertion order, so equal statements keep their order
                    keys[k] = ((long) (packed[from + k] >>> 2) << 32) | k;
                }
                Arrays.sort(keys, 0, len);
                int[] row = new int[len];
                int m = 0;
                for (int k = 0; k < len; k++) {
                    int entry = packed[from + (int) keys[k]];
                    if (m > 0 && row[m - 1] >>> 2 == entry >>> 2) {
                        row[m - 1] = entry;
                    } else {
                        row[m++] = entry;
                    }
                }
                System.arraycopy(row, 0, packed, out, m);
                out += m;
            }
            outStart[participants] = out;
            return new VoteMatrix(participants, statements, outStart, out == packed.length ? packed : Arrays.copyOf(packed, out));
        }
    }
}
