-- Events waiting for the relay. Each row is written in the same transaction as the change it announces.
create table outbox_event (
    seq        bigint generated always as identity primary key, -- the relay publishes in this order
    event_id   uuid        not null unique,
    topic      text        not null,
    event_key  text        not null,
    event_type text        not null,
    payload    bytea       not null, -- the structured-mode CloudEvent (UTF-8 JSON) exactly as Kafka will carry it
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);

create index outbox_event_pending on outbox_event (seq) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
