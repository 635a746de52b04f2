package dev.notebooks.platform.outbox.testapp;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of the test app's own table. */
@MappedEntity("test_change")
public record TestChange(@Id @GeneratedValue Long id, String changeKey, int sequence) {}
