-- What the REST API (and registration) wrote to a Profile, so the reconciler names who made a change without trusting
-- anything a user who can edit the Profile could set: a generation with no row here is attributed to its field manager.
create table profile_write (
    id         bigserial   primary key,
    uid        text        not null,
    generation bigint      not null,
    actor      text        not null,
    via        text        not null,
    written_at timestamptz not null default now(),
    unique (uid, generation)
);
