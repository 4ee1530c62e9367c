-- EXPLAIN (ANALYZE, BUFFERS) of the three read paths of issue #4, as the desk sends them (bench/run-1m.sh).
-- Each statement runs twice so the second plan shows a warm cache.
\pset pager off
\timing on

\echo '=== TKT-5 agent queue, first page: status=new,open sort=sla_due page[size]=25 (StoredQueues.bySlaDue, clocked part) ==='
explain (analyze, buffers)
select id, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id,
                                   s.assignee_id as clock_assignee_id, s.organization_id as clock_organization_id
                              from ticket_slas s join tickets t on t.id = s.ticket_id where s.stage = 'active') tickets
 where true and status = any('{new,open}')
 order by sla_due_at, id limit 26;
explain (analyze, buffers)
select id, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id,
                                   s.assignee_id as clock_assignee_id, s.organization_id as clock_organization_id
                              from ticket_slas s join tickets t on t.id = s.ticket_id where s.stage = 'active') tickets
 where true and status = any('{new,open}')
 order by sla_due_at, id limit 26;

\echo '=== TKT-5 agent queue, filtered: status=new,open group_id=1 sort=sla_due (V29: the clock carries the group) ==='
explain (analyze, buffers)
select id, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id,
                                   s.assignee_id as clock_assignee_id, s.organization_id as clock_organization_id
                              from ticket_slas s join tickets t on t.id = s.ticket_id where s.stage = 'active') tickets
 where true and status = any('{new,open}') and clock_group_id = 1
 order by sla_due_at, id limit 26;
explain (analyze, buffers)
select id, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.group_id as clock_group_id,
                                   s.assignee_id as clock_assignee_id, s.organization_id as clock_organization_id
                              from ticket_slas s join tickets t on t.id = s.ticket_id where s.stage = 'active') tickets
 where true and status = any('{new,open}') and clock_group_id = 1
 order by sla_due_at, id limit 26;

\echo '=== TKT-5 agent queue, filtered: status=new,open flag=clarify sort=sla_due (V60: the clock carries the flags) ==='
explain (analyze, buffers)
select id, sla_due_at from (select t.*, s.breach_at as sla_due_at, s.flags as clock_flags
                              from ticket_slas s join tickets t on t.id = s.ticket_id where s.stage = 'active') tickets
 where true and status = any('{new,open}') and clock_flags @> array[cast('clarify' as text)]
 order by sla_due_at, id limit 26;

\echo '=== TKT-6 keyword search (agent vector), rare word: host4244 (StoredSearches.tickets: the newest 1,000 matches, ranked within; per_page 100) ==='
explain (analyze, buffers)
select id, count(*) over () as total, ts_rank(vector, cast('''host4244''' as tsquery)) as rank
  from (select id, created_at, updated_at, priority, status, type, search_vector as vector from tickets
         where search_vector @@ cast('''host4244''' as tsquery) order by id desc limit 1000) newest
 order by rank desc, updated_at desc, id desc limit 100 offset 0;

\echo '=== TKT-6 keyword search, phrase + word: "connection refused" host1236 ==='
explain (analyze, buffers)
select id, count(*) over () as total, ts_rank(vector, cast('''host1236'' & ''connect'' <-> ''refus''' as tsquery)) as rank
  from (select id, created_at, updated_at, priority, status, type, search_vector as vector from tickets
         where search_vector @@ cast('''host1236'' & ''connect'' <-> ''refus''' as tsquery) order by id desc limit 1000) newest
 order by rank desc, updated_at desc, id desc limit 100 offset 0;

\echo '=== TKT-6 keyword search, two common words: grafana deadlock (run twice: the second is warm) ==='
explain (analyze, buffers)
select id, count(*) over () as total, ts_rank(vector, cast('''grafana'' & ''deadlock''' as tsquery)) as rank
  from (select id, created_at, updated_at, priority, status, type, search_vector as vector from tickets
         where search_vector @@ cast('''grafana'' & ''deadlock''' as tsquery) order by id desc limit 1000) newest
 order by rank desc, updated_at desc, id desc limit 100 offset 0;
explain (analyze, buffers)
select id, count(*) over () as total, ts_rank(vector, cast('''grafana'' & ''deadlock''' as tsquery)) as rank
  from (select id, created_at, updated_at, priority, status, type, search_vector as vector from tickets
         where search_vector @@ cast('''grafana'' & ''deadlock''' as tsquery) order by id desc limit 1000) newest
 order by rank desc, updated_at desc, id desc limit 100 offset 0;

\echo '=== TKT-6 keyword search, one very common word: timeout ==='
explain (analyze, buffers)
select id, count(*) over () as total, ts_rank(vector, cast('''timeout''' as tsquery)) as rank
  from (select id, created_at, updated_at, priority, status, type, search_vector as vector from tickets
         where search_vector @@ cast('''timeout''' as tsquery) order by id desc limit 1000) newest
 order by rank desc, updated_at desc, id desc limit 100 offset 0;

\echo '=== TKT-4 breach scan: StoredSlas.dueForUpdate(now, 500) ==='
begin;
explain (analyze, buffers)
select id, ticket_id, policy, support_level, priority, metric, stage, calendar, target_minutes, started_at, breach_at,
       paused_at, paused_seconds, achieved_at, breached_at
  from ticket_slas where stage = 'active' and breach_at < now() order by breach_at limit 500 for update skip locked;
rollback;

\echo '=== TKT-4 breach scan with a backlog: everything due within the next hour counts as due ==='
select count(*) as due_within_an_hour from ticket_slas where stage = 'active' and breach_at < now() + interval '1 hour';
begin;
explain (analyze, buffers)
select id, ticket_id, policy, support_level, priority, metric, stage, calendar, target_minutes, started_at, breach_at,
       paused_at, paused_seconds, achieved_at, breached_at
  from ticket_slas where stage = 'active' and breach_at < now() + interval '1 hour' order by breach_at limit 500 for update skip locked;
rollback;

\echo '=== TKT-4 markBreaches-equivalent: batches of 500 locked and marked breached until none is due, rolled back ==='
begin;
do $$
declare
    started timestamptz := clock_timestamp();
    batch int;
    total int := 0;
    batches int := 0;
begin
    loop
        with due as (select id from ticket_slas where stage = 'active' and breach_at < now() + interval '1 hour'
                      order by breach_at limit 500 for update skip locked)
        update ticket_slas s set stage = 'breached', breached_at = now(), updated_at = now() from due where s.id = due.id;
        get diagnostics batch = row_count;
        total := total + batch;
        batches := batches + 1;
        exit when batch < 500;
    end loop;
    raise notice 'markBreaches-equivalent: % rows in % batches, % ms', total, batches,
        round(extract(epoch from clock_timestamp() - started) * 1000, 1);
end
$$;
rollback;
