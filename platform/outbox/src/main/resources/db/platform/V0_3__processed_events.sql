-- Event ids each consumer has applied, written in the same transaction as the consumer's own changes.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index processed_event_age on processed_event (processed_at);
