package org.parley.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.parley.record.tiles.TileLayout;
import org.parley.record.tiles.TileReader;

/** Reads a tlog-tiles log over HTTP(S) from a URL prefix. Thread-safe. */
final class HttpTileReader implements TileReader {

    private final String prefix;
    private final HttpClient client;

    HttpTileReader(String prefix) {
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Optional<byte[]> readCheckpoint() throws IOException {
        return get(TileLayout.CHECKPOINT_PATH);
    }

    @Override
    public Optional<byte[]> readTile(int level, long index, int width) throws IOException {
        return get(TileLayout.tilePath(level, index, width));
    }

    @Override
    public Optional<byte[]> readEntryBundle(long index, int width) throws IOException {
        return get(TileLayout.entriesPath(index, width));
    }

    private Optional<byte[]> get(String path) throws IOException {
        URI uri = URI.create(prefix + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                // tlog-tiles asks clients to accept gzip, which logs use for entry bundles.
                .header("Accept-Encoding", "gzip, identity")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return Optional.of(body);
    }

    @Override
    public String toString() {
        return prefix;
    }
}
