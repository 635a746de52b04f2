package dev.notebooks.profile.service;

import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.http.HttpStatus;
import java.net.URI;
import org.zalando.problem.ThrowableProblem;

/** The problems only profile-service answers with; the common ones are in {@link ApiProblems}. */
public final class ProfileProblems {

    public static final URI NOT_READY = URI.create("urn:notebook-platform:problem:profile-not-ready");

    private ProfileProblems() {}

    public static ThrowableProblem profileNotFound(String name) {
        return ApiProblems.notFound("There is no profile " + name + ".");
    }

    /** The profile's namespace is not (yet) made for it, so nothing can be put into it. */
    public static ThrowableProblem notReady(String detail) {
        return ApiProblems.problem(NOT_READY, "Profile Not Ready", HttpStatus.CONFLICT, detail);
    }
}
