package dev.notebooks.platform.events;

/**
 * One event type: its name, the record its data binds to, and the topic it travels on.
 *
 * @param name such as {@code notebook.started.v1}
 * @param dataClass the record of its data
 * @param topic the topic without prefix, such as {@link Topics#NOTEBOOKS}
 */
public record EventType(String name, Class<? extends EventData> dataClass, String topic) {

    /** Where its JSON Schema is on the class path (see {@link EventSchemas}). */
    public String schemaResource() {
        return "schemas/" + name + ".json";
    }
}
