package org.parley.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.parley.platform.Accounts;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts of everyone who acts in a process, kept by mediators. It lives with the processes because
 * a delegate's account names a party of one of them.
 */
@Controller
class AccountsPages {

    private final Accounts accounts;
    private final Processes processes;

    AccountsPages(Accounts accounts, Processes processes) {
        this.accounts = accounts;
        this.processes = processes;
    }

    @GetMapping("/accounts")
    String accounts(Model model) {
        fill(model);
        model.addAttribute("form", new AccountForm());
        return "account/accounts";
    }

    @PostMapping("/accounts")
    ModelAndView create(@Valid @ModelAttribute("form") AccountForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        fill(model);
        if (!result.hasErrors()) {
            try {
                Accounts.Account created = accounts.create(form.command());
                redirect.addFlashAttribute("created", created.email());
                return new ModelAndView("redirect:/accounts");
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        form.setPassword(null); // never sent back to the browser
        ModelAndView mv = new ModelAndView("account/accounts");
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    private void fill(Model model) {
        if (!Viewer.current().is(Role.MEDIATOR)) {
            throw new ForbiddenException("error.mediatorsOnly");
        }
        model.addAttribute("accountList", accounts.all());
        model.addAttribute("roles", Role.values());
        Map<Process, List<Party>> partiesByProcess = new LinkedHashMap<>();
        Map<Long, Party> partyById = new LinkedHashMap<>();
        for (Process p : processes.all()) {
            List<Party> parties = processes.parties(p.id());
            partiesByProcess.put(p, parties);
            parties.forEach(party -> partyById.put(party.id(), party));
        }
        model.addAttribute("partiesByProcess", partiesByProcess);
        model.addAttribute("partyById", partyById);
    }
}
