package org.parley.record.tiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TileStore} in a directory laid out exactly as the tlog-tiles URL space, so any static
 * file server can publish it as is.
 *
 * <p>Each write goes to a temporary file in the target directory and is then renamed over the
 * target, so a concurrent reader (or a crash) never sees a half-written tile.
 */
public final class DirectoryTileStore implements TileStore {

    private final Path root;

    public DirectoryTileStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<byte[]> readCheckpoint() throws IOException {
        return read(TileLayout.CHECKPOINT_PATH);
    }

    @Override
    public Optional<byte[]> readTile(int level, long index, int width) throws IOException {
        return read(TileLayout.tilePath(level, index, width));
    }

    @Override
    public Optional<byte[]> readEntryBundle(long index, int width) throws IOException {
        return read(TileLayout.entriesPath(index, width));
    }

    @Override
    public void writeTile(int level, long index, int width, byte[] hashes) throws IOException {
        write(TileLayout.tilePath(level, index, width), hashes);
    }

    @Override
    public void writeEntryBundle(long index, int width, byte[] bundle) throws IOException {
        write(TileLayout.entriesPath(index, width), bundle);
    }

    @Override
    public void writeCheckpoint(byte[] checkpoint) throws IOException {
        write(TileLayout.CHECKPOINT_PATH, checkpoint);
    }

    /** The file that holds the resource at a tlog-tiles path. */
    public Path file(String resourcePath) {
        return root.resolve(resourcePath);
    }

    private Optional<byte[]> read(String path) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path target = root.resolve(path);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".tmp-", "");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
