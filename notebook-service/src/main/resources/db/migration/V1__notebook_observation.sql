-- What the reconciler last announced about each notebook, so that every change is announced once, whoever made it
-- (the spawner API, kubectl, the culler). Its rows change in the same transaction as the outbox rows of the events they
-- announce. The outbox, audit and processed-event tables come from platform/outbox (db/platform).
create table notebook_observation (
    -- namespace/name, the events' subject and Kafka key
    id         text    primary key,
    uid        text    not null,
    -- image, server type, resources and volumes as the events carry them (JSON)
    spec       jsonb   not null,
    -- running, stopped; null before the first announcement of either
    state      text,
    -- the reason of the last failed announcement; null while not failed
    failure    text,
    version    bigint  not null
);
