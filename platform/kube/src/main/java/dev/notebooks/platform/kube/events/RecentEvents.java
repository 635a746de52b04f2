package dev.notebooks.platform.kube.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The observations already said about recent objects, each keyed by the object's uid and spec version, its reason
 * and its message: any number of them per object, so two findings of one pass never make each other news again.
 */
final class RecentEvents {

    private final Set<String> said;

    RecentEvents(int capacity) {
        this.said = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    /** @return true when this observation was not said yet about this version of the object */
    synchronized boolean remember(String objectVersion, String reason, String message) {
        return said.add(key(objectVersion, reason, message));
    }

    /** Forgets an observation that could not be written, so the next pass writes it. */
    synchronized void forget(String objectVersion, String reason, String message) {
        said.remove(key(objectVersion, reason, message));
    }

    private static String key(String objectVersion, String reason, String message) {
        return objectVersion + '\u0000' + reason + '\u0000' + message;
    }
}
