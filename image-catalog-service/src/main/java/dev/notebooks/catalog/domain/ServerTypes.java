package dev.notebooks.catalog.domain;

import dev.notebooks.platform.events.ServerType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Server types by the names the API and the spawner use: {@code jupyter}, {@code vscode}, {@code rstudio}. */
public final class ServerTypes {

    public static final String FIELD = "serverType";

    private ServerTypes() {}

    /** @throws InvalidImageException naming {@value #FIELD} when the value is none of them */
    public static ServerType parse(String value) {
        return Arrays.stream(ServerType.values())
                .filter(type -> type.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidImageException(
                        FIELD,
                        "'" + value + "' is not a server type; one of "
                                + Arrays.stream(ServerType.values())
                                        .map(ServerType::value)
                                        .collect(Collectors.joining(", "))));
    }
}
