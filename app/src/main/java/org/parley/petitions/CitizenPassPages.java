package org.parley.petitions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.platform.InvalidInputException;
import org.parley.platform.TooManyRequestsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen pass on the pages: the small form (name, email) that any citizen feature shows, the page the
 * mailed link opens (a POST button), and "forget me". Answers go back to the page the citizen came from.
 */
@Controller
class CitizenPassPages {

    private final CitizenPasses passes;
    private final CitizenPassCookie cookie;

    CitizenPassPages(CitizenPasses passes, CitizenPassCookie cookie) {
        this.passes = passes;
        this.cookie = cookie;
    }

    @PostMapping("/processes/{processId}/citizens/pass")
    String request(@PathVariable("processId") long pid, @RequestParam(required = false) String name, @RequestParam(required = false) String email,
                   @RequestParam(required = false) String back, HttpServletRequest request, RedirectAttributes flash) {
        String to = back(pid, back);
        try {
            passes.request(pid, name, email, to, request.getRemoteAddr());
            flash.addFlashAttribute("passNotice", "citizens.pass.sent");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("passError", e.problems().getFirst().code());
            flash.addFlashAttribute("passName", name);
            flash.addFlashAttribute("passEmail", email);
        } catch (TooManyRequestsException e) {
            flash.addFlashAttribute("passError", e.getMessage());
        }
        return "redirect:" + to + "#citizen-pass";
    }

    @GetMapping("/citizens/pass")
    String link(@RequestParam(name = "t", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("pending", passes.pending(token));
        return "petitions/citizen-pass";
    }

    @PostMapping("/citizens/pass")
    String confirm(@RequestParam(name = "t", required = false) String token, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes flash) {
        CitizenPasses.Issued issued = passes.confirm(token);
        long pid = issued.citizen().processId();
        cookie.set(request, response, pid, issued.pass(), issued.expiresAt());
        flash.addFlashAttribute("passNotice", "citizens.pass.confirmed");
        return "redirect:" + (issued.returnTo() != null ? issued.returnTo() : "/processes/" + pid);
    }

    @PostMapping("/processes/{processId}/citizens/forget")
    String forget(@PathVariable("processId") long pid, @RequestParam(required = false) String back, HttpServletRequest request,
                  HttpServletResponse response) {
        cookie.token(pid).ifPresent(passes::revoke);
        cookie.clear(request, response, pid);
        return "redirect:" + back(pid, back);
    }

    /** Only a page of this process: never an address elsewhere (no open redirect). */
    private static String back(long pid, String back) {
        String prefix = "/processes/" + pid;
        return back != null && (back.equals(prefix) || back.startsWith(prefix + "/")) && back.matches("[A-Za-z0-9_\\-/?=&]*") ? back : prefix;
    }
}
