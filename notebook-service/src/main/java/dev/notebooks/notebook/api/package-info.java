/**
 * HTTP only: the routes, bodies and envelope of Kubeflow's jupyter web app backend, problem+json errors with JWA's
 * {@code success}, {@code status} and {@code log} members, and the audit endpoint. Imports service and domain.
 */
package dev.notebooks.notebook.api;
