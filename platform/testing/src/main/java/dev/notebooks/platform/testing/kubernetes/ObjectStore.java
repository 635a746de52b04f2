package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's in-memory CRUD store with corrections where it differs from a real API server:
 *
 * <ul>
 *   <li>a deletion takes a new resourceVersion, so the DELETED watch event is newer than every event before it
 *       (with the object's last version, a watch resumed from there was fed objects it had already seen);
 *   <li>a patch is applied by {@link ObjectPatch} and handed to the mock as a replacement of the whole object, so
 *       the mock still guards {@code metadata.resourceVersion} (409), keeps status and spec writes apart, counts
 *       {@code generation} and completes deletions when the last finalizer goes;
 *   <li>requests are served one at a time, so nothing is written between reading the object to patch and
 *       replacing it.
 * </ul>
 */
final class ObjectStore extends KubernetesCrudDispatcher {

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        return super.dispatch(request);
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        // inside dispatch: no other write reaches the map before the replacement below
        Map.Entry<AttributeSet, String> current = findResource(getKey(request.getPath()));
        if (current == null) {
            return super.handlePatch(request);
        }
        String contentType = request.getHeader("Content-Type");
        try {
            JsonNode patched = ObjectPatch.apply(
                    contentType,
                    request.getBody().readUtf8(),
                    Serialization.jsonMapper().readTree(current.getValue()));
            return super.handlePatch(replacement(request.getPath(), patched));
        } catch (ObjectPatch.NotApplicable refused) {
            return new MockResponse()
                    .setResponseCode(refused.status())
                    .setBody(Serialization.asJson(new StatusBuilder()
                            .withStatus("Failure")
                            .withCode(refused.status())
                            .withReason(refused.reason())
                            .withMessage(refused.getMessage())
                            .build()));
        }
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        // called under the store's write lock, like every write to the map
        boolean deletion = newState == null && oldAttributes != null && map.containsKey(oldAttributes);
        if (deletion) {
            map.put(oldAttributes, withResourceVersion(map.get(oldAttributes), requestResourceVersion()));
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    }

    /** A JSON patch that replaces the whole object, which the mock applies exactly. */
    private static RecordedRequest replacement(String path, JsonNode patched) {
        ObjectNode replace = Serialization.jsonMapper().createObjectNode();
        replace.put("op", "replace");
        replace.put("path", "");
        replace.set("value", patched);
        String body = Serialization.jsonMapper().createArrayNode().add(replace).toString();
        return new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.PATCH,
                path,
                Headers.builder().add("Content-Type", ObjectPatch.JSON_PATCH).build(),
                new Buffer(body.getBytes(UTF_8)));
    }

    private static String withResourceVersion(String json, long resourceVersion) {
        ObjectNode object = (ObjectNode) Serialization.jsonMapper().readTree(json);
        ((ObjectNode) object.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
        return object.toString();
    }
}
