package dev.notebooks.platform.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared fixtures when the test run ends. A JUnit session listener rather than a shutdown hook:
 * surefire's forked JVM reports an error when its shutdown is held up by hooks that stop servers.
 */
public final class SharedFixturesSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedFixtures.closeAll();
    }
}
