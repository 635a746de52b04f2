package dev.notebooks.platform.security;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The user a request acts for, as the trusted gateway header names them.
 *
 * <p>A controller method receives it by declaring a {@code Caller caller} parameter.
 *
 * @param user the user id (an email with Dex), prefix already stripped
 * @param admin whether the user is a configured cluster admin
 * @param remoteAddress the client address (honours {@code micronaut.server.client-address-header})
 */
@Serdeable
public record Caller(String user, boolean admin, String remoteAddress) {}
