package org.ishenim.linkage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The linkage engine, matcher and command line are plain Java: no Spring anywhere in the module. */
@AnalyzeClasses(packages = "org.ishenim.linkage", importOptions = ImportOption.DoNotIncludeTests.class)
class NoSpringInLinkageTest {

    @ArchTest
    static final ArchRule linkageDoesNotDependOnSpring = noClasses().that().resideInAPackage("org.ishenim.linkage..")
            .and().doNotHaveSimpleName("package-info") // the module's declaration for Spring Modulith, not code
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");
}
