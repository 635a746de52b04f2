package dev.notebooks.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the spawner's image dropdowns: {@code {value, options}} in Kubeflow's {@code spawner_ui_config.yaml}.
 *
 * @param value the default image; empty when the server type has none
 * @param options the images offered, the default first
 */
public record ImageGroup(String value, List<String> options) {

    public ImageGroup {
        options = List.copyOf(options);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("options", options);
        return map;
    }
}
