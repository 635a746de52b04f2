package dev.notebooks.platform.outbox.testapp;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.outbox.Outbox;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A service as every real one writes it: the change and its event in one transaction. */
@Singleton
public class ChangeService {

    private final TestTables tables;
    private final Outbox outbox;

    ChangeService(TestTables tables, Outbox outbox) {
        this.tables = tables;
        this.outbox = outbox;
    }

    /** Records the change and publishes its event; returns the event id. */
    @Transactional
    public UUID change(String key, int sequence) {
        tables.insertChange(key, sequence);
        PlatformEvent<ChangeMade> event = event(key, sequence);
        outbox.publish(event);
        return event.id();
    }

    /** Records the change, publishes its event, then fails, so the transaction rolls back. */
    @Transactional
    public void changeThenFail(String key, int sequence) {
        tables.insertChange(key, sequence);
        outbox.publish(event(key, sequence));
        throw new IllegalStateException("the change is refused after its event was published");
    }

    public static PlatformEvent<ChangeMade> event(String key, int sequence) {
        return PlatformEvent.of(
                "outbox-test", ChangeMade.TYPE, key, new ChangeMade(Actor.api("tester@example.com"), key, sequence));
    }
}
