package dev.notebooks.auth.api;

import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.ProblemHandler;
import io.micronaut.http.HttpHeaders;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.zalando.problem.ThrowableProblem;

/** Too many failed password checks: answered 429 problem+json with {@code Retry-After} in whole seconds. */
public final class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed password checks", null, false, false);
        // rounded up, so a client that waits as told is let through
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Singleton
    static class Handler extends ProblemHandler<TooManyAttemptsException> {

        Handler(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(TooManyAttemptsException exception) {
            return ApiProblems.tooManyAttempts(
                    "Too many failed password checks; try again in " + exception.retryAfterSeconds() + " seconds.");
        }

        @Override
        protected Map<String, String> headers(TooManyAttemptsException exception) {
            return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        }
    }
}
