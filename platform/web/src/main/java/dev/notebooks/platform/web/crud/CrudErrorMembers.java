package dev.notebooks.platform.web.crud;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.RequestCallers;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zalando.problem.Problem;

/**
 * The error members of Kubeflow's crud web apps, JWA and VWA alike ({@code crud_backend/errors/handlers.py}), added to
 * a problem+json answer: {@code success: false}, {@code status} (the HTTP code, as RFC 7807's {@code status} already
 * is), {@code log} (what went wrong) and {@code user}, so their frontends show the message. The problem's own members
 * stay as they are. A service speaking such an app's API (notebook-service, volume-service) turns it on with
 * {@code platform.web.crud-error-members: true}; it applies to {@code /api/**}.
 */
// first in, last out: it also sees the 401 the caller filter answers before any other filter runs
@ServerFilter("/api/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = CrudErrorMembers.ENABLED, value = "true")
public class CrudErrorMembers {

    public static final String ENABLED = "platform.web.crud-error-members";

    /** Rewrites the body of a problem answer (4xx or 5xx) with the members added; any other answer is left alone. */
    @ResponseFilter
    @SuppressWarnings("unchecked")
    void addCrudMembers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || !(response.body() instanceof Problem problem)) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null && !Problem.DEFAULT_TYPE.equals(problem.getType())) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", response.code());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        List<Map<String, Object>> violations = violations(problem);
        if (!violations.isEmpty()) {
            body.put("violations", violations);
        }
        problem.getParameters().forEach(body::putIfAbsent);
        body.put("success", false);
        body.put("log", log(problem, violations));
        // who the platform identified, by header or token: never a header a refused token came with
        body.put("user", RequestCallers.identified(request).map(Caller::user).orElse(null));
        ((MutableHttpResponse<Object>) response).body(body);
    }

    private static List<Map<String, Object>> violations(Problem problem) {
        if (problem instanceof ConstraintViolationThrowableProblem violating) {
            return violating.getViolations().stream()
                    .map(violation -> {
                        Map<String, Object> map = new LinkedHashMap<>();
                        map.put("field", violation.getField());
                        map.put("message", violation.getMessage());
                        return map;
                    })
                    .toList();
        }
        return List.of();
    }

    private static String log(Problem problem, List<Map<String, Object>> violations) {
        if (!violations.isEmpty()) {
            return violations.stream()
                    .map(v -> v.get("field") + ": " + v.get("message"))
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
        }
        if (problem.getDetail() != null) {
            return problem.getDetail();
        }
        return problem.getTitle() == null ? "An error occurred." : problem.getTitle();
    }
}
