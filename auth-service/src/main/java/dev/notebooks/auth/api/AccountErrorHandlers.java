package dev.notebooks.auth.api;

import dev.notebooks.auth.domain.AccountExistsException;
import dev.notebooks.auth.domain.AccountNotFoundException;
import dev.notebooks.auth.domain.InvalidAccountException;
import dev.notebooks.auth.domain.WrongPasswordException;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.ProblemHandler;
import io.micronaut.problem.ThrowableProblemHandler;
import io.micronaut.problem.violations.Violation;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/** The domain's refusals as problem+json answers; none of their messages carries a password. */
final class AccountErrorHandlers {

    private AccountErrorHandlers() {}

    @Singleton
    static class Invalid extends ProblemHandler<InvalidAccountException> {

        Invalid(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(InvalidAccountException exception) {
            return ApiProblems.invalid(exception.violations().stream()
                    .map(violation -> new Violation(violation.field(), violation.message()))
                    .toList());
        }
    }

    @Singleton
    static class Exists extends ProblemHandler<AccountExistsException> {

        Exists(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(AccountExistsException exception) {
            return ApiProblems.conflict("An account with email " + exception.email() + " exists.");
        }
    }

    @Singleton
    static class NotFound extends ProblemHandler<AccountNotFoundException> {

        NotFound(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(AccountNotFoundException exception) {
            return ApiProblems.notFound("There is no account " + exception.email() + ".");
        }
    }

    /** The same answer whether the account exists or not, so a caller learns nothing from it. */
    @Singleton
    static class WrongPassword extends ProblemHandler<WrongPasswordException> {

        WrongPassword(ThrowableProblemHandler problems) {
            super(problems);
        }

        @Override
        protected ThrowableProblem problem(WrongPasswordException exception) {
            return ApiProblems.invalid("currentPassword", "does not match the current password");
        }
    }
}
