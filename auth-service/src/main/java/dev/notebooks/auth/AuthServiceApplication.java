package dev.notebooks.auth;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "auth-service", version = "v1", description = "Dex static-password accounts"))
public class AuthServiceApplication {

    public static void main(String[] args) {
        Micronaut.run(AuthServiceApplication.class, args);
    }
}
