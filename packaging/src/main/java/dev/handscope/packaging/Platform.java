package dev.handscope.packaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What differs between the operating systems jpackage builds for. Only Linux is built and tested here. */
enum Platform {
    LINUX("linux-x86_64", "deb", "handscope.png", ".so") {
        @Override
        List<String> imageOptions() {
            // Hardware OpenGL where there is any; Mesa's software GL is otherwise refused and 3D goes blank.
            return List.of("--java-options", "-Dprism.order=es2,sw", "--java-options", "-Dprism.forceGPU=true");
        }

        @Override
        List<String> installerOptions(Path resources) {
            // JavaFX needs GTK 3 and OpenGL, which jpackage cannot see in the jars.
            return List.of("--linux-package-name", "handscope", "--linux-shortcut", "--linux-menu-group",
                    "AudioVideo;Video;Development", "--linux-app-category", "video", "--linux-package-deps",
                    "libgtk-3-0, libgl1", "--resource-dir", resources.resolve("linux").toString());
        }

        @Override
        Path runtime(Path app) {
            return app.resolve("lib/runtime");
        }

        @Override
        Path launcher(Path app) {
            return app.resolve("bin/HandScope");
        }

        @Override
        Path config(Path app) {
            return app.resolve("lib/app/HandScope.cfg");
        }
    },
    MAC("macosx-arm64", "dmg", "handscope.icns", ".dylib") {
        @Override
        List<String> imageOptions() {
            return List.of("--mac-package-identifier", "dev.handscope.app", "--mac-package-name", "HandScope");
        }

        @Override
        List<String> installerOptions(Path resources) {
            return imageOptions();
        }

        @Override
        Path imageRoot(Path images) {
            return images.resolve("HandScope.app");
        }

        @Override
        Path runtime(Path app) {
            return app.resolve("Contents/runtime/Contents/Home");
        }

        @Override
        Path launcher(Path app) {
            return app.resolve("Contents/MacOS/HandScope");
        }

        @Override
        Path config(Path app) {
            return app.resolve("Contents/app/HandScope.cfg");
        }
    },
    WINDOWS("windows-x86_64", "msi", "handscope.ico", ".dll") {
        @Override
        List<String> imageOptions() {
            return List.of();
        }

        @Override
        List<String> installerOptions(Path resources) {
            // A fixed upgrade code lets a newer installer replace an older one.
            return List.of("--win-menu", "--win-menu-group", "HandScope", "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", "0d9c2a47-6f34-4a8e-9a51-3f1f8c7b2e61");
        }

        @Override
        Path runtime(Path app) {
            return app.resolve("runtime");
        }

        @Override
        Path launcher(Path app) {
            return app.resolve("HandScope.exe");
        }

        @Override
        Path config(Path app) {
            return app.resolve("app/HandScope.cfg");
        }
    };

    /** Every platform name JavaCPP and TensorFlow Java publish natives for. */
    static final List<String> ALL_NATIVE_PLATFORMS = List.of("android-arm", "android-arm64", "android-x86",
            "android-x86_64", "ios-arm64", "ios-x86_64", "linux-armhf", "linux-arm64", "linux-ppc64le", "linux-x86",
            "linux-x86_64", "macosx-arm64", "macosx-x86_64", "windows-x86", "windows-x86_64");

    private final String nativePlatform;
    private final String installerType;
    private final String iconFile;
    private final String librarySuffix;

    Platform(String nativePlatform, String installerType, String iconFile, String librarySuffix) {
        this.nativePlatform = nativePlatform;
        this.installerType = installerType;
        this.iconFile = iconFile;
        this.librarySuffix = librarySuffix;
    }

    static Platform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return MAC;
        }
        return os.startsWith("windows") ? WINDOWS : LINUX;
    }

    abstract List<String> imageOptions();

    /** Options for the installer; resources holds per-OS templates (e.g. linux/postinst). */
    abstract List<String> installerOptions(Path resources);

    /** The trimmed Java runtime inside the image. */
    abstract Path runtime(Path app);

    /** The native launcher jpackage made. */
    abstract Path launcher(Path app);

    /** jpackage's launcher configuration in the image. */
    abstract Path config(Path app);

    Path imageRoot(Path images) {
        return images.resolve(InstallerBuilder.NAME);
    }

    String nativePlatform() {
        return nativePlatform;
    }

    String installerType() {
        return installerType;
    }

    String iconFile() {
        return iconFile;
    }

    /** The file name ending of this OS's native libraries. */
    String librarySuffix() {
        return librarySuffix;
    }
}
