package dev.notebooks.platform.kube.events;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last message recorded per object, event type and reason: what makes a repeated event a duplicate. */
final class RecentEvents {

    private final int capacity;
    private final Map<String, String> lastMessages;

    RecentEvents(int capacity) {
        this.capacity = capacity;
        this.lastMessages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RecentEvents.this.capacity;
            }
        };
    }

    /** @return true when this event differs from the last one remembered for its object, type and reason */
    synchronized boolean remember(String object, String type, String reason, String message) {
        String previous = lastMessages.put(key(object, type, reason), message);
        return !message.equals(previous);
    }

    /** Forgets an event that could not be written, so the next attempt writes it. */
    synchronized void forget(String object, String type, String reason) {
        lastMessages.remove(key(object, type, reason));
    }

    private static String key(String object, String type, String reason) {
        return object + '\u0000' + type + '\u0000' + reason;
    }
}
