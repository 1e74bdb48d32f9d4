package dev.handscope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.handscope.engine.model.HandDetector;
import dev.handscope.engine.model.HandLandmarker;
import dev.handscope.engine.model.ModelRuntime;
import dev.handscope.engine.model.Translator;

/**
 * Dependencies point one way: app -> render -> engine, app -> models. Inside app, the command line
 * and the window meet only in {@code setup} (what to open, and how to launch it), wired by Main.
 */
@AnalyzeClasses(packages = "dev.handscope", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The engine's test jar (test models shared with the app's tests) is test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule engineKnowsNoJavaFx = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule engineKnowsNoOtherModule = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.handscope.render..", "dev.handscope.models..", "dev.handscope.app..");

    /** Engine is plain Java without JSON: datasets and exports are read and written in app (engine.eval included). */
    @ArchTest
    static final ArchRule engineKnowsNoJackson = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule engineKnowsNoOsc = noClasses().that().resideInAPackage("dev.handscope.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.illposed.osc..");

    @ArchTest
    static final ArchRule oscLivesInAppOsc = noClasses().that().resideOutsideOfPackage("dev.handscope.app.osc..")
            .should().dependOnClassesThat().resideInAPackage("com.illposed.osc..");

    @ArchTest
    static final ArchRule signalsKnowNoModel = noClasses().that().resideInAPackage("dev.handscope.engine.signals..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.handscope.engine.model..",
                    "dev.handscope.engine.inference..", "dev.handscope.engine.family..",
                    "dev.handscope.engine.tracking..",
                    "org.tensorflow..");

    @ArchTest
    static final ArchRule renderKnowsNoTensorFlow = noClasses().that().resideInAPackage("dev.handscope.render..")
            .should().dependOnClassesThat().resideInAPackage("org.tensorflow..");

    @ArchTest
    static final ArchRule renderKnowsNoOnnxRuntime = noClasses().that().resideInAPackage("dev.handscope.render..")
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..");

    /** ONNX Runtime is one runner behind ModelRunner: adapters, the tracker and the app choose it by options only. */
    @ArchTest
    static final ArchRule onnxRuntimeOnlyInTheInferencePackage = noClasses()
            .that().resideOutsideOfPackage("dev.handscope.engine.inference..")
            .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..");

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

    /** Calibration is plain Java and OpenCV: no app, window, JSON or models. */
    @ArchTest
    static final ArchRule calibrationIsPlainOpenCv = noClasses().that()
            .resideInAPackage("dev.handscope.engine.calibration..").should().dependOnClassesThat().resideInAnyPackage(
                    "dev.handscope.app..", "javafx..", "com.fasterxml.jackson..", "org.tensorflow..");

    /** The mesh places hands through {@code mesh.CameraModel}; it does not know how a calibration is made. */
    @ArchTest
    static final ArchRule meshKnowsNoCalibration = noClasses().that().resideInAPackage("dev.handscope.engine.mesh..")
            .should().dependOnClassesThat().resideInAPackage("dev.handscope.engine.calibration..");

    /** Recording exports serve the command line and the window alike: they know neither. */
    @ArchTest
    static final ArchRule recordingExportsKnowNoFrontEnd = noClasses().that()
            .resideInAPackage("dev.handscope.app.export.recording..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.handscope.app.cli..", "dev.handscope.app.ui..", "javafx..");

    /** glTF is written in one place. */
    @ArchTest
    static final ArchRule gltfOnlyInRecordingExports = noClasses().that()
            .resideOutsideOfPackage("dev.handscope.app.export.recording..").should().dependOnClassesThat()
            .resideInAPackage("de.javagl..");

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

    /** A concrete model: an adapter behind the model interfaces, its translator, its runtime or its loader. */
    private static final DescribedPredicate<JavaClass> CONCRETE_MODEL = JavaClass.Predicates.implement(HandDetector.class)
            .or(JavaClass.Predicates.implement(HandLandmarker.class))
            .or(JavaClass.Predicates.implement(Translator.class))
            .or(JavaClass.Predicates.implement(ModelRuntime.class))
            .or(JavaClass.Predicates.resideInAnyPackage("dev.handscope.engine.inference..",
                    "dev.handscope.engine.mediapipe.."))
            .as("a concrete model, its runtime or its loader");

    /** The tracker, the pipeline and its stages talk to the model interfaces only: a new model family plugs in. */
    @ArchTest
    static final ArchRule trackingKnowsNoConcreteModel = noClasses().that().resideInAnyPackage(
                    "dev.handscope.engine.tracking..", "dev.handscope.engine.pipeline..", "dev.handscope.engine.stage..",
                    "dev.handscope.engine.result..")
            .and().doNotHaveSimpleName("NativeLibraries").and().doNotHaveSimpleName("NativeUnpack")
            .should().dependOnClassesThat(CONCRETE_MODEL);

    /**
     * The evaluator scores any family through the model seam; its metrics are plain numbers (no
     * runtime, no JSON library: reading datasets and writing reports is the app's).
     */
    @ArchTest
    static final ArchRule evaluationKnowsNoConcreteModelNorRuntime = noClasses().that()
            .resideInAPackage("dev.handscope.engine.eval..")
            .should().dependOnClassesThat(CONCRETE_MODEL)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "com.fasterxml..",
                    "dev.handscope.engine.inference..");

    /** Failure mining judges results only: no model, runtime, capture, image or stage, so it runs on any result. */
    @ArchTest
    static final ArchRule miningJudgesResultsOnly = noClasses().that().resideInAPackage("dev.handscope.engine.mining..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.handscope.engine.model..",
                    "dev.handscope.engine.inference..", "dev.handscope.engine.capture..", "dev.handscope.engine.imaging..",
                    "dev.handscope.engine.stage..", "dev.handscope.engine.pipeline..");

    /** The side threads are plain plumbing: they know nothing of hands, faces or models. */
    @ArchTest
    static final ArchRule sideWorkersKnowNoEngine = noClasses().that().resideInAPackage("dev.handscope.engine.concurrent..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.handscope.engine.concurrent..");

    /** Render draws results; it never reaches a model. */
    @ArchTest
    static final ArchRule renderKnowsNoModelAdapter = noClasses().that().resideInAPackage("dev.handscope.render..")
            .should().dependOnClassesThat(CONCRETE_MODEL);

    /** Pre- and post-processing are plain Java: no runtime class in a translator. */
    @ArchTest
    static final ArchRule translatorsKnowNoRuntime = noClasses().that().implement(Translator.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "dev.handscope.engine.inference..");

    // The window: a view (dev.handscope.app.ui) that lays out and binds; its state in ui.viewmodel;
    // the source and tracking lifecycles in ui.controllers; what keys and menus do in ui.actions.

    private static final String VIEW = "dev.handscope.app.ui";

    @ArchTest
    static final ArchRule viewModelKnowsNoControlsNorWhoUsesIt = noClasses()
            .that().resideInAPackage("dev.handscope.app.ui.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", VIEW,
                    "dev.handscope.app.ui.controllers..", "dev.handscope.app.ui.actions..");

    @ArchTest
    static final ArchRule controllersKnowNoView = noClasses().that().resideInAPackage("dev.handscope.app.ui.controllers..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", VIEW,
                    "dev.handscope.app.ui.actions..");

    @ArchTest
    static final ArchRule actionsKnowNoViewNorControllers = noClasses().that().resideInAPackage("dev.handscope.app.ui.actions..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..",
                    "javafx.stage..", VIEW, "dev.handscope.app.ui.controllers..", "dev.handscope.app.ui.viewmodel..");

    /** Background work goes through the TaskExecutor: no thread of its own in the window's classes. */
    @ArchTest
    static final ArchRule windowStartsNoThreads = noClasses().that().resideInAPackage("dev.handscope.app.ui..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callMethod(Thread.class, "sleep", long.class);

}
