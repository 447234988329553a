package org.parley.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import org.parley.record.Checkpoint;
import org.parley.record.CorruptLogException;
import org.parley.record.InvalidProofException;
import org.parley.record.merkle.InclusionProof;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.tiles.EntryBundle;
import org.parley.record.tiles.TileHashReader;
import org.parley.record.tiles.TileLayout;
import org.parley.record.tiles.TileReader;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inclusion",
        description = {"Verifies that an entry is at an index of the log's latest signed tree. "
                + "The inclusion proof is computed here from the log's tiles and checked against the signed root.",
                "Without --entry-file or --entry-hex the entry is read from the log's entry bundle."})
final class InclusionCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Option(names = "--index", required = true, paramLabel = "I", description = "0-based index of the entry.")
    long index;

    @ArgGroup(exclusive = true)
    Entry entry;

    static final class Entry {
        @Option(names = "--entry-file", paramLabel = "F", description = "File holding the entry's exact bytes.")
        Path file;

        @Option(names = "--entry-hex", paramLabel = "H", description = "The entry's bytes in hex.")
        String hex;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TileReader reader = log.reader();
        Checkpoint checkpoint = log.checkpoint(reader).checkpoint();
        long size = checkpoint.size();
        if (index < 0 || index >= size) {
            throw new InvalidProofException("index " + index + " is not in the log: its checkpoint covers "
                    + size + " entries");
        }
        byte[] bytes = entryBytes(reader, size);
        byte[] leafHash = MerkleHasher.leafHash(bytes);
        InclusionProof proof = new ProofBuilder(new TileHashReader(reader, size)).inclusionProof(index, size);
        try {
            proof.verify(leafHash, checkpoint.rootHash());
        } catch (InvalidProofException e) {
            throw new InvalidProofException("entry " + index + " with leaf hash " + Encodings.b64(leafHash)
                    + " is not in the signed tree of size " + size + ": " + e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.println("entry " + index + " is included in " + checkpoint.origin() + " at size " + size);
        out.println("leaf hash: " + Encodings.b64(leafHash));
        out.println("root: " + Encodings.b64(checkpoint.rootHash()));
        out.flush();
        return VerifyCommand.VERIFIED;
    }

    private byte[] entryBytes(TileReader reader, long size) throws Exception {
        if (entry != null && entry.file != null) {
            return Files.readAllBytes(entry.file);
        }
        if (entry != null && entry.hex != null) {
            try {
                return HexFormat.of().parseHex(entry.hex.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--entry-hex is not hex: " + e.getMessage(), e);
            }
        }
        long bundleIndex = index >>> TileLayout.HEIGHT;
        int width = TileLayout.width(0, bundleIndex, size);
        String path = TileLayout.entriesPath(bundleIndex, width);
        byte[] bundle = reader.readEntryBundle(bundleIndex, width)
                .or(() -> readFull(reader, bundleIndex, width))
                .orElseThrow(() -> new CorruptLogException(path + " is missing"));
        EntryBundle parsed = EntryBundle.parse(bundle, path);
        int offset = (int) (index & (TileLayout.WIDTH - 1));
        if (offset >= parsed.size()) {
            throw new CorruptLogException(path + " holds " + parsed.size() + " entries, so not entry " + index);
        }
        return parsed.entry(offset);
    }

    private static java.util.Optional<byte[]> readFull(TileReader reader, long bundleIndex, int width) {
        if (width == TileLayout.WIDTH) {
            return java.util.Optional.empty();
        }
        try {
            return reader.readEntryBundle(bundleIndex, TileLayout.WIDTH);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
