package dev.handscope.engine.pipeline;

import org.bytedeco.javacpp.Loader;

/**
 * Loads the native libraries (OpenCV, FFmpeg, TensorFlow) before the models use them, in the one
 * order that is safe on a first start: TensorFlow's libraries unpacked completely into JavaCPP's
 * cache first, then loaded from there (see {@link #load}).
 */
public final class NativeLibraries {
    private NativeLibraries() {
    }

    private static boolean tensorFlowLoaded;

    /**
     * Loads them now, on this thread (a second caller waits for the first); failures are left for
     * the real first use to report.
     */
    public static synchronized void load(boolean tensorFlow) {
        try {
            Loader.load(org.bytedeco.opencv.global.opencv_imgproc.class);
            Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
            if (tensorFlow && !tensorFlowLoaded) {
                NativeUnpack unpack = NativeUnpack.tensorFlow();
                if (unpack != null && unpack.pending()) {
                    // Unpack completely first, then load from the cache as every later start does. Loaded
                    // straight from a fresh unpack, TensorFlow's graph optimizer crashed (SIGSEGV in Mesa's
                    // libLLVM-15) once the window's OpenGL was up; loaded from the cache it never did.
                    Loader.cacheResources("/" + unpack.resource());
                }
                org.tensorflow.TensorFlow.version();
                tensorFlowLoaded = true;
            }
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // The capture or the model loader hits the same problem and reports it properly.
        }
    }
}
