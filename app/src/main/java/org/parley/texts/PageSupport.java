package org.parley.texts;

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
 * What the pages of texts and of the commitments made from them share (as they share the sub-navigation): the process
 * with its parties and tracks in the model, and the problems of a form as messages in the reader's language, each
 * labelled by its field ({@code <feature>.field.<name>}).
 */
@Component
public class PageSupport {

    /** The request attribute naming the page the language switch returns to after a POST. */
    public static final String BACK = "org.parley.platform.web.Ui.back";

    private final Processes processes;
    private final MessageSource messages;
    private final Validator validator;

    PageSupport(Processes processes, MessageSource messages, Validator validator) {
        this.processes = processes;
        this.messages = messages;
        this.validator = validator;
    }

    public Process process(long pid, Model model) {
        Process process = processes.get(pid);
        model.addAttribute("process", process);
        model.addAttribute("canEdit", processes.mediates(pid, Viewer.current()));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyList", parties);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        List<Track> tracks = processes.tracks(pid);
        model.addAttribute("trackList", tracks);
        model.addAttribute("trackById", tracks.stream().collect(Collectors.toMap(Track::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        return process;
    }

    public void requireMediator(long pid) {
        processes.requireMediator(pid, Viewer.current());
    }

    /** Bean validation of a command, as the API would answer it. */
    public List<String> validate(Object input, String feature) {
        return validator.validate(input).stream().map(v -> label(feature, v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
    }

    public List<String> messagesOf(InvalidInputException e, String feature) {
        return e.problems().stream().map(p -> label(feature, p.field() == null ? "" : p.field()) + ": " + message(p.code(), p.args())).toList();
    }

    public String message(String code, Object[] args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private String label(String feature, String path) {
        String field = path.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        return messages.getMessage(feature + ".field." + field, null, field, LocaleContextHolder.getLocale());
    }

    public static ModelAndView withStatus(String view, HttpStatus status) {
        ModelAndView mv = new ModelAndView(view);
        mv.setStatus(status);
        return mv;
    }
}
