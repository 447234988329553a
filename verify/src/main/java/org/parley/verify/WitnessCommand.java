package org.parley.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.parley.record.Checkpoint;
import org.parley.record.MalformedKeyException;
import org.parley.record.RecordException;
import org.parley.record.merkle.ConsistencyProof;
import org.parley.record.merkle.ProofBuilder;
import org.parley.record.note.CosignatureSigner;
import org.parley.record.note.Ed25519Verifier;
import org.parley.record.note.Note;
import org.parley.record.note.NoteSignature;
import org.parley.record.tiles.TileHashReader;
import org.parley.record.tiles.TileReader;
import org.parley.record.witness.AddCheckpointRequest;
import org.parley.record.witness.Witness;
import org.parley.record.witness.WitnessException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "witness",
        description = {"Witnesses the log: verifies its new checkpoint, checks it is consistent with the last one "
                + "witnessed (kept in --state), cosigns it (C2SP tlog-cosignature) and records it. "
                + "Refuses, with exit status 1, if the log went backwards or forked."},
        subcommands = WitnessCommand.Keygen.class)
final class WitnessCommand implements Callable<Integer> {

    static final String STATE_FILE = "checkpoint";

    // Not marked required: picocli would then demand them for 'witness keygen' too.
    @Option(names = "--log", paramLabel = "URL", description = "Log prefix (http(s):// URL, file: URL or directory).")
    String log;

    @Option(names = "--key", paramLabel = "VERIFIERKEY", description = "The log's verifier key.")
    String key;

    @Option(names = "--state", paramLabel = "DIR", description = "Directory keeping the last witnessed checkpoint.")
    Path state;

    @Option(names = "--witness-key", paramLabel = "PRIVKEYFILE",
            description = "File holding the witness's PRIVATE+KEY+... key (see 'witness keygen').")
    Path witnessKey;

    @Option(names = "--submit", paramLabel = "URL",
            description = "Also send a tlog-witness add-checkpoint request to this witness URL and print its cosignatures.")
    URI submit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (log == null || key == null || state == null || witnessKey == null) {
            throw new ParameterException(spec.commandLine(), "witness needs --log, --key, --state and --witness-key");
        }
        LogOptions logOptions = new LogOptions();
        logOptions.log = log;
        logOptions.key = key;
        Ed25519Verifier logVerifier = logOptions.verifier();
        CosignatureSigner signer;
        try {
            signer = CosignatureSigner.fromPrivateKey(Files.readString(witnessKey).strip(), Clock.systemUTC());
        } catch (MalformedKeyException e) {
            throw new IllegalArgumentException("--witness-key " + witnessKey + ": " + e.getMessage(), e);
        }
        Files.createDirectories(state);
        var out = spec.commandLine().getOut();
        try (FileChannel lockFile = FileChannel.open(state.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            Optional<Checkpoint> previous = readState(logVerifier);
            TileReader reader = logOptions.reader();
            LogOptions.SignedCheckpoint fetched = logOptions.checkpoint(reader);
            Checkpoint latest = fetched.checkpoint();
            if (previous.isPresent()) {
                Checkpoint before = previous.get();
                if (!before.origin().equals(latest.origin())) {
                    throw new IllegalArgumentException("state in " + state + " is for log " + before.origin()
                            + ", not " + latest.origin());
                }
                if (latest.size() < before.size()) {
                    throw new WitnessException(WitnessException.Reason.BAD_REQUEST, "log went backwards: this witness saw size "
                            + before.size() + " (root " + Encodings.b64(before.rootHash()) + "), the log now serves size "
                            + latest.size() + "; refusing to cosign");
                }
            }
            long oldSize = previous.map(Checkpoint::size).orElse(0L);
            ConsistencyProof proof = new ProofBuilder(new TileHashReader(reader, latest.size()))
                    .consistencyProof(oldSize, latest.size());
            Witness witness = new Witness(signer, Map.of(latest.origin(), List.of(logVerifier)));
            Witness.Cosigned cosigned = witness.addCheckpoint(AddCheckpointRequest.of(proof, fetched.note()),
                    origin -> previous.map(Checkpoint::treeHead));
            writeState(cosigned.note().toBytes());
            out.println(cosigned.cosignature().line());
            out.flush();
            if (submit != null) {
                for (NoteSignature line : submit(reader, cosigned, oldSize)) {
                    out.println(line.line());
                }
                out.flush();
            }
        }
        return VerifyCommand.VERIFIED;
    }

    private Optional<Checkpoint> readState(Ed25519Verifier logVerifier) throws IOException {
        Path file = state.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.open(Files.readAllBytes(file), logVerifier));
        } catch (RecordException e) {
            throw new IOException("witness state " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private void writeState(byte[] note) throws IOException {
        Path target = state.resolve(STATE_FILE);
        Path temp = Files.createTempFile(state, ".checkpoint-", "");
        try {
            Files.write(temp, note);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Sends the checkpoint to another witness. Its latest size is unknown here, so the request
     * starts from ours and, as tlog-witness provides, retries once from the size a 409 names.
     */
    private List<NoteSignature> submit(TileReader reader, Witness.Cosigned cosigned, long oldSize) throws IOException {
        URI uri = submit.getPath() != null && submit.getPath().endsWith("/add-checkpoint")
                ? submit : URI.create(submit.toString().replaceAll("/+$", "") + "/add-checkpoint");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long size = cosigned.checkpoint().size();
        long from = oldSize;
        for (int attempt = 0; attempt < 2; attempt++) {
            ConsistencyProof proof = new ProofBuilder(new TileHashReader(reader, size)).consistencyProof(from, size);
            byte[] body = AddCheckpointRequest.of(proof, cosigned.note().toBytes()).toBytes();
            HttpResponse<byte[]> response = send(client, uri, body);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() == 200) {
                List<NoteSignature> lines = Witness.parseResponse(response.body());
                // Only report what really signs this checkpoint: lines must at least parse, and
                // the note must still parse with them attached.
                Note.parse(cosigned.note().withSignatures(lines).toBytes());
                return lines;
            }
            if (response.statusCode() == 409 && response.headers().firstValue("Content-Type")
                    .map(t -> t.startsWith("text/x.tlog.size")).orElse(false) && attempt == 0) {
                from = parseSize(text, uri);
                if (from > size) {
                    throw new WitnessException(WitnessException.Reason.CONFLICT, uri + " has witnessed size " + from
                            + ", larger than the log's " + size + ": the log went backwards");
                }
                continue;
            }
            throw new WitnessException(reasonFor(response.statusCode()), uri + " refused the checkpoint: HTTP "
                    + response.statusCode() + (text.isBlank() ? "" : ": " + text.strip()));
        }
        throw new IOException(uri + " kept answering 409");
    }

    private static HttpResponse<byte[]> send(HttpClient client, URI uri, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while submitting to " + uri, e);
        }
    }

    private static long parseSize(String text, URI uri) throws IOException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IOException(uri + " answered 409 without a tree size", e);
        }
    }

    private static WitnessException.Reason reasonFor(int status) {
        for (WitnessException.Reason reason : WitnessException.Reason.values()) {
            if (reason.httpStatus() == status) {
                return reason;
            }
        }
        return WitnessException.Reason.BAD_REQUEST;
    }

    @Command(name = "keygen", description = "Generates a witness key pair; prints the verifier key to publish.")
    static final class Keygen implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "N", description = "Witness key name, e.g. witness.example.org/w1.")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the private key (must not exist).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CosignatureSigner signer = CosignatureSigner.generate(name, Clock.systemUTC());
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, signer.privateKey() + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX filesystem: nothing more to tighten.
            }
            spec.commandLine().getOut().println(signer.verifierKey());
            spec.commandLine().getOut().flush();
            return VerifyCommand.VERIFIED;
        }
    }

}
