package org.parley.monitoring;

import org.parley.platform.Viewer;
import org.springframework.stereotype.Component;

/**
 * Spike alerts as the process navigation shows them on every page of a process: the number of alerts the
 * signed-in mediator or serving observer has not read yet (0 for everyone else), so that a mediator learns of a
 * spike wherever they are in the process, not only on the monitoring dashboard. Called from the layout.
 */
@Component("monitoringNotices")
public class MonitoringNotices {

    private final Monitoring monitoring;

    MonitoringNotices(Monitoring monitoring) {
        this.monitoring = monitoring;
    }

    public int unread(long processId) {
        Viewer viewer = Viewer.current();
        return viewer.isAnonymous() ? 0 : monitoring.unreadAlerts(processId, viewer);
    }
}
