-- TKT-5: the breach scan moves a clock past due from active to breached, and it runs until the reply (achieved_at).
-- The SLA-ordered queue now lists those clocks too, most overdue first, next to the active ones (ticket_slas_breach_scan):
-- this index gives the breached ones in due order.
create index ticket_slas_breached_due on ticket_slas (breach_at) where stage = 'breached' and achieved_at is null;
