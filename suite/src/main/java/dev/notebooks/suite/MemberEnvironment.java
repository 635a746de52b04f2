package dev.notebooks.suite;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One member's settings from the suite's environment variables: those meant for it alone ({@code PROFILE_SERVICE_}
 * and the rest of the name, such as {@code PROFILE_SERVICE_DATASOURCES_DEFAULT_URL}) over those shared by all
 * ({@code KAFKA_BOOTSTRAP_SERVERS}); another member's variables are left out. Read as Micronaut reads environment
 * variables, above them and below system properties.
 */
final class MemberEnvironment extends MapPropertySource {

    static final int POSITION = EnvironmentPropertySource.POSITION + 50;

    private final String ownConfigFiles;

    MemberEnvironment(SuiteMember member, Map<String, String> environment) {
        super("suite-" + member.name(), settings(member, environment));
        this.ownConfigFiles = environment.get(member.prefix() + MemberConfigFiles.VARIABLE);
    }

    /** The configuration files meant for this member alone ({@link MemberConfigFiles}), if any. */
    String ownConfigFiles() {
        return ownConfigFiles;
    }

    private static Map<String, Object> settings(SuiteMember member, Map<String, String> environment) {
        Map<String, Object> shared = new LinkedHashMap<>();
        Map<String, Object> own = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(member.prefix())
                    && name.length() > member.prefix().length()) {
                own.put(name.substring(member.prefix().length()), value);
            } else if (SuiteMember.ALL.stream().noneMatch(other -> name.startsWith(other.prefix()))) {
                shared.put(name, value);
            }
        });
        shared.putAll(own);
        return shared;
    }

    @Override
    public int getOrder() {
        return POSITION;
    }

    @Override
    public PropertyConvention getConvention() {
        return PropertyConvention.ENVIRONMENT_VARIABLE;
    }
}
