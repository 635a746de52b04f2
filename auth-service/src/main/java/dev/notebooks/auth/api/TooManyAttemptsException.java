package dev.notebooks.auth.api;

import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.time.Duration;

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
    @Produces
    static class Handler implements ExceptionHandler<TooManyAttemptsException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        Handler(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TooManyAttemptsException exception) {
            return errors.processResponse(
                    ErrorContext.builder(request)
                            .cause(ApiProblems.tooManyAttempts("Too many failed password checks; try again in "
                                    + exception.retryAfterSeconds() + " seconds."))
                            .build(),
                    HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                            .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds())));
        }
    }
}
