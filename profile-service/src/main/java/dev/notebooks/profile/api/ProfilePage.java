package dev.notebooks.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notebooks.profile.service.ProfileSlice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of profiles, by name.
 *
 * @param items the profiles
 * @param nextCursor pass it as {@code cursor} for the next page; null on the last page
 */
@Serdeable
public record ProfilePage(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<ProfileView> items, @Nullable String nextCursor) {

    static ProfilePage of(ProfileSlice slice) {
        return new ProfilePage(slice.items().stream().map(ProfileView::of).toList(), slice.nextCursor());
    }
}
