package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;

/** What to log of an API error: the Status message, never the request or a whole response body. */
final class ApiErrors {

    private ApiErrors() {}

    static String message(ApiException error) {
        try {
            V1Status status = JSON.deserialize(error.getResponseBody(), V1Status.class);
            if (status != null && status.getMessage() != null) {
                return status.getMessage();
            }
        } catch (RuntimeException notAStatus) {
            // fall through
        }
        return error.getCode() == 0 ? String.valueOf(error.getCause()) : "HTTP " + error.getCode();
    }

    /** @return such as {@code 403: namespaces is forbidden: ...}; the Status message, never the whole body */
    static String describe(ApiException error) {
        return error.getCode() == 0 ? message(error) : error.getCode() + ": " + message(error);
    }
}
