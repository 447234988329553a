package org.parley.monitoring;

import java.util.List;

/** What became of one report of a batch upload: CREATED, DUPLICATE (the client id was seen before) or INVALID. */
public record BatchItem(int index, String clientId, String status, Long reportId, Long eventId, List<FieldError> errors) {

    public record FieldError(String field, String code) {
    }
}
