-- Issue #17: GET /tags answers the most used tags from this small table instead of counting the tags of every ticket
-- (a scan of 1M tickets per call). A trigger keeps it, so every path that writes tags (intake, PUT, the tags endpoints,
-- bulk updates, deletion and restore) counts alike; a deleted ticket's tags (V95 deleted_at) do not count.
create table ticket_tag_counts (
    name  text primary key,
    count bigint not null
);
create index ticket_tag_counts_most_used on ticket_tag_counts (count desc, name) where count > 0;

create function count_ticket_tags() returns trigger language plpgsql as $$
declare
    before_tags text[] := '{}';
    after_tags  text[] := '{}';
begin
    if tg_op <> 'INSERT' and old.deleted_at is null then
        before_tags := old.tags;
    end if;
    if tg_op <> 'DELETE' and new.deleted_at is null then
        after_tags := new.tags;
    end if;
    -- in name order, so two transactions changing the same tags lock their rows in one order (no deadlock)
    insert into ticket_tag_counts as c (name, count)
    select name, delta
      from (select name, sum(delta) as delta
              from ((select distinct unnest(after_tags) as name, 1 as delta)
                    union all
                    (select distinct unnest(before_tags), -1)) changes
             group by name) d
     where delta <> 0
     order by name
    on conflict (name) do update set count = c.count + excluded.count;
    return null;
end
$$;

create trigger tickets_count_tags after insert on tickets
    for each row when (cardinality(new.tags) > 0) execute function count_ticket_tags();
create trigger tickets_recount_tags after update of tags, deleted_at on tickets
    for each row when (old.tags is distinct from new.tags or (old.deleted_at is null) <> (new.deleted_at is null))
    execute function count_ticket_tags();
create trigger tickets_uncount_tags after delete on tickets
    for each row when (cardinality(old.tags) > 0) execute function count_ticket_tags();

insert into ticket_tag_counts (name, count)
select name, count(*)
  from (select distinct id, unnest(tags) as name from tickets where deleted_at is null and cardinality(tags) > 0) tagged
 group by name;
