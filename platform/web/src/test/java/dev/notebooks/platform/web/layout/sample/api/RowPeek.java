package dev.notebooks.platform.web.layout.sample.api;

import dev.notebooks.platform.web.layout.sample.store.Rows;

/** An API class that reads the store itself, which the layout forbids. */
public final class RowPeek {

    private RowPeek() {}

    public static String peek(Rows rows) {
        return rows.id();
    }
}
