package dev.notebooks.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;

class SharedFixturesSessionListenerTest {

    @Test
    void theJUnitLauncherFindsTheListenerThatStopsTheSharedFixtures() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class))
                .hasAtLeastOneElementOfType(SharedFixturesSessionListener.class);
    }
}
