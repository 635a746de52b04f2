-- The image catalog: what the spawner offers, per server type.
create table catalog_image (
    id               uuid        primary key,
    reference        text        not null unique, -- normalised, so one image is one row
    server_type      text        not null check (server_type in ('jupyter', 'vscode', 'rstudio')),
    display_name     text        not null,
    description      text,
    tags             jsonb       not null default '[]',
    default_image    boolean     not null default false,
    deprecated       boolean     not null default false,
    added_by         text        not null,
    added_at         timestamptz not null,
    updated_at       timestamptz not null,
    check_result     jsonb,
    check_overridden boolean     not null default false,
    check (not (default_image and deprecated))
);

-- exactly one default per server type: at most one here, at least one by the catalog's rules
create unique index catalog_image_one_default on catalog_image (server_type) where default_image;

-- Every change to the catalog, with the image before and after (as the API shows it), so any past catalog can be
-- read back. Written in the same transaction as the change.
create table catalog_change (
    seq        bigint generated always as identity primary key,
    image_id   uuid        not null,
    action     text        not null check (action in ('add', 'edit', 'default', 'deprecate', 'remove')),
    actor      text        not null,
    via        text        not null,
    changed_at timestamptz not null,
    before     jsonb,
    after      jsonb
);

create index catalog_change_by_image on catalog_change (image_id, seq);
create index catalog_change_by_time on catalog_change (changed_at, seq);

-- Which image each notebook runs, from the notebooks topic: an image in use is not removed unless forced.
-- A row stays after the notebook is deleted (present = false) so that an older event arriving late changes nothing.
create table notebook_image (
    notebook    text        primary key, -- namespace/name
    image       text        not null,
    present     boolean     not null,
    observed_at timestamptz not null
);

create index notebook_image_in_use on notebook_image (image) where present;
