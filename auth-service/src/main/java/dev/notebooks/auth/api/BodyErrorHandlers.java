package dev.notebooks.auth.api;

import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JacksonExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

/**
 * Micronaut's own answers to unreadable input quote what they could not read, which may be a password. These replace
 * them with answers naming only the argument; {@link RequestBodies} keeps bodies out of Micronaut's binding anyway.
 */
final class BodyErrorHandlers {

    private BodyErrorHandlers() {}

    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    static class QuietConversionErrors implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        QuietConversionErrors(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            String argument = exception.getArgument().getName();
            return errors.processResponse(
                    ErrorContext.builder(request)
                            .cause(ApiProblems.invalid(argument, "could not be read"))
                            .build(),
                    HttpResponse.unprocessableEntity());
        }
    }

    @Singleton
    @Produces
    @Replaces(JsonExceptionHandler.class)
    static class QuietJsonErrors implements ExceptionHandler<JsonSyntaxException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        QuietJsonErrors(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, JsonSyntaxException exception) {
            return errors.processResponse(
                    ErrorContext.builder(request)
                            .cause(ApiProblems.invalid("body", "is not valid JSON"))
                            .build(),
                    HttpResponse.unprocessableEntity());
        }
    }

    @Singleton
    @Produces
    @Replaces(JacksonExceptionHandler.class)
    static class QuietJacksonErrors
            implements ExceptionHandler<com.fasterxml.jackson.core.JsonProcessingException, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        QuietJacksonErrors(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(
                HttpRequest request, com.fasterxml.jackson.core.JsonProcessingException exception) {
            return errors.processResponse(
                    ErrorContext.builder(request)
                            .cause(ApiProblems.invalid("body", "is not valid JSON"))
                            .build(),
                    HttpResponse.unprocessableEntity());
        }
    }
}
