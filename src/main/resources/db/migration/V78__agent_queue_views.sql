-- TKT-5: the breach scan moves a clock past due from active to breached, and it runs until the reply (achieved_at).
-- The SLA-ordered queue now lists those clocks too, most overdue first, next to the active ones (ticket_slas_breach_scan):
-- this index gives the breached ones in due order.
create index ticket_slas_breached_due on ticket_slas (breach_at) where stage = 'breached' and achieved_at is null;

-- TKT-5: the console counts each view over the unsolved tickets in one statement (StoredQueues.COUNTS). Without an index
-- on status that read the whole tickets table (descriptions and search vectors included); this partial index holds every
-- column the count looks at, so it is an index-only scan of the unsolved tickets alone.
create index tickets_unsolved_views on tickets (status) include (id, assignee_id, group_id, flags)
    where status in ('new', 'open', 'pending', 'hold');

-- UI-1: the bulk update's "Assignee" choices, the active agents and admins by name, read from an index in that order
-- rather than by sorting every user.
create index users_staff_by_name on users (lower(name), id) where role in ('agent', 'admin') and active;
