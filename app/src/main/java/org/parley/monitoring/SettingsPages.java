package org.parley.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mediators' monitoring settings page: which observers serve the process and in which team, the categories
 * the process adds to the built-in ones, how reports are grouped into events (and regrouping the open ones), what
 * counts as a spike, and the map's tile server. Each form comes back with the input kept when something is wrong.
 */
@Controller
class SettingsPages {

    private static final String BASE = "/processes/{processId}/monitoring";

    private final Monitoring monitoring;
    private final Categories categories;
    private final Observers observers;
    private final Processes processes;

    SettingsPages(Monitoring monitoring, Categories categories, Observers observers, Processes processes) {
        this.monitoring = monitoring;
        this.categories = categories;
        this.observers = observers;
        this.processes = processes;
    }

    @GetMapping(BASE + "/settings")
    String settings(@PathVariable("processId") long pid, Model model) {
        model(pid, model);
        return "monitoring/settings";
    }

    @PostMapping(BASE + "/settings")
    ModelAndView change(@PathVariable("processId") long pid, @ModelAttribute("settingsForm") PageForms.SettingsForm form, BindingResult result,
                        Model model, RedirectAttributes redirect) {
        Viewer viewer = mediator(pid);
        if (!result.hasErrors()) {
            try {
                monitoring.changeSettings(pid, form.command(), viewer);
                return done(pid, redirect, "monitoring.settings.saved", "#grouping");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return again(pid, model);
    }

    @PostMapping(BASE + "/settings/regroup")
    ModelAndView regroup(@PathVariable("processId") long pid, @RequestParam(name = "reason", required = false) String reason, Model model,
                         RedirectAttributes redirect) {
        Viewer viewer = mediator(pid);
        try {
            Monitoring.Regrouped r = monitoring.regroup(pid, reason, viewer);
            redirect.addFlashAttribute("regrouped", r);
            return done(pid, redirect, "monitoring.regroup.done", "#grouping");
        } catch (InvalidInputException e) {
            model.addAttribute("regroupError", e.problems().getFirst().code());
            model.addAttribute("reason", reason);
            return again(pid, model);
        }
    }

    @PostMapping(BASE + "/categories")
    ModelAndView addCategory(@PathVariable("processId") long pid, @ModelAttribute("categoryForm") PageForms.CategoryForm form, BindingResult result,
                             Model model, RedirectAttributes redirect) {
        Viewer viewer = mediator(pid);
        if (!result.hasErrors()) {
            try {
                categories.add(pid, form.command(), viewer);
                return done(pid, redirect, "monitoring.categoryForm.added", "#categories");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return again(pid, model);
    }

    @PostMapping(BASE + "/observers")
    ModelAndView addObserver(@PathVariable("processId") long pid, @ModelAttribute("observerForm") PageForms.ObserverForm form, BindingResult result,
                             Model model, RedirectAttributes redirect) {
        Viewer viewer = mediator(pid);
        if (!result.hasErrors()) {
            try {
                observers.add(pid, form.command(), viewer);
                return done(pid, redirect, "monitoring.observers.added", "#observers");
            } catch (InvalidInputException e) {
                MonitoringPages.addTo(result, e);
            }
        }
        return again(pid, model);
    }

    @PostMapping(BASE + "/observers/{observerId}/remove")
    ModelAndView removeObserver(@PathVariable("processId") long pid, @PathVariable("observerId") long observerId, RedirectAttributes redirect) {
        observers.remove(pid, observerId, mediator(pid));
        return done(pid, redirect, "monitoring.observers.removed", "#observers");
    }

    @PostMapping(BASE + "/tiles")
    ModelAndView setTiles(@PathVariable("processId") long pid, @RequestParam(name = "tileUrl", required = false) String tileUrl, Model model,
                          RedirectAttributes redirect) {
        Viewer viewer = mediator(pid);
        try {
            monitoring.setTileUrl(pid, tileUrl, viewer);
            return done(pid, redirect, "monitoring.tiles.saved", "#tiles");
        } catch (InvalidInputException e) {
            model.addAttribute("tileUrl", tileUrl);
            model.addAttribute("tileError", e.problems().getFirst().code());
            return again(pid, model);
        }
    }

    private Viewer mediator(long pid) {
        Viewer viewer = Viewer.current();
        processes.requireMediator(pid, viewer);
        return viewer;
    }

    private void model(long pid, Model model) {
        Viewer viewer = mediator(pid);
        model.addAttribute("process", processes.get(pid));
        List<Party> parties = processes.parties(pid);
        model.addAttribute("partyById", parties.stream().collect(Collectors.toMap(Party::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("seesAll", true);
        model.addAttribute("observerList", observers.of(pid, viewer));
        model.addAttribute("candidates", observers.candidates(pid, viewer));
        model.addAttribute("categories", categories.of(pid));
        model.addAttribute("categoryNames", categories.labels(pid, LocaleContextHolder.getLocale()));
        model.addAttribute("groupNames", categories.groupLabels(pid, LocaleContextHolder.getLocale()));
        model.addAttribute("acledPairs", Acled.pairs());
        if (!model.containsAttribute("tileUrl")) {
            model.addAttribute("tileUrl", monitoring.tileUrl());
        }
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", PageForms.SettingsForm.of(monitoring.settings(pid)));
        }
        if (!model.containsAttribute("categoryForm")) {
            PageForms.CategoryForm f = new PageForms.CategoryForm();
            f.setGroup(Category.FIRE);
            model.addAttribute("categoryForm", f);
        }
        if (!model.containsAttribute("observerForm")) {
            model.addAttribute("observerForm", new PageForms.ObserverForm());
        }
    }

    private ModelAndView again(long pid, Model model) {
        model(pid, model);
        ModelAndView mv = new ModelAndView("monitoring/settings", model.asMap());
        mv.setStatus(HttpStatus.BAD_REQUEST);
        return mv;
    }

    private static ModelAndView done(long pid, RedirectAttributes redirect, String notice, String anchor) {
        redirect.addFlashAttribute("notice", notice);
        return new ModelAndView("redirect:/processes/" + pid + "/monitoring/settings" + anchor);
    }
}
