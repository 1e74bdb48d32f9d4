package dev.handscope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: app -> render -> engine, app -> models. Inside app, the command line
 * and the window meet only in {@code setup} (what to open, and how to launch it), wired by Main.
 */
@AnalyzeClasses(packages = "dev.handscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineKnowsNoJavaFx = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule engineKnowsNoOtherModule = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.handscope.render..", "dev.handscope.models..", "dev.handscope.app..");

    @ArchTest
    static final ArchRule renderKnowsNoTensorFlow = noClasses().that().resideInAPackage("dev.handscope.render..")
            .should().dependOnClassesThat().resideInAPackage("org.tensorflow..");

    @ArchTest
    static final ArchRule renderKnowsNoModelsOrApp = noClasses().that().resideInAPackage("dev.handscope.render..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.handscope.models..", "dev.handscope.app..");

    @ArchTest
    static final ArchRule nothingDependsOnApp = noClasses().that().resideOutsideOfPackage("dev.handscope.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.handscope.app..");

    /** The hand-template generator and its triangulation run at build time only: engine's test tree. */
    @ArchTest
    static final ArchRule engineShipsNoTemplateGenerator = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().haveSimpleName("HandTemplateGenerator").orShould().haveSimpleName("Delaunay2D");

    /** Engine is a library: an entry point there would be a build-time tool in the runtime jar. */
    @ArchTest
    static final ArchRule engineHasNoEntryPoints = noMethods().that().areDeclaredInClassesThat()
            .resideInAPackage("dev.handscope.engine..").should().haveName("main");

    @ArchTest
    static final ArchRule commandLineKnowsNoWindow = noClasses().that().resideInAPackage("dev.handscope.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.handscope.app.ui..");

    @ArchTest
    static final ArchRule setupIsNeutral = noClasses().that().resideInAPackage("dev.handscope.app.setup..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.handscope.app.cli..", "dev.handscope.app.ui..");

    /** The hand's bones and finger colours are written out once, in HandTopology; everything else reads them there. */
    @ArchTest
    static final ArchRule oneHandTopology = noFields().that().areDeclaredInClassesThat()
            .resideOutsideOfPackage("dev.handscope.engine.hand..")
            .should().haveName("BONES").orShould().haveName("FINGER_COLOURS");
}
