package dev.notebooks.platform.security;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;

/** A service controller as the services write them: takes the caller, asks for the role it needs. */
@Controller
class ProbeController {

    private final Authorizer authorizer;
    private final ProfileRoles profileRoles;

    ProbeController(Authorizer authorizer, ProfileRoles profileRoles) {
        this.authorizer = authorizer;
        this.profileRoles = profileRoles;
    }

    @Get("/api/whoami")
    Caller whoami(Caller caller) {
        return caller;
    }

    @Get("/api/profiles")
    List<ProfileAccess> profiles(Caller caller) {
        return profileRoles.profilesFor(caller);
    }

    @Get("/api/profiles/{namespace}/role")
    ProfileRole role(Caller caller, String namespace) {
        return profileRoles.roleOf(caller, namespace);
    }

    @Post("/api/namespaces/{namespace}/notebooks/{name}")
    ProfileRole createNotebook(Caller caller, String namespace, String name) {
        return authorizer.require(caller, namespace, ProfileRole.EDIT, "notebook.create", "Notebook", name);
    }

    @Post("/api/images/{name}")
    void addImage(Caller caller, String name) {
        authorizer.requireClusterAdmin(caller, "image.create", "Image", name);
    }

    @Get("/open/ping")
    String ping() {
        return "pong";
    }

    @Get("/open/whoami")
    Caller openWhoami(Caller caller) {
        return caller;
    }
}
