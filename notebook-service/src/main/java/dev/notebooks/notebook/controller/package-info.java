/**
 * The Notebook reconciler on platform/kube's controller runtime (informers on Notebooks and their StatefulSets,
 * Services, VirtualServices, pods and Events; desired state from the domain; only differences applied, field manager
 * {@code notebook-service}) and the idle culler. Imports service, domain, store, events.
 */
package dev.notebooks.notebook.controller;
