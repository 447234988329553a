package org.parley.publicrecord;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code PARLEY_RECORD_ORIGIN}, {@code PARLEY_RECORD_PRIVATE_KEY} (a C2SP note private key string),
 * {@code PARLEY_RECORD_KEY_FILE}; batch size and interval of the sequencer.
 */
@ConfigurationProperties("parley.record")
record RecordProperties(String origin, String privateKey, Path keyFile, Integer batchSize, Duration interval) {

    RecordProperties {
        origin = origin == null || origin.isBlank() ? "parley.local/record" : origin.trim();
        batchSize = batchSize == null ? 4096 : batchSize;
        interval = interval == null ? Duration.ofMillis(100) : interval;
    }
}
