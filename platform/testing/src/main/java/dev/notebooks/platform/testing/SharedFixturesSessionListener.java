package dev.notebooks.platform.testing;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the test JVM's waiting rules when the test run starts and stops the shared fixtures when it ends. A JUnit
 * session listener rather than a shutdown hook: surefire's forked JVM reports an error when its shutdown is held up by
 * hooks that stop servers.
 */
public final class SharedFixturesSessionListener implements LauncherSessionListener {

    // an awaited condition that reads what does not exist yet (orElseThrow, a null status) is "not yet", not a failure:
    // on a loaded machine the first look often comes before the controller has written anything
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.ignoreExceptionsByDefault();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedFixtures.closeAll();
    }
}
