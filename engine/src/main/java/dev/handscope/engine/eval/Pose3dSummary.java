package dev.handscope.engine.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The 3D errors over detected hands that have both labelled camera joints and predicted world
 * joints, all 21 joints each.
 *
 * @param hands             hands with 3D
 * @param mpjpeMm           mean root-relative (wrist-aligned) joint error
 * @param paMpjpeMm         mean joint error after the similarity (Procrustes) alignment
 * @param paPck             PCK of the aligned errors at 0, 1, ..., 50 mm; its AUC is normalised to 1
 * @param paMpjpePerClassMm {@link JointClass#key()} to the class's mean aligned error, in class order
 */
public record Pose3dSummary(int hands, double mpjpeMm, double paMpjpeMm, PckCurve paPck,
                            Map<String, Double> paMpjpePerClassMm) {
    /** The 3D PCK curve's range: 0 to 50 mm in 1 mm steps. */
    public static final int PCK_MAX_MM = 50;

    public Pose3dSummary {
        paMpjpePerClassMm = Collections.unmodifiableMap(new LinkedHashMap<>(paMpjpePerClassMm));
    }

    /** The summary of the hands with 3D among {@code scores}, or empty when none has. */
    static Optional<Pose3dSummary> of(List<HandScore> scores) {
        List<HandScore> with3d = scores.stream().filter(HandScore::has3d).toList();
        if (with3d.isEmpty()) {
            return Optional.empty();
        }
        double[] rootRelative = with3d.stream().flatMapToDouble(h -> DoubleStream.of(h.error3dMm())).toArray();
        double[] aligned = with3d.stream().flatMapToDouble(h -> DoubleStream.of(h.paError3dMm())).toArray();
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (JointClass jointClass : JointClass.values()) {
            perClass.put(jointClass.key(), with3d.stream()
                    .flatMapToDouble(h -> IntStream.range(0, h.paError3dMm().length)
                            .filter(j -> JointClass.of(j) == jointClass)
                            .mapToDouble(j -> h.paError3dMm()[j]))
                    .average().orElse(Double.NaN));
        }
        return Optional.of(new Pose3dSummary(with3d.size(), mean(rootRelative), mean(aligned),
                PckCurve.of(aligned, PCK_MAX_MM, 1), perClass));
    }

    private static double mean(double[] values) {
        return DoubleStream.of(values).average().orElse(Double.NaN);
    }
}
