package dev.handscope.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handscope.engine.inference.InferenceDevice;
import dev.handscope.engine.inference.OnnxModelRunner;
import dev.handscope.engine.inference.RuntimeOptions;
import dev.handscope.engine.palm.PalmDetectorModel;
import dev.handscope.models.catalogue.ModelCatalogue;
import dev.handscope.models.catalogue.ModelVariant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxTraceTest {

    @Test
    void sumsKernelEventsPerOperatorAndRun(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.json");
        Files.writeString(trace, """
                [{"cat" : "Session","name" : "model_run","dur" : 9000,"args" : {}},
                {"cat" : "Node","name" : "Conv_1_kernel_time","dur" : 300,"args" : {"op_name" : "Conv"}},
                {"cat" : "Node","name" : "Conv_1_fence_before","dur" : 7,"args" : {"op_name" : "Conv"}},
                {"cat" : "Node","name" : "Relu_2_kernel_time","dur" : 50,"args" : {"op_name" : "Relu"}},
                {"cat" : "Node","name" : "Conv_1_kernel_time","dur" : 100,"args" : {"op_name" : "Conv"}}]
                """);
        Map<String, Double> perRun = OnnxTrace.perOperator(trace, 2);
        assertEquals(Map.of("Conv", 0.2, "Relu", 0.025), perRun);
        assertEquals("Conv", perRun.keySet().iterator().next());
    }

    @Test
    void aRealTracePutsThePalmDetectorsConvolutionsFirst() throws Exception {
        Path palm = ModelCatalogue.bundled().palmDetector(ModelVariant.LITE);
        try (OnnxModelRunner runner = OnnxModelRunner.load(palm, PalmDetectorModel.CONTRACT,
                RuntimeOptions.defaults().withDevice(InferenceDevice.CPU))) {
            Path trace = runner.trace(3);
            try {
                Map<String, Double> perRun = OnnxTrace.perOperator(trace, 3);
                assertEquals("Conv", perRun.keySet().iterator().next(), perRun.toString());
                assertTrue(perRun.values().stream().allMatch(ms -> ms > 0), perRun.toString());
            } finally {
                Files.delete(trace);
            }
        }
    }
}
