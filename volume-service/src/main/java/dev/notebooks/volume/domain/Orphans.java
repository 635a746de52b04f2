package dev.notebooks.volume.domain;

import java.time.Duration;
import java.time.Instant;

/** An orphan is a volume no notebook has mounted for longer than the window (or ever, since it was created). */
public final class Orphans {

    private Orphans() {}

    /**
     * @param inUse whether a running notebook or pod mounts it now
     * @param lastUsed when it was last seen mounted; null if never
     */
    public static boolean isOrphan(boolean inUse, Instant lastUsed, Instant created, Instant now, Duration window) {
        if (inUse) {
            return false;
        }
        Instant since = lastUsed != null ? lastUsed : created;
        return since == null || !since.plus(window).isAfter(now);
    }

    /** @return whole days since the volume was last used (or created) */
    public static long idleDays(Instant lastUsed, Instant created, Instant now) {
        Instant since = lastUsed != null ? lastUsed : created;
        return since == null ? 0 : Duration.between(since, now).toDays();
    }
}
