-- A stand-in for a service's own table: each change announces itself through the outbox.
create table test_change (
    id         bigint generated always as identity primary key,
    change_key text not null,
    sequence   int  not null
);

-- What the test's idempotent listener applied, in arrival order.
create table test_received_change (
    arrival    bigint generated always as identity primary key,
    event_id   uuid not null,
    change_key text not null,
    sequence   int  not null
);
