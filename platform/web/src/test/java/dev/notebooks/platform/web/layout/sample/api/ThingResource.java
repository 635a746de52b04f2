package dev.notebooks.platform.web.layout.sample.api;

import dev.notebooks.platform.web.layout.sample.service.ThingService;

public final class ThingResource {

    private final ThingService things = new ThingService();

    public String read(String id) {
        return things.find(id);
    }
}
