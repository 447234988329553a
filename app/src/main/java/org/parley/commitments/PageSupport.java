package org.parley.commitments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.process.Track;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the commitments, plan and event pages share: the process with its parties and tracks in the model, and the
 * problems of a form typed as request parameters, as messages in the reader's language (labelled by field).
 */
@Component
class PageSupport {

    /** The request attribute naming the page the language switch returns to after a POST. */
    static final String BACK = "org.parley.platform.web.Ui.back";

    private final Processes processes;
    private final MessageSource messages;
    private final Validator validator;

    PageSupport(Processes processes, MessageSource messages, Validator validator) {
        this.processes = processes;
        this.messages = messages;
        this.validator = validator;
    }

    Process process(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        List<Track> tracks = processes.tracks(pid);
        model.addAttribute("trackList", tracks);
        model.addAttribute("trackById", tracks.stream().collect(Collectors.toMap(Track::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("themes", Theme.values());
        model.addAttribute("deadlineKinds", DeadlineKind.values());
        model.addAttribute("planKinds", PlanKind.values());
        return process;
    }

    void requireMediator(long pid) {
        processes.requireMediator(pid, Viewer.current());
    }

    /** Bean validation of a command, as the API would answer it. */
    List<String> validate(Object input) {
        return validator.validate(input).stream().map(v -> label(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
    }

    List<String> messagesOf(InvalidInputException e) {
        return e.problems().stream().map(p -> label(p.field() == null ? "" : p.field()) + ": "
                + messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale())).toList();
    }

    private String label(String path) {
        String field = path.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        return messages.getMessage("commitments.field." + field, null, field, LocaleContextHolder.getLocale());
    }

    static ModelAndView withStatus(String view, HttpStatus status) {
        ModelAndView mv = new ModelAndView(view);
        mv.setStatus(status);
        return mv;
    }
}
