package dev.notebooks.platform.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller method take a {@link Caller} parameter; a request without one is answered 401. */
@Singleton
class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    private final CallerResolver resolver;

    CallerArgumentBinder(CallerResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Caller caller =
                RequestCallers.find(request).or(() -> resolver.resolve(request)).orElseThrow(resolver::noCaller);
        return () -> Optional.of(caller);
    }
}
