package dev.notebooks.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import java.util.Map;
import org.zalando.problem.ThrowableProblem;

/**
 * The one way a service answers an exception of its own as problem+json. Code that knows it answers HTTP ({@code api/},
 * {@code service/}) throws a {@link ThrowableProblem} made with {@link ApiProblems}; an exception from where HTTP is
 * unknown ({@code domain/}) is mapped by a bean extending this class, in the service's {@code api/}, which names only the
 * problem (and any headers). Either way micronaut-problem-json's {@link ThrowableProblemHandler} writes the answer, so
 * every problem has the same shape, status and filters (such as Kubeflow's error members).
 *
 * <pre>{@code
 * @Singleton
 * class ImageNotFound extends ProblemHandler<ImageNotFoundException> {
 *     ImageNotFound(ThrowableProblemHandler problems) { super(problems); }
 *
 *     protected ThrowableProblem problem(ImageNotFoundException e) { return ApiProblems.notFound(e.getMessage()); }
 * }
 * }</pre>
 */
public abstract class ProblemHandler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {

    private final ThrowableProblemHandler problems;

    protected ProblemHandler(ThrowableProblemHandler problems) {
        this.problems = problems;
    }

    /** @return the problem the exception is answered with; its status is the answer's */
    protected abstract ThrowableProblem problem(E exception);

    /** @return headers the answer carries besides the problem, such as {@code Retry-After}; none by default */
    protected Map<String, String> headers(E exception) {
        return Map.of();
    }

    @Override
    public final HttpResponse<?> handle(HttpRequest request, E exception) {
        HttpResponse<?> response = problems.handle(request, problem(exception));
        Map<String, String> headers = headers(exception);
        if (!headers.isEmpty() && response instanceof MutableHttpResponse<?> mutable) {
            headers.forEach(mutable::header);
        }
        return response;
    }
}
