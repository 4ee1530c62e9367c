-- TKT-5: a reply clock runs until the reply: active, or breached and still unanswered. The SLA-ordered queues read the
-- running clocks in due order as one walk of one index, filtered by the clock's own copies of the ticket's group,
-- assignee, organization (V29) and flags (V60). The active-only indexes made the queue read active and breached clocks
-- apart and merge them, and a view's filter (needs_org, mine) on the breached ones walked every breached clock
-- (877 ms at 1M tickets, docs/benchmarks.md).
create index if not exists ticket_slas_running_due on ticket_slas (breach_at, ticket_id)
    where achieved_at is null and stage in ('active', 'breached');
create index if not exists ticket_slas_running_group on ticket_slas (group_id, breach_at, ticket_id)
    where achieved_at is null and stage in ('active', 'breached');
create index if not exists ticket_slas_running_assignee on ticket_slas (assignee_id, breach_at, ticket_id)
    where achieved_at is null and stage in ('active', 'breached');
create index if not exists ticket_slas_running_organization on ticket_slas (organization_id, breach_at, ticket_id)
    where achieved_at is null and stage in ('active', 'breached');
create index if not exists ticket_slas_running_flags on ticket_slas using gin (flags)
    where achieved_at is null and stage in ('active', 'breached');

drop index if exists ticket_slas_group_due;
drop index if exists ticket_slas_assignee_due;
drop index if exists ticket_slas_organization_due;
drop index if exists ticket_slas_flags;
drop index if exists ticket_slas_breached_due;
