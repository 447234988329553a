package org.parley.platform;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts a service's field problems next to the fields of the form that caused them; the others above the form. */
public final class FormProblems {

    private FormProblems() {
    }

    public static void addTo(BindingResult result, InvalidInputException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (var p : e.problems()) {
            if (p.field() != null && form.isReadableProperty(p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        }
    }
}
