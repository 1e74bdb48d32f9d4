package dev.handscope.app.eval;

import dev.handscope.engine.eval.HandScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's report folder: report.html (charts embedded, the gallery's drawings beside it in
 * gallery/), summary.json and per_hand.csv. The files are written whole or not at all: each goes to
 * a temporary name first, so an interrupted write never leaves half a report under the real names.
 */
public final class EvaluationReport {
    public static final String HTML = "report.html";
    static final String GALLERY = "gallery";
    /** The gallery section of the two models' disagreements. */
    static final String DISAGREEMENTS = "disagreements";

    private EvaluationReport() {
    }

    /** @param worst how many of each run's worst hands (and of the two models' disagreements) to draw */
    public static void write(Path folder, EvaluationRun.Outcome outcome, int worst) throws IOException {
        Files.createDirectories(folder.resolve(GALLERY));
        List<RunReport> runs = outcome.runs().stream().map(RunReport::of).toList();
        List<Disagreement> disagreements = disagreements(outcome.runs(), worst);
        List<GalleryEntry> gallery = new ArrayList<>();
        for (RunReport run : runs) {
            int rank = 0;
            for (HandScore hand : run.summary().worst(worst)) {
                String name = run.run().key() + "-worst-" + ++rank;
                gallery.add(draw(folder, outcome, name, hand, run.run().key(), run.run().key() + " #" + rank));
            }
        }
        int rank = 0;
        for (Disagreement d : disagreements) {
            rank++;
            String title = String.format(Locale.ROOT, "#%d %s, apart by %.3f of the box: ", rank, d.protocol().key(),
                    d.amount());
            gallery.add(draw(folder, outcome, "disagree-" + rank + "-a", d.a(), DISAGREEMENTS, title + "a"));
            gallery.add(draw(folder, outcome, "disagree-" + rank + "-b", d.b(), DISAGREEMENTS, title + "b"));
        }
        whole(folder.resolve(SummaryJson.FILE), file -> SummaryJson.write(file, outcome, runs, disagreements));
        whole(folder.resolve(PerHandCsv.FILE), file -> PerHandCsv.write(file, outcome.runs()));
        whole(folder.resolve(HTML), file -> Files.writeString(file, HtmlReport.render(outcome, runs, disagreements,
                gallery)));
    }

    /** Runs a and b under the same protocol, compared hand by hand. */
    private static List<Disagreement> disagreements(List<ProtocolRun> runs, int n) {
        List<Disagreement> out = new ArrayList<>();
        for (ProtocolRun a : runs) {
            for (ProtocolRun b : runs) {
                if (a.model().label().equals("a") && b.model().label().equals("b") && a.protocol() == b.protocol()) {
                    out.addAll(Disagreement.most(a, b, n));
                }
            }
        }
        return out;
    }

    private static GalleryEntry draw(Path folder, EvaluationRun.Outcome outcome, String name, HandScore hand,
                                     String section, String title) throws IOException {
        String file = GALLERY + "/" + name + ".png";
        FailureGallery.write(hand, outcome.dataset().imageFolder().resolve(hand.image().fileName()),
                FailureGallery.caption(hand), folder.resolve(file));
        return new GalleryEntry(section, file, String.format(Locale.ROOT, "%s · image %d (%s) · hand %d", title,
                hand.image().id(), hand.image().fileName(), hand.label().id()));
    }

    /** A drawing of the gallery as the HTML shows it: its section (a run's key, or the disagreements), file and title. */
    record GalleryEntry(String section, String file, String title) {
    }

    @FunctionalInterface
    private interface FileWrite {
        void to(Path file) throws IOException;
    }

    private static void whole(Path target, FileWrite write) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try {
            write.to(temporary);
            Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
