package dev.notebooks.platform.web.layout.sample.store;

public record Rows(String id) {}
