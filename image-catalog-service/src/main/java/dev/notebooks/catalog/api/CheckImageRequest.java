package dev.notebooks.catalog.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/images/check}.
 *
 * @param image the image reference, such as {@code ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter:v1.10.0}
 */
@Serdeable
public record CheckImageRequest(String image) {}
