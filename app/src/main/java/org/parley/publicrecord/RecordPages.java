package org.parley.publicrecord;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public record for people: what it is, its key and checkpoint, who cosigned, recent entries, how to check it alone. */
@Controller
class RecordPages {

    private final PublicRecord record;
    private final Witnesses witnesses;

    RecordPages(PublicRecord record, Witnesses witnesses) {
        this.record = record;
        this.witnesses = witnesses;
    }

    @GetMapping("/record")
    String overview(Model model, HttpServletRequest request) {
        LogState state = record.state();
        model.addAttribute("state", state);
        model.addAttribute("rootHash", java.util.Base64.getEncoder().encodeToString(state.rootHash()));
        model.addAttribute("cosigners", witnesses.cosignersOf(state.treeSize()));
        model.addAttribute("witnesses", witnesses.all());
        model.addAttribute("entries", record.latest(25));
        model.addAttribute("logUrl", baseUrl(request) + "/log");
        return "record/overview";
    }

    @GetMapping("/record/entries/{index}")
    String entry(@PathVariable long index, Model model, HttpServletRequest request) {
        model.addAttribute("entry", record.entryAt(index));
        model.addAttribute("state", record.state());
        model.addAttribute("logUrl", baseUrl(request) + "/log");
        return "record/entry";
    }

    /** The entries behind one fact's subject (e.g. {@code milestone/12}), as a fragment other pages pull in with htmx. */
    @GetMapping("/record/about")
    String about(@RequestParam String subject, Model model) {
        model.addAttribute("entries", record.entriesAbout(subject));
        return "record/about :: entries";
    }

    private static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
    }
}
