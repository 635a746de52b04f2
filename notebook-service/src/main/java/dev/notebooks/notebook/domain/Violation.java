package dev.notebooks.notebook.domain;

/**
 * One thing wrong with a request, named by the request's field ({@code cpu}, {@code datavols[1].mount}) so a client can
 * show it beside the input.
 */
public record Violation(String field, String message) {}
