package dev.notebooks.platform.security;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The user a request acts for, as the trusted gateway header or a verified Dex ID token names them.
 *
 * <p>A controller method receives it by declaring a {@code Caller caller} parameter.
 *
 * @param user the user id (an email with Dex), prefix already stripped
 * @param admin whether the user is a configured cluster admin, by id or (with a token) by group
 * @param remoteAddress the client address (honours {@code micronaut.server.client-address-header})
 * @param groups the groups claim of the caller's Dex token; empty for a caller named by the header
 */
@Serdeable
public record Caller(String user, boolean admin, String remoteAddress, List<String> groups) {

    @Creator
    public Caller {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A caller without groups, as the identity header names them. */
    public Caller(String user, boolean admin, String remoteAddress) {
        this(user, admin, remoteAddress, List.of());
    }
}
