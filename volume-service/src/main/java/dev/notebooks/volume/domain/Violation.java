package dev.notebooks.volume.domain;

/** One thing wrong with a request: the body field at fault and what is wrong with it. */
public record Violation(String field, String message) {}
