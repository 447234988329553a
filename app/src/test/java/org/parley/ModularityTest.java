package org.parley;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    /**
     * The record library ({@code org.parley.record}) is a plain-Java dependency of the app, like any other
     * library, not one of its feature modules; its own API is its public types.
     */
    private final ApplicationModules modules = ApplicationModules.of(ParleyApplication.class,
            JavaClass.Predicates.resideInAPackage("org.parley.record.."));

    @Test
    void featuresOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
