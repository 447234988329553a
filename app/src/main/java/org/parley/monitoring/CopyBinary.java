package org.parley.monitoring;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in PostgreSQL's binary COPY format, for {@code COPY ... FROM STDIN WITH (FORMAT binary)}: the server stores
 * the values as they come instead of parsing text (a timestamp's text costs more to read than the rest of a row),
 * and no value needs quoting. Each row is {@link #row} with its field count, then one call per field in the
 * column order of the COPY.
 */
final class CopyBinary implements Closeable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds since 1970. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final DataOutputStream out;

    CopyBinary(OutputStream copy) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16));
        out.write(SIGNATURE);
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // no header extension
    }

    void row(int fields) throws IOException {
        out.writeShort(fields);
    }

    void text(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    void int8(long v) throws IOException {
        out.writeInt(8);
        out.writeLong(v);
    }

    void int8(Long v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
        } else {
            int8(v.longValue());
        }
    }

    void int4(Integer v) throws IOException {
        if (v == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(4);
        out.writeInt(v);
    }

    void float8(double v) throws IOException {
        out.writeInt(8);
        out.writeLong(Double.doubleToLongBits(v));
    }

    void timestamptz(Instant t) throws IOException {
        if (t == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(8);
        out.writeLong(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000) - PG_EPOCH_MICROS);
    }

    /** Ends the data (the trailer) and hands it all to the server; the COPY completes when the stream closes. */
    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
