package org.parley.record.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.parley.record.CorruptLogException;
import org.parley.record.merkle.MerkleHasher;

/**
 * A tlog-tiles entry bundle: up to 256 consecutive log entries, each written as a big-endian
 * uint16 length followed by the entry's bytes. Parsing keeps the bundle's bytes and the offsets of
 * its entries, so leaf hashes can be computed without copying entries out.
 */
public final class EntryBundle {

    /** Largest entry a bundle can hold, set by its 16-bit length prefix. */
    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private final byte[] bytes;
    private final int[] offsets;
    private final int[] lengths;

    private EntryBundle(byte[] bytes, int[] offsets, int[] lengths) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /**
     * Parses a bundle strictly: every byte must belong to a length-prefixed entry.
     *
     * @param where the bundle's path, to name it in errors
     * @throws CorruptLogException if the bundle is truncated or overlong
     */
    public static EntryBundle parse(byte[] bundle, String where) {
        Objects.requireNonNull(bundle, "bundle");
        int[] offsets = new int[16];
        int[] lengths = new int[16];
        int count = 0;
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new CorruptLogException(where + ": truncated length prefix at byte " + at);
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new CorruptLogException(where + ": entry " + count + " claims " + length
                        + " bytes but only " + (bundle.length - at) + " remain");
            }
            if (count == TileLayout.WIDTH) {
                throw new CorruptLogException(where + ": more than " + TileLayout.WIDTH + " entries");
            }
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            offsets[count] = at;
            lengths[count] = length;
            count++;
            at += length;
        }
        return new EntryBundle(bundle, Arrays.copyOf(offsets, count), Arrays.copyOf(lengths, count));
    }

    /** Encodes entries as a bundle. */
    public static byte[] encode(List<byte[]> entries) {
        if (entries.size() > TileLayout.WIDTH) {
            throw new IllegalArgumentException("a bundle holds at most 256 entries, not " + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            appendEntry(out, entry);
        }
        return out.toByteArray();
    }

    static void appendEntry(ByteArrayOutputStream out, byte[] entry) {
        requireEntrySize(entry);
        out.write(entry.length >>> 8);
        out.write(entry.length & 0xFF);
        out.write(entry, 0, entry.length);
    }

    static void requireEntrySize(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.length > MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds the "
                    + MAX_ENTRY_SIZE + "-byte limit of tlog-tiles entry bundles");
        }
    }

    /** Number of entries in the bundle. */
    public int size() {
        return offsets.length;
    }

    /** A copy of entry {@code i}. */
    public byte[] entry(int i) {
        return Arrays.copyOfRange(bytes, offsets[i], offsets[i] + lengths[i]);
    }

    /** Copies of all entries, in order. */
    public List<byte[]> entries() {
        List<byte[]> entries = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            entries.add(entry(i));
        }
        return entries;
    }

    /** The RFC 9162 leaf hash of entry {@code i}. */
    public byte[] leafHash(int i) {
        return MerkleHasher.leafHash(bytes, offsets[i], lengths[i]);
    }
}
