package dev.notebooks.platform.testing.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's in-memory CRUD store with one correction: a deletion takes a new resourceVersion, as on a real API
 * server, so the DELETED watch event is newer than every event before it. Without it the event carried the
 * object's last version, and a watch resumed from there would be fed objects it had already seen.
 */
final class ObjectStore extends KubernetesCrudDispatcher {

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

    private static String withResourceVersion(String json, long resourceVersion) {
        ObjectNode object = (ObjectNode) Serialization.jsonMapper().readTree(json);
        ((ObjectNode) object.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
        return object.toString();
    }
}
