-- FILE-2 Support Uploader: per-ticket capability links (only the SHA-256 of the link token is kept), the tus uploads
-- arriving through them (bytes are staged on disk; the row says how long the file will be), and the finished files.
create table upload_links (
    id          bigint generated always as identity primary key,
    ticket_id   bigint      not null references tickets (id),
    token_hash  text        not null unique,
    created_by  bigint      not null references users (id),
    expires_at  timestamptz not null,
    created_at  timestamptz not null
);
create index upload_links_ticket on upload_links (ticket_id, id);

create table tus_uploads (
    id          bigint generated always as identity primary key,
    link_id     bigint      not null references upload_links (id),
    upload_key  text        not null unique check (upload_key ~ '^[0-9a-f]{32}$'),
    file_name   text        not null check (length(file_name) between 1 and 255),
    length      bigint      not null check (length > 0),
    status      text        not null default 'receiving' check (status in ('receiving', 'finished', 'terminated', 'abandoned')),
    created_at  timestamptz not null,
    finished_at timestamptz
);
create index tus_uploads_receiving on tus_uploads (link_id) where status = 'receiving';

create table uploaded_files (
    id          bigint generated always as identity primary key,
    ticket_id   bigint      not null references tickets (id),
    upload_id   bigint      not null unique references tus_uploads (id),
    file_name   text        not null,
    size        bigint      not null check (size > 0),
    sha256      text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key text        not null unique,
    created_at  timestamptz not null,
    removed_at  timestamptz
);
create index uploaded_files_ticket on uploaded_files (ticket_id, id);
