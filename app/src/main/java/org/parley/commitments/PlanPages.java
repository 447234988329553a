package org.parley.commitments;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.parley.platform.FormProblems;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.parley.texts.PageSupport;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan's tables: each row with what the plan expects beside what is measured (the linked commitments' levels and
 * the linked indicators' values against their targets); the mediator adds, edits and removes rows and their links.
 */
@Controller
class PlanPages {

    private final Plan plan;
    private final Commitments commitments;
    private final PageSupport pages;

    PlanPages(Plan plan, Commitments commitments, PageSupport pages) {
        this.plan = plan;
        this.commitments = commitments;
        this.pages = pages;
    }

    @GetMapping("/processes/{processId}/plan")
    String plan(@PathVariable("processId") long pid, Model model) {
        planModel(pid, model);
        model.addAttribute("form", new PlanForm());
        return "commitments/plan";
    }

    @PostMapping("/processes/{processId}/plan")
    ModelAndView add(@PathVariable("processId") long pid, @Valid @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
                     HttpServletRequest request) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/plan");
        if (!result.hasErrors()) {
            try {
                PlanItem item = plan.add(pid, form.input(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/plan#plan-item-" + item.id());
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        planModel(pid, model);
        return PageSupport.withStatus("commitments/plan", HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/processes/{processId}/plan/{itemId}/edit")
    String editForm(@PathVariable("processId") long pid, @PathVariable("itemId") long id, Model model) {
        pages.requireMediator(pid);
        PlanItem item = itemModel(pid, id, model);
        model.addAttribute("form", PlanForm.of(item));
        return "commitments/plan-edit";
    }

    @PostMapping("/processes/{processId}/plan/{itemId}/edit")
    ModelAndView edit(@PathVariable("processId") long pid, @PathVariable("itemId") long id, @Valid @ModelAttribute("form") PlanForm form,
                      BindingResult result, Model model, HttpServletRequest request) {
        request.setAttribute(PageSupport.BACK, "/processes/" + pid + "/plan/" + id + "/edit");
        pages.requireMediator(pid);
        itemModel(pid, id, model);
        if (!result.hasErrors()) {
            try {
                plan.update(pid, id, form.input(), Viewer.current());
                return new ModelAndView("redirect:/processes/" + pid + "/plan#plan-item-" + id);
            } catch (InvalidInputException e) {
                FormProblems.addTo(result, e);
            }
        }
        return PageSupport.withStatus("commitments/plan-edit", HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/processes/{processId}/plan/{itemId}/delete")
    String delete(@PathVariable("processId") long pid, @PathVariable("itemId") long id, RedirectAttributes redirect) {
        plan.delete(pid, id, Viewer.current());
        redirect.addFlashAttribute("notice", "commitments.plan.deleted");
        return "redirect:/processes/" + pid + "/plan";
    }

    private void planModel(long pid, Model model) {
        pages.process(pid, model);
        model.addAttribute("plan", plan.tables(pid, Viewer.current()));
        links(pid, model);
    }

    private PlanItem itemModel(long pid, long id, Model model) {
        pages.process(pid, model);
        PlanItem item = plan.get(pid, id, Viewer.current());
        model.addAttribute("item", item);
        links(pid, model);
        return item;
    }

    /** The commitments (and through them the indicators) a row may stand beside, and the tables it may be in. */
    private void links(long pid, Model model) {
        model.addAttribute("planKinds", PlanKind.values());
        List<Commitment> visible = commitments.list(pid, Viewer.current());
        model.addAttribute("commitmentList", visible);
        model.addAttribute("commitmentById", visible.stream().collect(Collectors.toMap(Commitment::id, Function.identity())));
        model.addAttribute("indicatorById", visible.stream().flatMap(c -> c.indicators().stream())
                .collect(Collectors.toMap(Indicator::id, Function.identity())));
    }
}
