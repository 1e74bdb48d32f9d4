package dev.handscope.app.export.recording;

import de.javagl.jgltf.model.AccessorDatas;
import de.javagl.jgltf.model.AnimationModel;
import de.javagl.jgltf.model.ElementType;
import de.javagl.jgltf.model.GltfConstants;
import de.javagl.jgltf.model.impl.DefaultAccessorModel;
import de.javagl.jgltf.model.impl.DefaultAnimationModel;
import de.javagl.jgltf.model.impl.DefaultGltfModel;
import de.javagl.jgltf.model.impl.DefaultMeshModel;
import de.javagl.jgltf.model.impl.DefaultMeshPrimitiveModel;
import de.javagl.jgltf.model.impl.DefaultNodeModel;
import de.javagl.jgltf.model.impl.DefaultSceneModel;
import de.javagl.jgltf.model.impl.DefaultSkinModel;
import de.javagl.jgltf.model.io.GltfModelWriter;
import de.javagl.jgltf.model.structure.BufferBuilderStrategies;
import de.javagl.jgltf.model.structure.BufferBuilderStrategy;
import dev.handscope.engine.mesh.HandPose;
import dev.handscope.engine.mesh.HandSkeleton;
import dev.handscope.engine.mesh.HandTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A recording as glTF 2.0 binary (.glb): per hand track a node hierarchy (a "hand-ID" node over
 * the 16 joint nodes in MANO's hierarchy and the skinned 778-vertex template mesh, left hands
 * mirrored) and one animation with a keyframe per frame the hand is in, at the recording's times
 * in seconds: each joint's local rotation, and the wrist joint's camera-space position (metres,
 * x right, y down, z away from the camera, as the camera sees it) and scale. Linear
 * interpolation; the gaps where a hand is not seen interpolate.
 */
public final class GltfExport {
    /** glTF skins four joints a vertex; the template's weights are cut to their four largest. */
    static final int INFLUENCES = 4;

    private GltfExport() {
    }

    public static void write(List<HandTrack> tracks, Path file) throws IOException {
        DefaultGltfModel gltf = new DefaultGltfModel();
        gltf.getAssetModel().setGenerator("HandScope");
        DefaultSceneModel scene = new DefaultSceneModel();
        DefaultAnimationModel animation = new DefaultAnimationModel();
        animation.setName("recording");
        for (HandTrack track : tracks) {
            scene.addNode(hand(gltf, animation, track));
        }
        gltf.addSceneModel(scene);
        gltf.addAnimationModel(animation);
        BufferBuilderStrategy buffers = BufferBuilderStrategies.createDefault();
        buffers.process(gltf);
        gltf.addAccessorModels(buffers.getAccessorModels());
        gltf.addBufferViewModels(buffers.getBufferViewModels());
        gltf.addBufferModels(buffers.getBufferModels());
        try (OutputStream out = Files.newOutputStream(file)) {
            new GltfModelWriter().writeBinary(gltf, out);
        }
    }

    private static DefaultNodeModel hand(DefaultGltfModel gltf, DefaultAnimationModel animation, HandTrack track) {
        HandTemplate template = track.template();
        float[] rest = template.joints();
        DefaultNodeModel root = new DefaultNodeModel();
        root.setName("hand-" + track.id());
        DefaultNodeModel[] joints = new DefaultNodeModel[HandSkeleton.JOINTS];
        DefaultSkinModel skin = new DefaultSkinModel();
        skin.setName("hand-" + track.id() + "-skin");
        float[] inverseBind = new float[16 * HandSkeleton.JOINTS];
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            int parent = HandSkeleton.PARENTS[j];
            DefaultNodeModel joint = new DefaultNodeModel();
            joint.setName("hand-" + track.id() + "-joint-" + j);
            float[] offset = new float[3];
            for (int k = 0; k < 3; k++) {
                offset[k] = rest[3 * j + k] - (parent < 0 ? 0 : rest[3 * parent + k]);
            }
            joint.setTranslation(offset);
            DefaultNodeModel above = parent < 0 ? root : joints[parent];
            above.addChild(joint);
            joint.setParent(above);
            joints[j] = joint;
            skin.addJoint(joint);
            // The rest pose has no rotation: each joint's bind transform is a translation to its rest place.
            int at = 16 * j;
            inverseBind[at] = inverseBind[at + 5] = inverseBind[at + 10] = inverseBind[at + 15] = 1;
            inverseBind[at + 12] = -rest[3 * j];
            inverseBind[at + 13] = -rest[3 * j + 1];
            inverseBind[at + 14] = -rest[3 * j + 2];
            gltf.addNodeModel(joint);
        }
        skin.setSkeleton(joints[0]);
        skin.setInverseBindMatrices(floats(GltfConstants.GL_FLOAT, ElementType.MAT4, inverseBind));
        gltf.addSkinModel(skin);

        DefaultNodeModel meshNode = new DefaultNodeModel();
        meshNode.setName("hand-" + track.id() + "-mesh");
        DefaultMeshModel mesh = mesh(template);
        mesh.setName("hand-" + track.id());
        gltf.addMeshModel(mesh);
        meshNode.addMeshModel(mesh);
        meshNode.setSkinModel(skin);
        root.addChild(meshNode);
        meshNode.setParent(root);
        gltf.addNodeModel(root);
        gltf.addNodeModel(meshNode);
        animate(animation, track, joints);
        return root;
    }

    private static DefaultMeshModel mesh(HandTemplate template) {
        DefaultMeshPrimitiveModel primitive = new DefaultMeshPrimitiveModel(GltfConstants.GL_TRIANGLES);
        primitive.putAttribute("POSITION", floats(GltfConstants.GL_FLOAT, ElementType.VEC3, template.vertices()));
        int vertices = template.vertexCount();
        ByteBuffer joints = buffer(vertices * INFLUENCES * 2);
        float[] weights = new float[vertices * INFLUENCES];
        for (int v = 0; v < vertices; v++) {
            int[] strongest = strongest(template, v);
            float sum = 0;
            for (int joint : strongest) {
                sum += template.weight(v, joint);
            }
            for (int k = 0; k < INFLUENCES; k++) {
                joints.putShort((short) strongest[k]);
                weights[INFLUENCES * v + k] = template.weight(v, strongest[k]) / sum;
            }
        }
        primitive.putAttribute("JOINTS_0", accessor(GltfConstants.GL_UNSIGNED_SHORT, ElementType.VEC4, joints.flip()));
        primitive.putAttribute("WEIGHTS_0", floats(GltfConstants.GL_FLOAT, ElementType.VEC4, weights));
        ByteBuffer indices = buffer(template.faces().length * 2);
        for (int index : template.faces()) {
            indices.putShort((short) index);
        }
        primitive.setIndices(accessor(GltfConstants.GL_UNSIGNED_SHORT, ElementType.SCALAR, indices.flip()));
        DefaultMeshModel mesh = new DefaultMeshModel();
        mesh.addMeshPrimitiveModel(primitive);
        return mesh;
    }

    /** The four joints with the largest weights on vertex {@code v}, largest first. */
    private static int[] strongest(HandTemplate template, int v) {
        Integer[] order = new Integer[HandSkeleton.JOINTS];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(template.weight(v, b), template.weight(v, a)));
        int[] out = new int[INFLUENCES];
        for (int k = 0; k < INFLUENCES; k++) {
            out[k] = order[k];
        }
        return out;
    }

    private static void animate(DefaultAnimationModel animation, HandTrack track, DefaultNodeModel[] joints) {
        List<HandTrack.Posed> poses = track.poses();
        int n = poses.size();
        float[] times = new float[n];
        float[] translations = new float[3 * n];
        float[] scales = new float[3 * n];
        float[][] rotations = new float[HandSkeleton.JOINTS][4 * n];
        for (int i = 0; i < n; i++) {
            HandPose pose = poses.get(i).pose();
            times[i] = (float) (poses.get(i).frame().timeMs() / 1000);
            translations[3 * i] = pose.translation().x;
            translations[3 * i + 1] = pose.translation().y;
            translations[3 * i + 2] = pose.translation().z;
            scales[3 * i] = scales[3 * i + 1] = scales[3 * i + 2] = pose.scale();
            for (int j = 0; j < HandSkeleton.JOINTS; j++) {
                var q = pose.rotations()[j];
                float[] r = rotations[j];
                r[4 * i] = q.x;
                r[4 * i + 1] = q.y;
                r[4 * i + 2] = q.z;
                r[4 * i + 3] = q.w;
            }
        }
        DefaultAccessorModel input = floats(GltfConstants.GL_FLOAT, ElementType.SCALAR, times);
        channel(animation, input, joints[0], "translation", floats(GltfConstants.GL_FLOAT, ElementType.VEC3,
                translations));
        channel(animation, input, joints[0], "scale", floats(GltfConstants.GL_FLOAT, ElementType.VEC3, scales));
        for (int j = 0; j < HandSkeleton.JOINTS; j++) {
            channel(animation, input, joints[j], "rotation", floats(GltfConstants.GL_FLOAT, ElementType.VEC4,
                    rotations[j]));
        }
    }

    private static void channel(DefaultAnimationModel animation, DefaultAccessorModel input, DefaultNodeModel node,
                                String path, DefaultAccessorModel output) {
        var sampler = new DefaultAnimationModel.DefaultSampler(input, AnimationModel.Interpolation.LINEAR, output);
        animation.addChannel(new DefaultAnimationModel.DefaultChannel(sampler, node, path));
    }

    private static DefaultAccessorModel floats(int componentType, ElementType type, float[] values) {
        ByteBuffer data = buffer(values.length * 4);
        data.asFloatBuffer().put(values);
        return accessor(componentType, type, data);
    }

    private static DefaultAccessorModel accessor(int componentType, ElementType type, ByteBuffer data) {
        int size = componentType == GltfConstants.GL_FLOAT ? 4 : 2;
        DefaultAccessorModel accessor = new DefaultAccessorModel(componentType,
                data.capacity() / (size * type.getNumComponents()), type);
        accessor.setAccessorData(AccessorDatas.create(accessor, data));
        return accessor;
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
