-- What the reconciler last announced about each profile, so that every change is announced once, whoever made it.
-- Its rows change in the same transaction as the outbox rows of the events they announce.
create table profile_observation (
    name       text    primary key,
    uid        text    not null,
    generation bigint  not null,
    spec       jsonb   not null,
    ready      boolean,
    version    bigint  not null
);
