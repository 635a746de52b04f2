package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.ImageConflictException;
import dev.notebooks.catalog.domain.ImageNotFoundException;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.ProblemHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** Answers the catalog's own exceptions as problem+json: 404, 409 and 422 naming the field at fault. */
final class CatalogProblems {

    private CatalogProblems() {}

    @Singleton
    static class NotFound extends ProblemHandler<ImageNotFoundException> {

        NotFound(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(ImageNotFoundException e) {
            return ApiProblems.notFound(e.getMessage());
        }
    }

    @Singleton
    static class Conflict extends ProblemHandler<ImageConflictException> {

        Conflict(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(ImageConflictException e) {
            return ApiProblems.conflict(e.field(), e.getMessage());
        }
    }

    @Singleton
    static class Invalid extends ProblemHandler<InvalidImageException> {

        Invalid(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(InvalidImageException e) {
            return ApiProblems.invalid(e.field(), e.getMessage());
        }
    }
}
