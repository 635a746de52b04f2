/**
 * What this service publishes on the topic {@code notebooks}: {@code notebook.created/started/stopped/culled/updated/
 * failed/deleted.v1}, announced from what the reconciler observes through the transactional outbox, and what it
 * consumes (the catalog's image events). Imports service, domain, store.
 */
package dev.notebooks.notebook.events;
