package dev.handscope.packaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What differs between the operating systems jpackage builds for. Only Linux is built and tested here. */
enum Platform {
    LINUX("linux-x86_64", "deb", "handscope.png", ".so", "HandScope", "lib/runtime", "bin/HandScope", "lib/app") {
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
    },
    MAC("macosx-arm64", "dmg", "handscope.icns", ".dylib", "HandScope.app", "Contents/runtime/Contents/Home",
            "Contents/MacOS/HandScope", "Contents/app") {
        @Override
        List<String> imageOptions() {
            return List.of("--mac-package-identifier", "dev.handscope.app", "--mac-package-name", "HandScope");
        }

        @Override
        List<String> installerOptions(Path resources) {
            return imageOptions();
        }
    },
    WINDOWS("windows-x86_64", "msi", "handscope.ico", ".dll", "HandScope", "runtime", "HandScope.exe", "app") {
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



    };

    /** Every platform name JavaCPP and TensorFlow Java publish natives for. */
    static final List<String> ALL_NATIVE_PLATFORMS = List.of("android-arm", "android-arm64", "android-x86",
            "android-x86_64", "ios-arm64", "ios-x86_64", "linux-armhf", "linux-arm64", "linux-ppc64le", "linux-x86",
            "linux-x86_64", "macosx-arm64", "macosx-x86_64", "windows-x86", "windows-x86_64");

    private final String nativePlatform;
    private final String installerType;
    private final String iconFile;
    private final String librarySuffix;
    private final String imageName;
    private final String runtime;
    private final String launcher;
    private final String appFolder;

    /** The last four: the image's folder name, and where in it jpackage puts the runtime, launcher and jars. */
    Platform(String nativePlatform, String installerType, String iconFile, String librarySuffix, String imageName,
             String runtime, String launcher, String appFolder) {
        this.nativePlatform = nativePlatform;
        this.installerType = installerType;
        this.iconFile = iconFile;
        this.librarySuffix = librarySuffix;
        this.imageName = imageName;
        this.runtime = runtime;
        this.launcher = launcher;
        this.appFolder = appFolder;
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
    Path runtime(Path app) {
        return app.resolve(runtime);
    }

    /** The native launcher jpackage made. */
    Path launcher(Path app) {
        return app.resolve(launcher);
    }

    /** jpackage's launcher configuration in the image. */
    Path config(Path app) {
        return app.resolve(appFolder).resolve(InstallerBuilder.NAME + ".cfg");
    }

    Path imageRoot(Path images) {
        return images.resolve(imageName);
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
