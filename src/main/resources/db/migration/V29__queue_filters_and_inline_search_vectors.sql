-- Two read paths at 1M tickets (docs/benchmarks.md).

-- TKT-6: a common word's search walks the newest tickets testing each one's vector. With the default storage a vector
-- lives out of line in the TOAST table once the row passes 2 kB (most do), which costs about five buffer reads per
-- row. MAIN keeps it compressed in the row; other columns (the entitlement JSON) move out first. New and rewritten
-- rows only; existing rows keep their place until updated.
alter table tickets alter column search_vector set storage main,
                    alter column public_search_vector set storage main;

-- TKT-5: filtered queues in SLA order walked every running clock in due order and looked up each ticket to test
-- the filter, so a group holding a ninth of the tickets cost ~9 ticket lookups per listed row (13-23 ms p95, 100+ ms
-- under load). Each clock now carries its ticket's group, assignee and organization, kept by the database so no write
-- path can forget them, and the queue reads the matching clocks straight from an index in due order.
alter table ticket_slas add column group_id bigint,
                        add column assignee_id bigint,
                        add column organization_id bigint;

update ticket_slas s
   set group_id = t.group_id, assignee_id = t.assignee_id, organization_id = t.organization_id
  from tickets t
 where t.id = s.ticket_id;

create function ticket_slas_ticket_fields() returns trigger language plpgsql as $$
begin
    select t.group_id, t.assignee_id, t.organization_id
      into new.group_id, new.assignee_id, new.organization_id
      from tickets t where t.id = new.ticket_id;
    return new;
end
$$;

create trigger ticket_slas_ticket_fields before insert on ticket_slas
    for each row execute function ticket_slas_ticket_fields();

-- only the clock still awaited (at most one per ticket, V20's ticket_slas_one_awaited_reply) is ever listed
create function tickets_sla_fields() returns trigger language plpgsql as $$
begin
    update ticket_slas
       set group_id = new.group_id, assignee_id = new.assignee_id, organization_id = new.organization_id
     where ticket_id = new.id and achieved_at is null;
    return null;
end
$$;

create trigger tickets_sla_fields after update of group_id, assignee_id, organization_id on tickets
    for each row when (old.group_id is distinct from new.group_id or old.assignee_id is distinct from new.assignee_id
                       or old.organization_id is distinct from new.organization_id)
    execute function tickets_sla_fields();

create index ticket_slas_group_due on ticket_slas (group_id, breach_at) where stage = 'active';
create index ticket_slas_assignee_due on ticket_slas (assignee_id, breach_at) where stage = 'active';
create index ticket_slas_organization_due on ticket_slas (organization_id, breach_at) where stage = 'active';
