package dev.handscope.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The first-start progress measures the real TensorFlow natives on the class path and in JavaCPP's cache. */
class NativeUnpackTest {

    @Test
    void measuresTheTensorFlowLibrariesAndSeesThemUnpackedOnceLoaded() throws Exception {
        NativeLibraries.load(true);
        NativeUnpack unpack = NativeUnpack.tensorFlow();
        assertNotNull(unpack, "TensorFlow's native jar is on the class path");
        // libtensorflow_cc.so.2 alone is over 600 MB in the 1.1.0 CPU build
        assertTrue(unpack.expectedBytes() > 600L << 20, unpack.expectedBytes() + " bytes expected");
        assertTrue(unpack.folder().startsWith(unpack.cache()), unpack.folder().toString());
        assertTrue(Files.isRegularFile(unpack.folder().resolve("libjnitensorflow.so")), "loaded from " + unpack.folder());
        assertEquals(unpack.expectedBytes(), unpack.unpackedBytes());
        assertEquals(1.0, unpack.progress());
        assertFalse(unpack.pending());
    }
}
