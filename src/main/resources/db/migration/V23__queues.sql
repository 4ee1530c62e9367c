-- TKT-5 agent queues: each listed ticket looks up its active reply clock's due time (at most one runs per ticket)
create index ticket_slas_active_due on ticket_slas (ticket_id) include (breach_at) where stage = 'active';
-- the queue filters agents use most, keyed with the id so the id order pages from the index
create index tickets_assignee on tickets (assignee_id, id);
create index tickets_group on tickets (group_id, id);
