package dev.notebooks.volume.service;

import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import java.net.HttpURLConnection;
import org.zalando.problem.ThrowableProblem;

/** Kubernetes API failures as the problems this API answers with. */
final class KubernetesErrors {

    private KubernetesErrors() {}

    static boolean isConflict(ApiException e) {
        return e.getCode() == HttpURLConnection.HTTP_CONFLICT;
    }

    static boolean isNotFound(ApiException e) {
        return e.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
    }

    static boolean isInvalid(ApiException e) {
        return e.getCode() == 422 || e.getCode() == HttpURLConnection.HTTP_BAD_REQUEST;
    }

    static boolean isForbidden(ApiException e) {
        return e.getCode() == HttpURLConnection.HTTP_FORBIDDEN;
    }

    /** A failure nothing in the request explains: the API server is unreachable or refused the write. */
    static ThrowableProblem unexpected(ApiException e, String attempt) {
        return ApiProblems.kubernetesUnavailable(attempt + " failed: " + message(e));
    }

    /** The Status message, never the request or the whole response body. */
    static String message(ApiException e) {
        try {
            V1Status status = JSON.deserialize(e.getResponseBody(), V1Status.class);
            if (status != null && status.getMessage() != null) {
                return status.getMessage();
            }
        } catch (RuntimeException notAStatus) {
            // fall through
        }
        return e.getCode() == 0 ? "the Kubernetes API is unreachable" : "HTTP " + e.getCode();
    }
}
