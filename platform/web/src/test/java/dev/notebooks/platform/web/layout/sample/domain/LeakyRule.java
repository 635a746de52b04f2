package dev.notebooks.platform.web.layout.sample.domain;

import dev.notebooks.platform.web.layout.sample.store.Rows;
import io.micronaut.http.HttpStatus;

/** A domain class that breaks the layout twice: it reads a store row and a Micronaut type. */
public final class LeakyRule {

    private LeakyRule() {}

    public static HttpStatus of(Rows rows) {
        return rows == null ? HttpStatus.NOT_FOUND : HttpStatus.OK;
    }
}
