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
 * Refuses SavedModels whose graphs contain anything but {@link PureComputeOperators}: a model the
 * user points HandScope at must only compute. Checkpoint operators are allowed only inside the
 * graph's own saver (which restores variables on load).
 */
final class GraphSafety {
    private GraphSafety() {
    }

    /** Throws naming the first operator that is not allowed. */
    static void check(Path directory, SavedModel model) throws ModelLoadException {
        for (MetaGraphDef meta : model.getMetaGraphsList()) {
            Set<String> saver = saverNodes(meta);
            for (NodeDef node : meta.getGraphDef().getNodeList()) {
                refuseUnlessAllowed(directory, node, "", saver);
            }
            for (FunctionDef function : meta.getGraphDef().getLibrary().getFunctionList()) {
                for (NodeDef node : function.getNodeDefList()) {
                    refuseUnlessAllowed(directory, node, " in function '" + function.getSignature().getName() + "'",
                            Set.of());
                }
            }
        }
    }

    private static void refuseUnlessAllowed(Path directory, NodeDef node, String where, Set<String> saver)
            throws ModelLoadException {
        String op = node.getOp();
        String refused = directory + ": refused: operator '" + op + "' (node '" + node.getName() + "'" + where + ") ";
        if (PureComputeOperators.isSaverOnly(op)) {
            if (!saver.contains(node.getName())) {
                throw new ModelLoadException(refused + "reads or writes checkpoints, which only the model's own "
                        + "saver may do. Re-export the model without it.");
            }
        } else if (!PureComputeOperators.isAllowed(op)) {
            throw new ModelLoadException(refused + "is not a pure-compute operator. HandScope only loads models "
                    + "made of pure-compute operators (see \"Model safety\" in the README); re-export the model "
                    + "without it.");
        }
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
