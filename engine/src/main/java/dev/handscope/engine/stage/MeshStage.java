package dev.handscope.engine.stage;

import dev.handscope.engine.mesh.HandMesher;
import dev.handscope.engine.result.FrameResult;

/**
 * Fits and places a 778-vertex mesh on every hand that has none yet: a hand whose model predicted
 * its mesh (one-stage mesh models) keeps it as predicted.
 */
public final class MeshStage implements FrameStage {
    private final HandMesher mesher;

    public MeshStage(HandMesher mesher) {
        this.mesher = mesher;
    }

    @Override
    public String name() {
        return "mesh";
    }

    @Override
    public FrameResult apply(FrameResult result, Input input) {
        return result.mapHands(hand -> hand.mesh() != null ? hand
                : hand.withMesh(mesher.mesh(hand, result.width(), result.height())));
    }
}
