package org.parley.humanitarian;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A CSV the browser saves as a file: UTF-8, with its file name. The same for the pages and the API. */
final class CsvDownload {

    private CsvDownload() {
    }

    static ResponseEntity<byte[]> of(String fileName, Consumer<Writer> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
