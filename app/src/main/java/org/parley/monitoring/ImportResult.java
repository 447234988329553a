package org.parley.monitoring;

import java.time.Instant;
import java.util.List;

/** An import of an outside source's file: how far it got, and which rows failed and why. */
public record ImportResult(long id, long processId, String format, String fileName, String sha256, String status, int rowsRead,
                           int rowsImported, int rowsDuplicate, int rowsFailed, long deathsBest, Instant startedAt, Instant finishedAt,
                           List<RowError> errors) {

    public record RowError(int row, String message) {
    }
}
