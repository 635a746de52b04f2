package dev.notebooks.platform.kube.apply;

/**
 * What {@link Applier#apply} did, and the object as it is now.
 *
 * @param object the object as the API returned it after the write, or as it was read when nothing was written
 */
public record ApplyResult<T>(Outcome outcome, T object) {

    public enum Outcome {
        CREATED,
        PATCHED,
        UNCHANGED
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    public boolean changed() {
        return outcome != Outcome.UNCHANGED;
    }
}
