package org.parley.platform.security;

import jakarta.validation.constraints.Size;
import org.parley.platform.Accounts;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own page: who they are, their language, and their API tokens. */
@Controller
class AccountPages {

    /** The form that names a new API token. */
    public static class TokenForm {
        @Size(max = 100)
        private String name;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountPages(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        fill(model);
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        return "account/account";
    }

    /**
     * Issues a token and shows it on the page this one time. The page is answered directly rather than
     * through a redirect so that the secret never rests in the session store.
     */
    @PostMapping("/account/tokens")
    ModelAndView createToken(@Validated @ModelAttribute("tokenForm") TokenForm form, BindingResult result, Model model,
                             jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(org.parley.platform.web.Ui.BACK, "/account");
        fill(model);
        if (result.hasErrors()) {
            ModelAndView mv = new ModelAndView("account/account");
            mv.setStatus(HttpStatus.BAD_REQUEST);
            return mv;
        }
        String name = form.getName() == null || form.getName().isBlank() ? "API token" : form.getName().strip();
        ApiTokens.IssuedToken issued = tokens.issue(Viewer.current().accountId(), name);
        fill(model);
        model.addAttribute("newToken", issued.token());
        model.addAttribute("newTokenName", name);
        model.addAttribute("tokenForm", new TokenForm());
        return new ModelAndView("account/account");
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revoke(@PathVariable("tokenId") long id, RedirectAttributes redirect) {
        if (!tokens.revoke(Viewer.current().accountId(), id)) {
            throw new NotFoundException("token", id);
        }
        redirect.addFlashAttribute("notice", "account.token.revoked");
        return "redirect:/account";
    }

    private void fill(Model model) {
        Viewer viewer = Viewer.current();
        model.addAttribute("account", accounts.find(viewer.accountId()).orElseThrow(() -> new NotFoundException("account", viewer.accountId())));
        model.addAttribute("tokens", tokens.list(viewer.accountId()));
    }
}
