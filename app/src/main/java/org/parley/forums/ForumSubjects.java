package org.parley.forums;

import org.parley.engagement.Consultations;
import org.parley.hearings.Hearings;
import org.parley.petitions.Petitions;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.stereotype.Component;

/** What a thread may be about, and its name: a track, a published petition, a consultation or a hearing of the process. */
@Component
class ForumSubjects {

    private final Processes processes;
    private final Petitions petitions;
    private final Consultations consultations;
    private final Hearings hearings;

    ForumSubjects(Processes processes, Petitions petitions, Consultations consultations, Hearings hearings) {
        this.processes = processes;
        this.petitions = petitions;
        this.consultations = consultations;
        this.hearings = hearings;
    }

    /** The subject's title; NotFoundException when it is not a public thing of this process. */
    String title(long processId, ForumSubject kind, long id) {
        return switch (kind) {
            case TRACK -> processes.track(processId, id).name();
            case PETITION -> {
                var p = petitions.get(processId, id, Viewer.anonymous());
                if (!p.status().published()) {
                    throw new NotFoundException("petition", id);
                }
                yield p.title();
            }
            case CONSULTATION -> consultations.get(processId, id).question();
            case HEARING -> hearings.get(processId, id).title();
        };
    }

    /** Like {@link #title}, but a subject that has gone away is named by its id rather than failing the whole list. */
    String titleOrId(long processId, ForumSubject kind, long id) {
        try {
            return title(processId, kind, id);
        } catch (NotFoundException gone) {
            return "#" + id;
        }
    }
}
