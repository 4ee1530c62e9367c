-- Bulk seed for bench/run-1m.sh (issue #4): :tickets tickets with :comments comments each, and their SLA clocks,
-- over the directory TicketLoad seeded (and the few tickets its short load created, whose entitlement documents are
-- reused). Plain SQL, single session.
--
-- Triggers: with session_replication_role = replica neither the V21 search triggers nor the foreign-key triggers run
-- (each comment insert would otherwise UPDATE its ticket row: 5M row rewrites). Instead the search vectors are
-- written in the ticket INSERT itself: every text (subject, description, comment) is one of 100k pre-built
-- "sentences" whose tsvector is computed once, and a ticket's vectors are the weighted concatenation of its
-- sentences' vectors, the same lexemes and weights V21's ticket_search_document gives (positions differ only by the
-- separator). The ids come from the seeded directory, so the skipped FK checks cannot be violated.
\timing on
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';
select setseed(0.4);

create temporary table vocab as
select array['license', 'renewal', 'upgrade', 'install', 'cluster', 'node', 'replication', 'backup', 'restore', 'timeout',
             'certificate', 'ssl', 'proxy', 'login', 'password', 'reset', 'invoice', 'billing', 'subscription', 'partner',
             'customer', 'server', 'database', 'migration', 'error', 'crash', 'slow', 'performance', 'memory', 'disk',
             'network', 'firewall', 'port', 'connection', 'refused', 'lag', 'index', 'query', 'report', 'dashboard',
             'export', 'import', 'api', 'token', 'webhook', 'integration', 'plugin', 'version', 'patch', 'release',
             'kubernetes', 'docker', 'helm', 'chart', 'pod', 'restart', 'logs', 'attached', 'please', 'urgent',
             'production', 'staging', 'outage', 'degraded', 'failover', 'primary', 'standby', 'quorum', 'snapshot',
             'volume', 'encryption', 'key', 'rotation', 'audit', 'compliance', 'sso', 'saml', 'ldap', 'group', 'role',
             'permission', 'denied', 'quota', 'limit', 'exceeded', 'latency', 'spike', 'cpu', 'thread', 'deadlock',
             'upgrade', 'rollback', 'schema', 'config', 'setting', 'email', 'notification', 'alert', 'monitoring',
             'metrics', 'grafana', 'prometheus', 'agent', 'collector', 'pipeline', 'deploy', 'terraform', 'ansible',
             'window', 'maintenance', 'scheduled', 'question', 'documentation', 'workaround', 'fixed', 'thanks'] as w;

-- 100k sentences of 8..15 words, plus one rarer token (one of 20k "hostnames") in every fourth one
create temporary table sentences as
select i, body, to_tsvector('english', body) as v
  from (select i, array_to_string(array(select (select w from vocab)[1 + floor(random() * 120)::int]
                                          from generate_series(1, 8 + (i % 8))), ' ')
                  || case when i % 4 = 0 then ' host' || (i * 7 % 20000) else '' end as body
          from generate_series(1, 100000) i) s;
alter table sentences add primary key (i);

create aggregate pg_temp.tsv_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');

-- who can ask: end users with their organization; who answers: agents; where: groups; which form and entitlement:
-- from the tickets TicketLoad created through the API
create temporary table askers as
select row_number() over (order by u.id) as n, u.id as user_id, m.organization_id
  from users u left join lateral (select organization_id from organization_memberships m where m.user_id = u.id limit 1) m on true
 where u.role = 'end-user';
create temporary table agents as select row_number() over (order by id) as n, id from users where role in ('agent', 'admin');
create temporary table desk_groups as select row_number() over (order by id) as n, id from groups;
create temporary table samples as
select row_number() over (order by id) as n, ticket_form_id, entitlement, flags from (select * from tickets order by id limit 200) t;
select (select count(*) from askers) askers, (select count(*) from agents) agents, (select count(*) from desk_groups) groups,
       (select count(*) from samples) samples;

-- the ticket plan: ids after the existing ones, texts as sentence numbers, comments as k = 1..:comments
create temporary table plan as
select g as n,
       (select max(id) from tickets) + g as id,
       1 + (g * 7 % 100000) as s_subject, 1 + (g * 13 % 100000) as s_desc,
       1 + floor(random() * (select count(*) from askers))::int as asker,
       1 + floor(random() * (select count(*) from samples))::int as sample,
       random() as r_status, random() as r_priority, random() as r_assign, random() as r_age
  from generate_series(1, :tickets) g;

insert into tickets (id, subject, description, status, priority, type, ticket_form_id, requester_id, submitter_id,
                     organization_id, assignee_id, group_id, tags, custom_fields, collaborator_ids, entitlement, flags,
                     created_at, updated_at, search_vector, public_search_vector)
select p.id, left(sub.body, 200), des.body,
       case when p.r_status < 0.08 then 'new' when p.r_status < 0.30 then 'open' when p.r_status < 0.40 then 'pending'
            when p.r_status < 0.43 then 'hold' when p.r_status < 0.63 then 'solved' else 'closed' end,
       case when p.r_priority < 0.05 then 'urgent' when p.r_priority < 0.25 then 'high' when p.r_priority < 0.85 then 'normal'
            else 'low' end,
       (array['problem', 'incident', 'question', 'task'])[1 + p.n % 4],
       s.ticket_form_id, a.user_id, a.user_id, a.organization_id,
       case when p.r_status >= 0.08 and p.r_assign < 0.9 then (select id from agents where agents.n = 1 + p.n % (select count(*) from agents)) end,
       (select id from desk_groups where desk_groups.n = 1 + p.n % greatest(1, (select count(*) from desk_groups))),
       '{}', '{}', '{}', s.entitlement,
       case when p.n % 50 = 0 then array['clarify'] when p.n % 97 = 0 then array['needs_org'] else s.flags end,
       now() - (p.r_age * interval '365 days'), now() - (p.r_age * interval '365 days') + interval '2 hours',
       setweight(sub.v, 'A') || setweight(des.v || c.all_v, 'B'),
       setweight(sub.v, 'A') || setweight(des.v || c.public_v, 'B')
  from plan p
  join sentences sub on sub.i = p.s_subject
  join sentences des on des.i = p.s_desc
  join askers a on a.n = p.asker
  join samples s on s.n = p.sample
  cross join lateral (select pg_temp.tsv_agg(cs.v order by k) as all_v,
                             coalesce(pg_temp.tsv_agg(cs.v order by k) filter (where (p.n + k) % 4 <> 0), '') as public_v
                        from generate_series(1, :comments) k
                        join sentences cs on cs.i = 1 + ((p.n * 31 + k * 7919) % 100000)) c;

insert into ticket_comments (ticket_id, author_id, body, public, created_at)
select p.id, case when k % 2 = 1 then a.user_id else (select id from agents where agents.n = 1 + (p.n + k) % (select count(*) from agents)) end,
       cs.body, (p.n + k) % 4 <> 0, t.created_at + k * interval '1 hour'
  from plan p
  join askers a on a.n = p.asker
  join tickets t on t.id = p.id
  cross join generate_series(1, :comments) k
  join sentences cs on cs.i = 1 + ((p.n * 31 + k * 7919) % 100000);

-- SLA clocks: an active first-reply clock on most new/open tickets (about 30% of all), 1% of them already overdue
-- (the desk's breach scan marks those within its interval); achieved clocks on half of the solved/closed ones
insert into ticket_slas (ticket_id, policy, support_level, priority, metric, stage, calendar, target_minutes, started_at,
                         breach_at, achieved_at, created_at, updated_at, group_id, assignee_id, organization_id, flags)
select t.id, 'bench', case when t.id % 3 = 0 then 'priority' else 'standard' end, t.priority, 'first_reply_time',
       case when t.status in ('new', 'open') then 'active' else 'achieved' end,
       'calendar', 480, t.created_at,
       case when t.status in ('new', 'open')
            then case when t.id % 100 = 1 then now() - (t.id % 120) * interval '1 minute'
                      else now() + (t.id % 4320) * interval '1 minute' end
            else t.created_at + interval '8 hours' end,
       case when t.status in ('new', 'open') then null else t.created_at + interval '1 hour' end,
       t.created_at, t.created_at, t.group_id, t.assignee_id, t.organization_id, -- V29's copies (its trigger is off here)
       t.flags -- V60's copy: the flag queues read a clock's flags (without it "clarify" had no clocked tickets)
  from tickets t
 where t.id > (select min(id) - 1 from plan)
   and ((t.status in ('new', 'open') and t.id % 10 <> 0) or (t.status in ('solved', 'closed') and t.id % 2 = 0));

select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets));
set session_replication_role = origin;
vacuum analyze tickets;
vacuum analyze ticket_comments;
vacuum analyze ticket_slas;
