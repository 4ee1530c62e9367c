-- Issue #17 item 5: the bin (deleted, not yet purged) in deletion order: the deleted tickets list and the daily purge of
-- tickets deleted more than 30 days ago read it without walking the purged tombstones, which only grow.
create index if not exists tickets_in_bin on tickets (deleted_at, id) where deleted_at is not null and purged_at is null;
