package dev.notebooks.auth.domain;

/**
 * One reason input was refused, naming the field; never containing the refused value when it is a password.
 *
 * @param field the request field, such as {@code password} or {@code email}
 */
public record Violation(String field, String message) {}
