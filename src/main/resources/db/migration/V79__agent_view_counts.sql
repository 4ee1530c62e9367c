-- TKT-5: the console counts each view up to 1,000 (StoredQueues.COUNTS); each count walks its own index and stops there.
-- Counting every unsolved ticket (432k at 1M tickets) took 300-800 ms a page; these walks take under a millisecond each.
-- "Mine" and "Unassigned" (assignee null) read the unsolved tickets by assignee, "My groups" by group.
create index if not exists tickets_unsolved_assignee on tickets (assignee_id, id) where status in ('new', 'open', 'pending', 'hold');
create index if not exists tickets_unsolved_group on tickets (group_id, id) where status in ('new', 'open', 'pending', 'hold');

-- The two entitlement flags an agent must act on are rare (about 1 in 100 unsolved tickets): an index of their own
-- instead of filtering 100k index entries to find the first thousand.
create index if not exists tickets_unsolved_needs_org on tickets (id)
    where status in ('new', 'open', 'pending', 'hold') and flags @> array['needs_org'];
create index if not exists tickets_unsolved_no_entitlement on tickets (id)
    where status in ('new', 'open', 'pending', 'hold') and flags @> array['no_entitlement'];
