-- Usage metering (issue 14). Every notebook and volume event that is a metering fact, kept as stated (its own
-- time, not its arrival); consecutive facts of one resource are its intervals. Quantities are exact decimals:
-- cores, bytes, GPUs, and their products with milliseconds.
create table usage_fact (
    event_id   uuid        primary key,
    profile    text        not null,
    kind       text        not null,   -- notebook | volume
    resource   text        not null,
    at         timestamptz not null,
    rank       smallint    not null,
    running    boolean     not null,
    cpu        numeric     not null,   -- cores requested
    memory     numeric     not null,   -- bytes requested
    gpus       integer     not null,
    storage    numeric     not null,   -- bytes requested
    dimension  text        not null,   -- GPU vendor or storage class, '' for none or the default class
    event_type text        not null
);

create index usage_fact_sequence on usage_fact (profile, kind, resource, at, rank, event_id);

-- The closed intervals between consecutive facts, accrued per hour (exact: core-ms, byte-ms, GPU-ms, byte-ms).
-- A late fact moves amounts between rows as deltas, so a row always equals what its facts give.
create table usage_hour (
    profile         text        not null,
    hour            timestamptz not null,
    kind            text        not null,
    resource        text        not null,
    dimension       text        not null,
    cpu_core_ms     numeric     not null,
    memory_byte_ms  numeric     not null,
    gpu_ms          numeric     not null,
    storage_byte_ms numeric     not null,
    primary key (profile, hour, kind, resource, dimension)
);

-- Each resource's last fact: the open interval that accrues until a later fact closes it.
create table usage_tail (
    profile   text        not null,
    kind      text        not null,
    resource  text        not null,
    event_id  uuid        not null,
    at        timestamptz not null,
    rank      smallint    not null,
    running   boolean     not null,
    cpu       numeric     not null,
    memory    numeric     not null,
    gpus      integer     not null,
    storage   numeric     not null,
    dimension text        not null,
    primary key (profile, kind, resource)
);

create index usage_tail_running on usage_tail (profile) where running;

-- One row per profile the ledger knows: locked by every fact and every closing of that profile, so a period is
-- never published while a fact that changes it is being written. closed_through: the end of the last closed period.
create table usage_profile (
    profile        text        primary key,
    first_at       timestamptz not null,
    closed_through timestamptz
);

-- What was published for each closed period (usage.period-closed.v1, then each usage.corrected.v1).
create table usage_period (
    profile      text        not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    totals       text        not null,
    revision     integer     not null,
    closed_at    timestamptz not null default now(),
    primary key (profile, period_start)
);

-- Every change of a closed period by a late event: never silent.
create table usage_correction (
    id           bigserial   primary key,
    profile      text        not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    revision     integer     not null,
    event_id     uuid        not null,
    event_type   text        not null,
    before       text        not null,
    after        text        not null,
    recorded_at  timestamptz not null default now()
);

create index usage_correction_profile on usage_correction (profile, period_start);
