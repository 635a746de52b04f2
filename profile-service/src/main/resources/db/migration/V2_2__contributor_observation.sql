-- The contributors the reconciler last announced per profile: contributors are announced from the RoleBindings it
-- observes, whoever wrote them. Its rows change in the same transaction as the outbox rows of those events.
create table contributor_observation (
    id          bigserial primary key,
    profile     text      not null,
    binding_uid text      not null,
    username    text      not null,
    role        text      not null,
    unique (profile, binding_uid)
);

-- What the REST API added or removed, by the RoleBinding's uid, so the observed change is announced as its caller's;
-- any other is attributed to the binding's field manager.
create table contributor_write (
    id          bigserial   primary key,
    binding_uid text        not null,
    action      text        not null,
    actor       text        not null,
    via         text        not null,
    written_at  timestamptz not null default now(),
    unique (binding_uid, action)
);
