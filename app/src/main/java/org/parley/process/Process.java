package org.parley.process;

import java.time.LocalDate;
import java.util.List;

/** A peace process: its start date D0 anchors every offset on the roadmap. */
public record Process(long id, String name, String description, LocalDate startDate, ProcessStatus status, List<String> languages) {
}
