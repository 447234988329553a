package org.parley.publicrecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.parley.record.note.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The log's Ed25519 signing key: from {@code PARLEY_RECORD_PRIVATE_KEY}, from {@code PARLEY_RECORD_KEY_FILE},
 * or generated at first start into {@code <data dir>/record.key} (readable by its owner only). Several app
 * nodes on one database must be given the same key; the log refuses a key that is not the one it was
 * started with.
 */
@Component
class LogKey {

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private final Ed25519Signer signer;

    LogKey(RecordProperties props, @Value("${parley.data-dir:data}") Path dataDir) {
        this.signer = load(props, dataDir);
    }

    Ed25519Signer signer() {
        return signer;
    }

    String verifierKey() {
        return signer.verifierKey();
    }

    private static Ed25519Signer load(RecordProperties props, Path dataDir) {
        if (props.privateKey() != null && !props.privateKey().isBlank()) {
            return Ed25519Signer.fromPrivateKey(props.privateKey().trim());
        }
        Path file = props.keyFile() != null ? props.keyFile() : dataDir.resolve("record.key");
        try {
            if (Files.exists(file)) {
                return Ed25519Signer.fromPrivateKey(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            Ed25519Signer generated = Ed25519Signer.generate(props.origin());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated.privateKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            log.info("Generated the public record's signing key in {}", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the public record's key at " + file, e);
        }
    }
}
