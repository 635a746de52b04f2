package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.ImageConflictException;
import dev.notebooks.catalog.domain.ImageNotFoundException;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;

/** Answers the catalog's own exceptions as problem+json: 404, 409 and 422 naming the field at fault. */
final class CatalogProblems {

    private CatalogProblems() {}

    @Singleton
    static class NotFound implements ExceptionHandler<ImageNotFoundException, HttpResponse<?>> {

        private final ThrowableProblemHandler problems;

        NotFound(ThrowableProblemHandler problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ImageNotFoundException e) {
            return problems.handle(request, ApiProblems.notFound(e.getMessage()));
        }
    }

    @Singleton
    static class Conflict implements ExceptionHandler<ImageConflictException, HttpResponse<?>> {

        private final ThrowableProblemHandler problems;

        Conflict(ThrowableProblemHandler problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ImageConflictException e) {
            return problems.handle(request, ApiProblems.conflict(e.field(), e.getMessage()));
        }
    }

    @Singleton
    static class Invalid implements ExceptionHandler<InvalidImageException, HttpResponse<?>> {

        private final ThrowableProblemHandler problems;

        Invalid(ThrowableProblemHandler problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidImageException e) {
            return problems.handle(request, ApiProblems.invalid(e.field(), e.getMessage()));
        }
    }
}
