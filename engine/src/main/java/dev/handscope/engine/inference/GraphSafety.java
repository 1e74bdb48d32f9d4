package dev.handscope.engine.inference;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

/**
 * Refuses SavedModels whose graphs contain operators that touch files, processes or the network:
 * a model the user points HandScope at must only compute. The Save/Restore family is allowed only
 * inside the graph's own saver (which restores variables on load).
 */
final class GraphSafety {
    private static final Map<String, String> FORBIDDEN = new HashMap<>();

    static {
        forbid("reads or writes files", "ReadFile", "WriteFile", "MatchingFiles", "ImmutableConst",
                "FixedLengthRecordReader", "FixedLengthRecordReaderV2", "TFRecordReader", "TFRecordReaderV2",
                "TextLineReader", "TextLineReaderV2", "WholeFileReader", "WholeFileReaderV2", "IdentityReader",
                "IdentityReaderV2", "LMDBReader", "InitializeTableFromTextFile", "InitializeTableFromTextFileV2",
                "LoadAndRemapMatrix", "TFRecordDataset", "TFRecordDatasetV2", "TextLineDataset",
                "FixedLengthRecordDataset", "FixedLengthRecordDatasetV2", "LMDBDataset", "ExperimentalLMDBDataset",
                "SnapshotDataset", "SnapshotDatasetV2", "SaveDataset", "SaveDatasetV2", "LoadDataset",
                "DatasetToTFRecord", "ExperimentalDatasetToTFRecord", "CSVDataset", "CSVDatasetV2",
                "ExperimentalCSVDataset", "SqlDataset", "ExperimentalSqlDataset", "CreateSummaryFileWriter",
                "CreateSummaryDbWriter", "SummaryWriter", "WriteSummary", "WriteScalarSummary",
                "WriteHistogramSummary", "WriteImageSummary", "WriteAudioSummary", "WriteGraphSummary",
                "WriteRawProtoSummary", "ImportEvent", "FlushSummaryWriter", "CloseSummaryWriter", "DebugIdentity",
                "DebugIdentityV2", "DebugIdentityV3", "DebugNanCount", "DebugNumericSummary",
                "DebugNumericSummaryV2", "PrintV2");
        forbid("saves or restores checkpoints outside the model's saver", "Save", "SaveV2", "SaveSlices",
                "Restore", "RestoreV2", "RestoreSlice", "MergeV2Checkpoints");
        forbid("runs Python code", "PyFunc", "PyFuncStateless", "EagerPyFunc");
        forbid("talks to the network", "Rpc", "TryRpc", "RpcCall", "RpcClient", "RpcServer", "RpcServerStart",
                "RpcServerRegister", "RpcCheckStatus", "RpcGetValue", "BigQueryReader",
                "GenerateBigQueryReaderPartitions", "GcsConfigureCredentials", "GcsConfigureBlockCache");
    }

    private static final Set<String> SAVER_OPS = Set.of("Save", "SaveV2", "SaveSlices", "Restore", "RestoreV2",
            "RestoreSlice", "MergeV2Checkpoints");

    private GraphSafety() {
    }

    private static void forbid(String why, String... ops) {
        for (String op : ops) {
            FORBIDDEN.put(op, why);
        }
    }

    /** Throws naming the first forbidden operator found. */
    static void check(Path directory, SavedModel model) throws ModelLoadException {
        for (MetaGraphDef meta : model.getMetaGraphsList()) {
            Set<String> saver = saverNodes(meta);
            for (NodeDef node : meta.getGraphDef().getNodeList()) {
                refuseIfForbidden(directory, node, "", saver);
            }
            for (FunctionDef function : meta.getGraphDef().getLibrary().getFunctionList()) {
                for (NodeDef node : function.getNodeDefList()) {
                    refuseIfForbidden(directory, node, " in function '" + function.getSignature().getName() + "'",
                            Set.of());
                }
            }
        }
    }

    private static void refuseIfForbidden(Path directory, NodeDef node, String where, Set<String> saver)
            throws ModelLoadException {
        String why = FORBIDDEN.get(node.getOp());
        if (why == null || (SAVER_OPS.contains(node.getOp()) && saver.contains(node.getName()))) {
            return;
        }
        throw new ModelLoadException(directory + ": refused: operator '" + node.getOp() + "' (node '"
                + node.getName() + "'" + where + ") " + why + ". HandScope only loads models that compute; "
                + "re-export the model without it.");
    }

    /** The nodes that the graph's saver uses to save and restore its variables. */
    private static Set<String> saverNodes(MetaGraphDef meta) {
        if (!meta.hasSaverDef()) {
            return Set.of();
        }
        Map<String, NodeDef> byName = new HashMap<>();
        meta.getGraphDef().getNodeList().forEach(node -> byName.put(node.getName(), node));
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(nodeName(meta.getSaverDef().getRestoreOpName()));
        pending.add(nodeName(meta.getSaverDef().getSaveTensorName()));
        while (!pending.isEmpty()) {
            String name = pending.poll();
            NodeDef node = byName.get(name);
            if (node != null && reached.add(name)) {
                node.getInputList().forEach(input -> pending.add(nodeName(input)));
            }
        }
        return reached;
    }

    private static String nodeName(String input) {
        String name = input.startsWith("^") ? input.substring(1) : input;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
