package dev.notebooks.auth.api;

import dev.notebooks.auth.domain.AccountExistsException;
import dev.notebooks.auth.domain.AccountNotFoundException;
import dev.notebooks.auth.domain.InvalidAccountException;
import dev.notebooks.auth.domain.WrongPasswordException;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The domain's refusals as problem+json answers; none of their messages carries a password. */
final class AccountErrorHandlers {

    private AccountErrorHandlers() {}

    /** Answers with the problem's own status. */
    abstract static class ProblemHandler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {

        private final ErrorResponseProcessor<?> errors;

        ProblemHandler(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        abstract ThrowableProblem problem(E exception);

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            ThrowableProblem problem = problem(exception);
            int status = problem.getStatus() == null ? 500 : problem.getStatus().getStatusCode();
            return errors.processResponse(
                    ErrorContext.builder(request).cause(problem).build(),
                    HttpResponse.status(HttpStatus.valueOf(status)));
        }
    }

    @Singleton
    @Produces
    static class Invalid extends ProblemHandler<InvalidAccountException> {

        Invalid(ErrorResponseProcessor<?> errors) {
            super(errors);
        }

        @Override
        ThrowableProblem problem(InvalidAccountException exception) {
            return ApiProblems.invalid(exception.violations().stream()
                    .map(violation -> new Violation(violation.field(), violation.message()))
                    .toList());
        }
    }

    @Singleton
    @Produces
    static class Exists extends ProblemHandler<AccountExistsException> {

        Exists(ErrorResponseProcessor<?> errors) {
            super(errors);
        }

        @Override
        ThrowableProblem problem(AccountExistsException exception) {
            return ApiProblems.conflict("An account with email " + exception.email() + " exists.");
        }
    }

    @Singleton
    @Produces
    static class NotFound extends ProblemHandler<AccountNotFoundException> {

        NotFound(ErrorResponseProcessor<?> errors) {
            super(errors);
        }

        @Override
        ThrowableProblem problem(AccountNotFoundException exception) {
            return ApiProblems.notFound("There is no account " + exception.email() + ".");
        }
    }

    /** The same answer whether the account exists or not, so a caller learns nothing from it. */
    @Singleton
    @Produces
    static class WrongPassword extends ProblemHandler<WrongPasswordException> {

        WrongPassword(ErrorResponseProcessor<?> errors) {
            super(errors);
        }

        @Override
        ThrowableProblem problem(WrongPasswordException exception) {
            return ApiProblems.invalid("currentPassword", "does not match the current password");
        }
    }
}
