package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Runtime;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Request bodies in {@code application/vnd.kubernetes.protobuf}, as kubectl's typed clients send them
 * ({@code kubectl create namespace|configmap|secret}, {@code DeleteOptions}): the {@code k8s\0} envelope around a
 * {@code runtime.Unknown}, whose raw bytes are the kind's message from client-java-proto, turned into the JSON the
 * API would have received, with Kubernetes' own JSON forms for quantities, times and int-or-strings.
 */
final class ProtobufBodies {

    static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};
    private static final Map<String, List<String>> OUTER_CLASSES = Map.of(
            "", List.of("V1", "Meta"),
            "meta.k8s.io", List.of("Meta"),
            "apps", List.of("V1Apps"),
            "rbac.authorization.k8s.io", List.of("V1Rbac"),
            "storage.k8s.io", List.of("V1Storage"),
            "networking.k8s.io", List.of("V1Networking"),
            "policy", List.of("V1Policy"),
            "batch", List.of("V1Batch"),
            "autoscaling", List.of("V1Autoscaling"));

    private ProtobufBodies() {}

    static JsonNode toJson(byte[] body) throws ApiError {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw ApiError.badRequest("a protobuf body starts with the k8s\\0 envelope");
        }
        try {
            Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
            String apiVersion = unknown.getTypeMeta().getApiVersion();
            String kind = unknown.getTypeMeta().getKind();
            Message message = parse(apiVersion, kind, unknown.getRaw());
            ObjectNode object = (ObjectNode) toJson(message);
            if (!apiVersion.isEmpty()) {
                object.put("apiVersion", apiVersion);
            }
            if (!kind.isEmpty()) {
                object.put("kind", kind);
            }
            return object;
        } catch (InvalidProtocolBufferException e) {
            throw ApiError.badRequest("the protobuf body cannot be read: " + e.getMessage());
        }
    }

    private static Message parse(String apiVersion, String kind, ByteString raw) throws ApiError {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        for (String outer : OUTER_CLASSES.getOrDefault(group, List.of())) {
            try {
                Class<?> type = Class.forName("io.kubernetes.client.proto." + outer + "$" + kind);
                return (Message) type.getMethod("parseFrom", ByteString.class).invoke(null, raw);
            } catch (ClassNotFoundException notInThisFile) {
                // try the next file of the group
            } catch (ReflectiveOperationException e) {
                throw ApiError.badRequest("the protobuf body of a " + kind + " cannot be read: " + e.getCause());
            }
        }
        throw ApiError.unsupportedMediaType(MEDIA_TYPE + " for " + apiVersion + " " + kind);
    }

    private static JsonNode toJson(Message message) {
        String type = message.getDescriptorForType().getFullName();
        switch (type) {
            case "k8s.io.apimachinery.pkg.api.resource.Quantity":
                return Json.NODES.textNode(field(message, "string").toString());
            case "k8s.io.apimachinery.pkg.apis.meta.v1.Time":
                return Json.NODES.textNode(Instant.ofEpochSecond(((Number) field(message, "seconds")).longValue())
                        .toString());
            case "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime":
                return Json.NODES.textNode(Instant.ofEpochSecond(
                                ((Number) field(message, "seconds")).longValue(),
                                ((Number) field(message, "nanos")).intValue())
                        .toString());
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
                return ((Number) field(message, "type")).intValue() == 0
                        ? Json.NODES.numberNode(((Number) field(message, "intVal")).intValue())
                        : Json.NODES.textNode(field(message, "strVal").toString());
            case "k8s.io.apimachinery.pkg.runtime.RawExtension":
                try {
                    return Json.MAPPER.readTree(((ByteString) field(message, "raw")).toByteArray());
                } catch (IOException e) {
                    return Json.NODES.nullNode();
                }
            default:
                break;
        }
        ObjectNode object = Json.object();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.isMapField()) {
                ObjectNode map = object.putObject(field.getName());
                for (Object item : (List<?>) entry.getValue()) {
                    Message pair = (Message) item;
                    map.set(
                            field(pair, "key").toString(),
                            value(pair.getDescriptorForType().findFieldByName("value"), field(pair, "value")));
                }
            } else if (field.isRepeated()) {
                ArrayNode list = object.putArray(field.getName());
                for (Object item : (List<?>) entry.getValue()) {
                    list.add(value(field, item));
                }
            } else {
                object.set(field.getName(), value(field, entry.getValue()));
            }
        }
        return object;
    }

    private static JsonNode value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> toJson((Message) value);
            case BYTE_STRING ->
                Json.NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
            case INT, LONG -> Json.NODES.numberNode(((Number) value).longValue());
            case FLOAT, DOUBLE -> Json.NODES.numberNode(((Number) value).doubleValue());
            case BOOLEAN -> Json.NODES.booleanNode((Boolean) value);
            default -> Json.NODES.textNode(value.toString());
        };
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }
}
