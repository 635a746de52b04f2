package dev.notebooks.platform.web.layout.sample.service;

import dev.notebooks.platform.web.layout.sample.store.Rows;

public final class ThingService {

    public String find(String id) {
        return new Rows(id).id();
    }
}
