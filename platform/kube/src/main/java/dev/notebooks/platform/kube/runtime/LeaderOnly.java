package dev.notebooks.platform.kube.runtime;

/**
 * A background writer that is not a {@link ResourceReconciler} but must, like one, run on one replica at a time. While
 * such a bean exists the {@link ControllerRuntime} campaigns for the Lease and tells the bean when this replica starts
 * and stops leading; with leader election turned off every replica leads from startup.
 *
 * <p>Both calls come from the election's thread: they must return quickly, e.g. set a flag and queue a pass.
 */
public interface LeaderOnly {

    /** This replica now leads: catch up at once, then keep writing. */
    void onStartedLeading();

    /** This replica no longer leads (the Lease was lost, or the application stops): write nothing more. */
    void onStoppedLeading();
}
