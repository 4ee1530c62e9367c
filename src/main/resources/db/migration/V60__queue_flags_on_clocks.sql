-- TKT-5: the flag queue (flag=clarify, sla_due) walked every running clock in due order and looked up each ticket's
-- flags: 44,295 clocks for 26 rows at 1M tickets (1.26 s cold, 43.6 ms p95). Each clock now also carries its ticket's
-- flags, kept by V29's triggers, and a GIN index finds the running clocks with a flag; the few found are sorted by due.
alter table ticket_slas add column flags text[] not null default '{}';

update ticket_slas s
   set flags = t.flags
  from tickets t
 where t.id = s.ticket_id and s.achieved_at is null and t.flags <> '{}';

-- the same one select of the ticket row as V29, one column more
create or replace function ticket_slas_ticket_fields() returns trigger language plpgsql as $$
begin
    select t.group_id, t.assignee_id, t.organization_id, t.flags
      into new.group_id, new.assignee_id, new.organization_id, new.flags
      from tickets t where t.id = new.ticket_id;
    return new;
end
$$;

create or replace function tickets_sla_fields() returns trigger language plpgsql as $$
begin
    update ticket_slas
       set group_id = new.group_id, assignee_id = new.assignee_id, organization_id = new.organization_id,
           flags = new.flags
     where ticket_id = new.id and achieved_at is null;
    return null;
end
$$;

drop trigger tickets_sla_fields on tickets;
create trigger tickets_sla_fields after update of group_id, assignee_id, organization_id, flags on tickets
    for each row when (old.group_id is distinct from new.group_id or old.assignee_id is distinct from new.assignee_id
                       or old.organization_id is distinct from new.organization_id or old.flags is distinct from new.flags)
    execute function tickets_sla_fields();

create index ticket_slas_flags on ticket_slas using gin (flags) where stage = 'active';
