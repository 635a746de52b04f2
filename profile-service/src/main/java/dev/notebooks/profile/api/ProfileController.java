package dev.notebooks.profile.api;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.profile.service.ProfileIndex;
import dev.notebooks.profile.service.ProfileQuotaUse;
import dev.notebooks.profile.service.ProfileService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;

/**
 * Profiles: create, list, read, change and delete. Bodies are read as JSON trees so that every fault, unknown fields
 * included, is answered 422 naming the field ({@link ProfileRequests}).
 */
@Controller("/api/profiles")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfileController {

    private final ProfileService profiles;
    private final ProfileIndex listing;
    private final ProfileQuotaUse quotaUse;

    ProfileController(ProfileService profiles, ProfileIndex listing, ProfileQuotaUse quotaUse) {
        this.profiles = profiles;
        this.listing = listing;
        this.quotaUse = quotaUse;
    }

    /** Creates a profile owned by the caller (an admin may name another owner); 201 before its namespace exists. */
    @Post
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    HttpResponse<ProfileView> create(
            @Parameter(hidden = true) Caller caller,
            @RequestBody(content = @Content(schema = @Schema(implementation = CreateProfileRequest.class)))
                    @Body
                    @Nullable
                    JsonNode body) {
        ProfileView created = ProfileView.of(
                profiles.create(caller, ProfileRequests.create(body).toNewProfile()));
        return HttpResponse.created(created, URI.create("/api/profiles/" + created.name()));
    }

    /** The profiles the caller can reach with their role on each, by name; an admin sees every profile. */
    @Get
    ProfilePage list(
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit) {
        return ProfilePage.of(listing.page(caller, cursor, limit));
    }

    @Get("/{name}")
    ProfileView read(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
        return ProfileView.of(profiles.read(caller, name)).withQuotaUse(quotaUse.of(name));
    }

    /** Changes the quota or plugins (owner or admin) or the owner (admin only). */
    @Patch("/{name}")
    ProfileView update(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = UpdateProfileRequest.class)))
                    @Body
                    @Nullable
                    JsonNode body) {
        // authorization before validation: a caller without the right gets 403 whatever the body
        profiles.requireOwner(caller, name, ProfileService.UPDATE);
        return ProfileView.of(
                profiles.update(caller, name, ProfileRequests.update(body).toChange()));
    }

    /** Deletes the profile; 202 because its namespace and everything in it go after the answer. */
    @Delete("/{name}")
    @Status(HttpStatus.ACCEPTED)
    void delete(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
        profiles.delete(caller, name);
    }
}
