-- The accounts this service owns; Dex's store (Password objects or the ConfigMap) is kept equal to them.
create table account (
    email      text        primary key,
    user_id    text        not null unique,
    username   text        not null,
    hash       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);

-- Emails whose account changed and is not yet written to Dex's store, in the same transaction as the change, so the
-- reconciler tells a write still under way from drift made behind the service's back.
create table dex_pending (
    email text   primary key,
    seq   bigint not null
);

create sequence dex_pending_seq;
