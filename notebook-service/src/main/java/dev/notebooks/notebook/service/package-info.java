/**
 * The use cases: one {@code <Thing>Service} per aggregate (NotebookService: create, edit, stop, start, delete through
 * the spawner API), transactional; the one place that combines store, events and audit. Imports domain, store, events.
 */
package dev.notebooks.notebook.service;
