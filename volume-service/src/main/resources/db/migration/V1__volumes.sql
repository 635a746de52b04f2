-- What the reconciler last announced about each claim, so that every change is announced once, whoever made it.
-- A row exists from the claim's volume.created.v1 (when it is first seen bound) to its volume.deleted.v1; it changes
-- in the same transaction as the outbox row of the event it announces.
create table volume_observation (
    id            text        primary key,   -- namespace/name
    namespace     text        not null,
    name          text        not null,
    uid           text        not null,
    size          text        not null,
    storage_class text,
    access_modes  text        not null,      -- comma-separated
    bound_at      timestamptz not null,
    version       bigint      not null
);

-- The same for snapshots, from volume.snapshot-created.v1 (first seen ready) to volume.snapshot-deleted.v1.
create table snapshot_observation (
    id             text        primary key,  -- namespace/name
    namespace      text        not null,
    name           text        not null,
    uid            text        not null,
    volume         text        not null,
    size           text        not null,
    storage_class  text,
    access_modes   text        not null,
    snapshot_class text,
    ready_at       timestamptz not null,
    version        bigint      not null
);

-- When each claim was last seen mounted: by a running notebook or pod (the leader's usage scan) or in a notebook
-- event (started, stopped, culled, deleted: the notebook had it until then). Orphans are the claims whose last use
-- is older than volumes.orphan-after.
create table volume_use (
    id           text        primary key,    -- namespace/name
    namespace    text        not null,
    name         text        not null,
    last_used_at timestamptz not null
);
create index volume_use_namespace on volume_use (namespace);
