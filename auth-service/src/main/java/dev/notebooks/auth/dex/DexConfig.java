package dev.notebooks.auth.dex;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Dex's {@code config.yaml}, edited as a YAML node tree so that everything but the entries of
 * {@code staticPasswords} this service changes comes out as it went in: other keys, their order, quoting, flow
 * lists and comments.
 */
public final class DexConfig {

    public static final String STATIC_PASSWORDS = "staticPasswords";

    private final Yaml yaml;
    private final MappingNode root;

    private DexConfig(Yaml yaml, MappingNode root) {
        this.yaml = yaml;
        this.root = root;
    }

    /** @throws IllegalArgumentException when the text is not a YAML mapping */
    public static DexConfig parse(String text) {
        LoaderOptions loading = new LoaderOptions();
        loading.setProcessComments(true);
        DumperOptions dumping = new DumperOptions();
        dumping.setProcessComments(true);
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setSplitLines(false);
        Yaml yaml = new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading);
        Node node = text == null || text.isBlank() ? null : yaml.compose(new StringReader(text));
        if (node == null) {
            return new DexConfig(yaml, new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("Dex's configuration is not a YAML mapping");
        }
        return new DexConfig(yaml, mapping);
    }

    /** One entry of {@code staticPasswords}: its node as it is, and its scalar fields. */
    public record Entry(Node node, Map<String, String> fields) {

        public String email() {
            return fields.get("email");
        }
    }

    public List<Entry> staticPasswords() {
        SequenceNode list = staticPasswordsNode();
        if (list == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Node item : list.getValue()) {
            entries.add(new Entry(item, scalars(item)));
        }
        return entries;
    }

    /** A new entry in Dex's field order. */
    public Node entry(String email, String hash, String username, String userId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("hash", hash);
        fields.put("username", username);
        fields.put("userID", userId);
        return yaml.represent(fields);
    }

    /** Replaces the list's entries (creating the key when absent), keeping the list node and its comments. */
    public void setStaticPasswords(List<Node> entries) {
        SequenceNode list = staticPasswordsNode();
        if (list == null) {
            list = new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
            root.getValue()
                    .add(new NodeTuple(
                            new ScalarNode(Tag.STR, STATIC_PASSWORDS, null, null, DumperOptions.ScalarStyle.PLAIN),
                            list));
        }
        list.getValue().clear();
        list.getValue().addAll(entries);
        // an empty block sequence cannot be written; Dex reads [] as no entries
        list.setFlowStyle(entries.isEmpty() ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
    }

    public String text() {
        StringWriter out = new StringWriter();
        yaml.serialize(root, out);
        return out.toString();
    }

    private SequenceNode staticPasswordsNode() {
        for (NodeTuple tuple : root.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && STATIC_PASSWORDS.equals(key.getValue())) {
                if (tuple.getValueNode() instanceof SequenceNode list) {
                    return list;
                }
                if (tuple.getValueNode() instanceof ScalarNode empty
                        && empty.getValue().isEmpty()) {
                    SequenceNode list = new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
                    root.getValue().set(root.getValue().indexOf(tuple), new NodeTuple(key, list));
                    return list;
                }
                throw new IllegalArgumentException(STATIC_PASSWORDS + " in Dex's configuration is not a list");
            }
        }
        return null;
    }

    private static Map<String, String> scalars(Node node) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                    fields.put(key.getValue(), value.getValue());
                }
            }
        }
        return fields;
    }
}
