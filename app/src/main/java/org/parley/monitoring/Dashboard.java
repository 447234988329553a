package org.parley.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily counts of the events the viewer may see, against the mean of the 14 days before the window; the
 * spike flag says the last 24 hours were above that baseline by the configured factor. Claims and
 * outside-source reports are counted apart, never mixed with events; outside-source reports only for those who
 * see everything (observers serving the process and its mediators), else 0.
 */
public record Dashboard(List<Day> days, double baseline, int last24h, boolean spike, double spikeFactor,
                        long claimsOpen, long claimsVerified, long outsideReports) {

    /** One UTC day: events (of the filter), of them verified, and beside them the outside sources' reports of that day. */
    public record Day(LocalDate day, int events, int verified, int outside) {
    }
}
