package dev.handscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-models beside a peer runtime's saved figures: both medians and their ratio per model. */
class BenchModelsPeerTest {

    /** The line peer-native/run.sh prints last, with two of its four models. */
    private static final String PEER = "hand_landmark_full median 5.30 ms  p95 6.00 ms  (xnnpack, 2 threads)\n"
            + "{\"runtime\":\"tflite-native-2.6.2+xnnpack\",\"threads\":2,\"models\":{"
            + "\"hand_landmark_full\":{\"median\":5.300,\"p95\":6.000},\"palm_detection_lite\":{\"median\":6.300,\"p95\":7.1}}}\n";

    @Test
    void theRatioIsThePeersMedianOverOurs(@TempDir Path temp) throws Exception {
        Path peer = Files.writeString(temp.resolve("peer.json"), PEER);
        CommandRun run = CommandRun.run("bench-models", "--runs", "3", "--warmup", "1", "--peer", peer.toString());
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\n");
        int header = Arrays.asList(lines).indexOf(Arrays.stream(lines).filter(l -> l.contains("peer / ours"))
                .findFirst().orElseThrow());
        String ours = Arrays.stream(lines).filter(l -> l.startsWith("hand_landmark_full ")).findFirst().orElseThrow();
        double oursMedian = Double.parseDouble(ours.trim().split("\\s+")[2]);
        String[] row = lines[header + 1].trim().split("\\s+");
        assertEquals("hand_landmark_full", row[0]);
        assertEquals(oursMedian, Double.parseDouble(row[1]), 0.006);
        assertEquals(5.30, Double.parseDouble(row[2]), 1e-9);
        assertEquals(String.format(Locale.ROOT, "%.2f", 5.30 / Double.parseDouble(row[1])), row[3]);
        assertTrue(lines[header + 2].startsWith("palm_detection_lite"), "only the models both ran: " + run.out());
        assertTrue(lines[header + 3].contains("peer: tflite-native-2.6.2+xnnpack, 2 threads"), run.out());
    }

    @Test
    void aFileThatIsNotThePeersLineIsNamed(@TempDir Path temp) throws Exception {
        Path peer = Files.writeString(temp.resolve("peer.txt"), "median 5 ms\n");
        CommandRun run = CommandRun.run("bench-models", "--runs", "1", "--warmup", "0", "--peer", peer.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("cannot read --peer " + peer) && run.err().contains("no JSON line"), run.err());
    }
}
