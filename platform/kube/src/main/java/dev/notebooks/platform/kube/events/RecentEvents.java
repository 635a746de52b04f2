package dev.notebooks.platform.kube.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last event recorded per object: the same event again is a duplicate, but one that follows a different event
 * (Ready, then a failure, then Ready again) is news.
 */
final class RecentEvents {

    private final int capacity;
    private final Map<String, String> lastEvents;

    RecentEvents(int capacity) {
        this.capacity = capacity;
        this.lastEvents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RecentEvents.this.capacity;
            }
        };
    }

    /** @return true when this event differs from the last one remembered for its object */
    synchronized boolean remember(String object, String type, String reason, String message) {
        String event = event(type, reason, message);
        return !event.equals(lastEvents.put(object, event));
    }

    /** Forgets an event that could not be written, so the next attempt writes it. */
    synchronized void forget(String object, String type, String reason, String message) {
        lastEvents.remove(object, event(type, reason, message));
    }

    private static String event(String type, String reason, String message) {
        return type + '\u0000' + reason + '\u0000' + message;
    }
}
