package dev.notebooks.auth.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.ProblemHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/**
 * Micronaut's own answers to unreadable input quote what they could not read, which may be a password. These replace
 * them with answers naming only the argument; {@link RequestBodies} keeps bodies out of Micronaut's binding anyway.
 */
final class BodyErrorHandlers {

    private BodyErrorHandlers() {}

    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static class QuietConversionErrors extends ProblemHandler<ConversionErrorException> {

        QuietConversionErrors(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(ConversionErrorException exception) {
            return ApiProblems.invalid(exception.getArgument().getName(), "could not be read");
        }
    }

    @Singleton
    @Replaces(JsonExceptionHandler.class)
    static class QuietJsonErrors extends ProblemHandler<JsonSyntaxException> {

        QuietJsonErrors(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(JsonSyntaxException exception) {
            return ApiProblems.invalid("body", "is not valid JSON");
        }
    }

    @Singleton
    @Replaces(JacksonExceptionHandler.class)
    static class QuietJacksonErrors extends ProblemHandler<JsonProcessingException> {

        QuietJacksonErrors(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(JsonProcessingException exception) {
            return ApiProblems.invalid("body", "is not valid JSON");
        }
    }
}
