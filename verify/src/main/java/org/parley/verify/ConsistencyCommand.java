package org.parley.verify;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Callable;

import org.parley.record.Checkpoint;
import org.parley.record.InvalidProofException;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.MerkleHasher;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.tiles.TileHashReader;
import org.parley.record.tiles.TileReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "consistency",
        description = "Verifies that the log's latest signed tree extends an older tree you trust, "
                + "i.e. that nothing the older tree held was changed or removed.")
final class ConsistencyCommand implements Callable<Integer> {

    @Mixin
    LogOptions log;

    @Option(names = "--old-size", required = true, paramLabel = "N", description = "Size of the older tree.")
    long oldSize;

    @Option(names = "--old-root", required = true, paramLabel = "B64", description = "Root hash of the older tree, base64.")
    String oldRoot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(oldRoot.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--old-root is not base64", e);
        }
        if (root.length != MerkleHasher.HASH_SIZE || oldSize < 0) {
            throw new IllegalArgumentException("--old-root must be a 32-byte hash and --old-size not negative");
        }
        TileReader reader = log.reader();
        Checkpoint checkpoint = log.checkpoint(reader).checkpoint();
        long size = checkpoint.size();
        if (oldSize > size) {
            throw new InvalidProofException("the log's signed tree has " + size + " entries, fewer than the "
                    + oldSize + " of the older tree: the log went backwards");
        }
        if (oldSize == 0) {
            if (!MessageDigest.isEqual(root, MerkleHasher.emptyRootHash())) {
                throw new InvalidProofException("the root of an empty tree is " + Encodings.b64(MerkleHasher.emptyRootHash())
                        + ", not " + oldRoot);
            }
        } else {
            ConsistencyProof proof = new ProofBuilder(new TileHashReader(reader, size)).consistencyProof(oldSize, size);
            proof.verify(root, checkpoint.rootHash());
        }
        var out = spec.commandLine().getOut();
        out.println("tree of size " + size + " (root " + Encodings.b64(checkpoint.rootHash()) + ") of " + checkpoint.origin()
                + " is consistent with size " + oldSize + " (root " + Encodings.b64(root) + ")");
        out.flush();
        return VerifyCommand.VERIFIED;
    }
}
