package dev.notebooks.platform.outbox.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Where a page ended: the last record's time and id, which order the records. Opaque to clients. */
record AuditCursor(Instant time, UUID id) {

    static AuditCursor after(AuditRecord last) {
        return new AuditCursor(last.time(), last.id());
    }

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((time + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class encoded */
    static AuditCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("invalid audit cursor");
            }
            return new AuditCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid audit cursor", e);
        }
    }
}
