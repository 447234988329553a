package org.parley.platform.web;

import org.parley.platform.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. Spring Security takes the POST to /login; its failure handler comes back here with ?error or ?locked. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
                 @RequestParam(required = false) String logout, Model model) {
        if (!Viewer.current().isAnonymous() && error == null && locked == null) {
            return "redirect:/account";
        }
        model.addAttribute("error", error != null);
        model.addAttribute("locked", locked != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
