package dev.notebooks.platform.testing.kubernetes;

import java.util.List;

/** Placeholder until the OpenAPI documents are generated. */
final class OpenApiDocuments {

    OpenApiDocuments(ResourceTypes types) {}

    ApiRequests.Reply answer(String path, String accept) {
        return ApiRequests.Reply.json(404, new ApiError(404, "NotFound", path + " not found").toStatus(), List.of());
    }
}
