-- Issue #17 item 1: incremental exports page by (updated_at, id), ticket events by (created_at, id): one index range
-- scan per page of up to 1000, on a million tickets too
create index tickets_changed on tickets (updated_at, id);
create index users_changed on users (updated_at, id);
create index organizations_changed on organizations (updated_at, id);
create index ticket_audits_created on ticket_audits (created_at, id);

-- a deletion, a restore and a purge must reach the export, whoever writes them: they move updated_at on. The trigger
-- fires only for updates that name these columns, so ordinary ticket changes pay nothing for it
create function tickets_deletion_is_a_change() returns trigger language plpgsql as $$
begin
    new.updated_at := greatest(now(), old.updated_at);
    return new;
end $$;
create trigger tickets_deletion_is_a_change
    before update of deleted_at, purged_at on tickets
    for each row when (old.deleted_at is distinct from new.deleted_at or old.purged_at is distinct from new.purged_at)
    execute function tickets_deletion_is_a_change();
