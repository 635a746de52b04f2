package dev.notebooks.platform.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;

/**
 * Binds a {@link Principal} argument (the health endpoint's) to the request's principal, which
 * {@link HealthDetailsFilter} sets; Micronaut Security would do this, and the platform does not use it.
 */
@Singleton
class PrincipalArgumentBinder implements TypedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return () -> principal;
    }
}
