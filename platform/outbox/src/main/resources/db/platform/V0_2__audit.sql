-- Who did what, when, from where, and whether it was allowed. Append-only: see the triggers below.
create table audit_record (
    id            uuid primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    source        text,
    action        text        not null,
    resource_kind text        not null,
    namespace     text,
    name          text,
    outcome       text        not null check (outcome in ('ALLOWED', 'DENIED', 'FAILED')),
    reason        text,
    before        jsonb,
    after         jsonb,
    request_id    text
);

create index audit_record_newest on audit_record (occurred_at desc, id desc);
create index audit_record_by_namespace on audit_record (namespace, occurred_at desc);
create index audit_record_by_actor on audit_record (actor, occurred_at desc);

create function audit_record_reject_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only: % is not allowed', tg_op;
end
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_reject_change();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_reject_change();
