package dev.handscope.engine.headpose;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * MediaPipe's canonical face: the 468-vertex mesh and the weighted Procrustes landmark basis, read
 * with protobuf from a serialized {@code mediapipe.face_geometry.GeometryPipelineMetadata}
 * (geometry_pipeline_metadata.proto, mesh_3d.proto; the message types are declared here as a
 * {@link FileDescriptorProto} and parsed as {@link DynamicMessage}s).
 *
 * <p>Vertex positions are kept as in the file: MediaPipe's canonical model frame, centimetres,
 * x toward the image's right for a frontal face, y up, z out of the face toward the viewer.
 * {@link #headFrameMetres(int)} gives the same vertex in HandScope's head frame (see README,
 * "Head pose conventions").
 */
public final class CanonicalFace {
    /** Vertices (and face landmarks) of the canonical face mesh. */
    public static final int VERTICES = 468;
    /** Where the bundled metadata lives on the class path (module assets). */
    public static final String RESOURCE =
            "/dev/handscope/assets/face/geometry_pipeline_metadata_landmarks.binarypb";

    /** MediaPipe's {@code InputSource}: 0 DEFAULT (= FACE_LANDMARK_PIPELINE), 1, 2 FACE_DETECTION_PIPELINE. */
    public enum InputSource { DEFAULT, FACE_LANDMARK_PIPELINE, FACE_DETECTION_PIPELINE }

    private static final int VERTEX_SIZE = 5;
    private static final Descriptors.Descriptor METADATA = descriptors();

    private final InputSource inputSource;
    private final double[] positionsCm;
    private final double[] uv;
    private final int[] triangles;
    private final int[] basisIds;
    private final double[] basisWeights;

    private CanonicalFace(InputSource inputSource, double[] positionsCm, double[] uv, int[] triangles, int[] basisIds,
                          double[] basisWeights) {
        this.inputSource = inputSource;
        this.positionsCm = positionsCm;
        this.uv = uv;
        this.triangles = triangles;
        this.basisIds = basisIds;
        this.basisWeights = basisWeights;
    }

    /** The bundled metadata (module assets). */
    public static CanonicalFace bundled() throws IOException {
        try (InputStream in = CanonicalFace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the class path (module assets)");
            }
            return read(in.readAllBytes(), RESOURCE);
        }
    }

    /** Reads a metadata file; a missing or malformed file is an IOException that names it. */
    public static CanonicalFace read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": face geometry metadata file not found", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read face geometry metadata (" + e.getMessage() + ")", e);
        }
        return read(bytes, file.toString());
    }

    /** Parses serialized GeometryPipelineMetadata; {@code name} names the source in errors. */
    public static CanonicalFace read(byte[] bytes, String name) throws IOException {
        DynamicMessage metadata;
        try {
            metadata = DynamicMessage.parseFrom(METADATA, bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(name + ": not a GeometryPipelineMetadata protobuf (" + e.getMessage() + ")", e);
        }
        Descriptors.FieldDescriptor meshField = METADATA.findFieldByName("canonical_mesh");
        if (!metadata.hasField(meshField)) {
            throw new IOException(name + ": GeometryPipelineMetadata has no canonical_mesh");
        }
        DynamicMessage mesh = (DynamicMessage) metadata.getField(meshField);
        Descriptors.Descriptor meshType = meshField.getMessageType();
        int vertexType = ((Descriptors.EnumValueDescriptor) mesh.getField(meshType.findFieldByName("vertex_type")))
                .getNumber();
        int primitiveType = ((Descriptors.EnumValueDescriptor) mesh.getField(
                meshType.findFieldByName("primitive_type"))).getNumber();
        if (vertexType != 0 || primitiveType != 0) {
            throw new IOException(name + ": canonical_mesh must be VERTEX_PT triangles; vertex_type " + vertexType
                    + ", primitive_type " + primitiveType);
        }
        List<?> vertexBuffer = (List<?>) mesh.getField(meshType.findFieldByName("vertex_buffer"));
        List<?> indexBuffer = (List<?>) mesh.getField(meshType.findFieldByName("index_buffer"));
        if (vertexBuffer.size() != VERTICES * VERTEX_SIZE) {
            throw new IOException(name + ": canonical_mesh has " + vertexBuffer.size() + " vertex_buffer floats, expected "
                    + VERTICES + " x " + VERTEX_SIZE + " (x, y, z, u, v)");
        }
        if (indexBuffer.isEmpty() || indexBuffer.size() % 3 != 0) {
            throw new IOException(name + ": canonical_mesh index_buffer has " + indexBuffer.size()
                    + " indices, not a positive multiple of 3");
        }
        double[] positions = new double[VERTICES * 3];
        double[] uv = new double[VERTICES * 2];
        for (int i = 0; i < VERTICES; i++) {
            for (int k = 0; k < 3; k++) {
                positions[i * 3 + k] = finite((Float) vertexBuffer.get(i * VERTEX_SIZE + k), name, "vertex_buffer");
            }
            for (int k = 0; k < 2; k++) {
                uv[i * 2 + k] = finite((Float) vertexBuffer.get(i * VERTEX_SIZE + 3 + k), name, "vertex_buffer");
            }
        }
        int[] triangles = new int[indexBuffer.size()];
        for (int i = 0; i < triangles.length; i++) {
            // uint32 fields come back as Integer.
            triangles[i] = vertexId((Integer) indexBuffer.get(i), name, "index_buffer");
        }
        Descriptors.FieldDescriptor basisField = METADATA.findFieldByName("procrustes_landmark_basis");
        int count = metadata.getRepeatedFieldCount(basisField);
        if (count == 0) {
            throw new IOException(name + ": GeometryPipelineMetadata has an empty procrustes_landmark_basis");
        }
        Descriptors.Descriptor refType = basisField.getMessageType();
        int[] ids = new int[count];
        double[] weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            DynamicMessage ref = (DynamicMessage) metadata.getRepeatedField(basisField, i);
            ids[i] = vertexId((Integer) ref.getField(refType.findFieldByName("landmark_id")), name, "landmark_id");
            weights[i] = finite((Float) ref.getField(refType.findFieldByName("weight")), name, "weight");
            if (weights[i] < 0) {
                throw new IOException(name + ": procrustes_landmark_basis weight " + weights[i] + " is negative");
            }
            total += weights[i];
        }
        if (!(total > 1e-9)) {
            throw new IOException(name + ": procrustes_landmark_basis weights sum to " + total);
        }
        int source = ((Descriptors.EnumValueDescriptor) metadata.getField(METADATA.findFieldByName("input_source")))
                .getNumber();
        return new CanonicalFace(InputSource.values()[source], positions, uv, triangles, ids, weights);
    }

    private static double finite(Float value, String name, String field) throws IOException {
        if (!Float.isFinite(value)) {
            throw new IOException(name + ": non-finite " + field + " value " + value);
        }
        return value;
    }

    private static int vertexId(Integer value, String name, String field) throws IOException {
        if (value < 0 || value >= VERTICES) {
            throw new IOException(name + ": " + field + " " + Integer.toUnsignedString(value) + " is not a vertex id (0.."
                    + (VERTICES - 1) + ")");
        }
        return value;
    }

    public InputSource inputSource() {
        return inputSource;
    }

    /** Vertex {@code i}'s position in the canonical model frame, centimetres (x, y up, z toward the viewer). */
    public double[] positionCm(int i) {
        return new double[] {positionsCm[i * 3], positionsCm[i * 3 + 1], positionsCm[i * 3 + 2]};
    }

    /** Vertex {@code i} in the head frame (x as canonical, y down, z into the head), metres. */
    public double[] headFrameMetres(int i) {
        return new double[] {positionsCm[i * 3] / 100, -positionsCm[i * 3 + 1] / 100, -positionsCm[i * 3 + 2] / 100};
    }

    /** Vertex {@code i}'s texture coordinate (u, v). */
    public double[] uv(int i) {
        return new double[] {uv[i * 2], uv[i * 2 + 1]};
    }

    /** Triangle vertex ids, 3 per triangle. */
    /**
     * The canonical face's vertices where {@code pose} puts them in camera space (metres, x, y, z per
     * vertex): what the 3D view shows beside the hands.
     */
    public float[] posed(HeadPose pose) {
        return posed(pose, new float[VERTICES * 3]);
    }

    /** {@link #posed(HeadPose)} into {@code out} (at least 3 x 468 long), which it returns. */
    public float[] posed(HeadPose pose, float[] out) {
        double[] r = EulerAngles.matrix(pose);
        double[] t = pose.translation();
        for (int i = 0; i < VERTICES; i++) {
            double[] v = headFrameMetres(i);
            for (int row = 0; row < 3; row++) {
                out[3 * i + row] = (float) (r[3 * row] * v[0] + r[3 * row + 1] * v[1] + r[3 * row + 2] * v[2] + t[row]);
            }
        }
        return out;
    }

    public int[] triangles() {
        return triangles.clone();
    }

    /** The Procrustes basis' landmark ids, in file order. */
    public int[] basisIds() {
        return basisIds.clone();
    }

    /** The Procrustes basis' weights, parallel to {@link #basisIds()}. */
    public double[] basisWeights() {
        return basisWeights.clone();
    }

    /** One weight per vertex: the basis weight, 0 for vertices outside the basis (as MediaPipe builds it). */
    public double[] vertexWeights() {
        double[] w = new double[VERTICES];
        for (int i = 0; i < basisIds.length; i++) {
            w[basisIds[i]] = basisWeights[i];
        }
        return w;
    }

    // --- the message types of geometry_pipeline_metadata.proto and mesh_3d.proto (proto2) ---

    private static Descriptors.Descriptor descriptors() {
        FieldDescriptorProto.Label optional = FieldDescriptorProto.Label.LABEL_OPTIONAL;
        FieldDescriptorProto.Label repeated = FieldDescriptorProto.Label.LABEL_REPEATED;
        DescriptorProto mesh = DescriptorProto.newBuilder().setName("Mesh3d")
                .addEnumType(enumType("VertexType", "VERTEX_PT"))
                .addEnumType(enumType("PrimitiveType", "TRIANGLE"))
                .addField(field("vertex_type", 1, optional, ".mediapipe.face_geometry.Mesh3d.VertexType"))
                .addField(field("primitive_type", 2, optional, ".mediapipe.face_geometry.Mesh3d.PrimitiveType"))
                .addField(field("vertex_buffer", 3, repeated, FieldDescriptorProto.Type.TYPE_FLOAT))
                .addField(field("index_buffer", 4, repeated, FieldDescriptorProto.Type.TYPE_UINT32))
                .build();
        DescriptorProto ref = DescriptorProto.newBuilder().setName("WeightedLandmarkRef")
                .addField(field("landmark_id", 1, optional, FieldDescriptorProto.Type.TYPE_UINT32))
                .addField(field("weight", 2, optional, FieldDescriptorProto.Type.TYPE_FLOAT))
                .build();
        DescriptorProto metadata = DescriptorProto.newBuilder().setName("GeometryPipelineMetadata")
                .addField(field("input_source", 3, optional, ".mediapipe.face_geometry.InputSource"))
                .addField(field("canonical_mesh", 1, optional, ".mediapipe.face_geometry.Mesh3d"))
                .addField(field("procrustes_landmark_basis", 2, repeated, ".mediapipe.face_geometry.WeightedLandmarkRef"))
                .build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("handscope/geometry_pipeline_metadata.proto")
                .setPackage("mediapipe.face_geometry")
                .setSyntax("proto2")
                .addEnumType(enumType("InputSource", "DEFAULT", "FACE_LANDMARK_PIPELINE", "FACE_DETECTION_PIPELINE"))
                .addMessageType(mesh)
                .addMessageType(ref)
                .addMessageType(metadata)
                .build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName("GeometryPipelineMetadata");
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException("the GeometryPipelineMetadata descriptor does not build", e);
        }
    }

    private static EnumDescriptorProto enumType(String name, String... values) {
        EnumDescriptorProto.Builder b = EnumDescriptorProto.newBuilder().setName(name);
        for (int i = 0; i < values.length; i++) {
            b.addValue(EnumValueDescriptorProto.newBuilder().setName(values[i]).setNumber(i));
        }
        return b.build();
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Label label,
                                              FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setType(type).build();
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Label label,
                                              String typeName) {
        // Message or enum type named by its full name; the type is resolved when the file is built.
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setTypeName(typeName)
                .build();
    }
}
