package org.parley.humanitarian;

import java.util.Map;

import jakarta.validation.Valid;
import org.parley.humanitarian.AreaPopulations.AreaPopulation;
import org.parley.humanitarian.Forms.PopulationForm;
import org.parley.humanitarian.Humanitarian.Area;
import org.parley.platform.InvalidInputException;
import org.parley.platform.NotFoundException;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
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
 * The areas of the humanitarian pages: every oblast and raion with its population and where the figure comes
 * from, and one area's page with the figures it has had and, for coordinators, the form for a new one.
 */
@Controller
class AreaPages {

    private final Humanitarian humanitarian;
    private final Processes processes;

    AreaPages(Humanitarian humanitarian, Processes processes) {
        this.humanitarian = humanitarian;
        this.processes = processes;
    }

    @GetMapping("/processes/{processId}/humanitarian/areas")
    String areas(@PathVariable("processId") long pid, Model model) {
        common(pid, model);
        model.addAttribute("areaList", humanitarian.areas());
        Map<String, AreaPopulation> population = humanitarian.populations(pid);
        model.addAttribute("populationByPcode", population);
        model.addAttribute("populationCount", population.size());
        return "humanitarian/areas";
    }

    @GetMapping("/processes/{processId}/humanitarian/areas/{pcode}")
    String area(@PathVariable("processId") long pid, @PathVariable("pcode") String pcode, Model model) {
        common(pid, model);
        Area area = humanitarian.area(pcode).orElseThrow(() -> new NotFoundException("area", pcode));
        model.addAttribute("area", area);
        model.addAttribute("parent", area.parentPcode() == null ? null : humanitarian.area(area.parentPcode()).orElse(null));
        model.addAttribute("raions", humanitarian.areaGroups().stream().filter(g -> g.area().pcode().equals(area.pcode()))
                .findFirst().map(Humanitarian.AreaGroup::raions).orElse(java.util.List.of()));
        model.addAttribute("populationByPcode", humanitarian.populations(pid));
        model.addAttribute("history", humanitarian.populationHistory(pid, area.pcode()));
        model.addAttribute("gaps", humanitarian.gaps(pid, null, area.level()).stream().filter(g -> g.areaPcode().equals(area.pcode())).toList());
        if (!model.containsAttribute("populationForm")) {
            model.addAttribute("populationForm", new PopulationForm());
        }
        return "humanitarian/area";
    }

    @PostMapping("/processes/{processId}/humanitarian/areas/{pcode}/population")
    ModelAndView setPopulation(@PathVariable("processId") long pid, @PathVariable("pcode") String pcode,
                               @Valid @ModelAttribute("populationForm") PopulationForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                AreaPopulation p = humanitarian.setPopulation(pid, pcode, form.command(), Viewer.current());
                redirect.addFlashAttribute("notice", "humanitarian.population.saved");
                return new ModelAndView("redirect:/processes/" + pid + "/humanitarian/areas/" + p.areaPcode());
            } catch (InvalidInputException e) {
                HumanitarianPages.addTo(result, e);
            }
        }
        return HumanitarianPages.withStatus(area(pid, pcode, model), HttpStatus.BAD_REQUEST);
    }

    private void common(long pid, Model model) {
        model.addAttribute("process", processes.get(pid));
        model.addAttribute("canManage", humanitarian.manages(pid, Viewer.current()));
        model.addAttribute("areaByPcode", humanitarian.areaByPcode());
    }
}
