-- Issue #17 item 5: a deleted ticket is kept (soft) until restored or purged; a purged ticket stays as a tombstone
-- (content scrubbed) so incremental exports can still report its deletion
alter table tickets
    add column deleted_at    timestamptz,
    add column deleted_by_id bigint references users (id),
    add column purged_at     timestamptz;
create index tickets_deleted on tickets (deleted_at, id) where deleted_at is not null;
