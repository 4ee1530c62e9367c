-- Bench seed for the console benchmarks (issues #15 and #16), over the 1M-ticket desk of bench/run-1m.sh: 100k partner
-- organizations, each with its contact, the partner-operations rows the /ops lists show (applications, access requests,
-- certifications, NFR requests, licenses and exceptions, billing accounts, subscriptions), and one Open partner who filed
-- 2,000 of the existing tickets for their customers (the portal's "For my customers"). Plain SQL, one transaction; run
-- once by bench/pages.sh (marker file seeded-ops). Every text is what the product itself writes, so the pages render it.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
begin;
select setseed(0.16);

create temporary table bench_partners as
select i, 'Bench Partner ' || lpad(i::text, 6, '0') as name, 'Contact ' || lpad(i::text, 6, '0') as contact,
       (array['open', 'select', 'alliance', 'distributor'])[1 + i % 4] as track,
       'p' || lpad(i::text, 6, '0') || '.bench.test' as domain
  from generate_series(1, 100000) i;

insert into organizations (name, org_type, partner_track, track_compliant, domain_names, created_at, updated_at)
select name, 'partner', track, i % 10 <> 0, array[domain], now() - i * interval '5 minutes', now() - i * interval '5 minutes'
  from bench_partners;
alter table bench_partners add column org_id bigint, add column user_id bigint;
update bench_partners b set org_id = o.id from organizations o where lower(o.name) = lower(b.name);

insert into users (name, email, role, contact_side, created_at, updated_at)
select contact, 'contact@' || domain, 'end-user', 'partner', now() - i * interval '5 minutes', now() - i * interval '5 minutes'
  from bench_partners;
update bench_partners b set user_id = u.id from users u where lower(u.email) = 'contact@' || b.domain;
insert into organization_memberships (user_id, organization_id) select user_id, org_id from bench_partners;

-- staff who decide: a Channel Manager and a Channel Director (PO-4)
insert into users (name, email, role) values ('Bench Channel Manager', 'cm@bench.test', 'agent'),
                                            ('Bench Channel Director', 'cd@bench.test', 'agent');
insert into group_memberships (user_id, group_id)
select u.id, g.id from users u join groups g on (u.email, g.name) in (('cm@bench.test', 'Channel Managers'), ('cd@bench.test', 'Channel Directors'));

-- PO-1: every partner signed up and was approved; 300 newer companies wait for review with their questions
insert into partner_applications (company, contact_name, contact_email, authorized_signatory, agreement, channel, status,
                                  organization_id, user_id, created_at, updated_at)
select name, contact, 'contact@' || domain, true, 'accept', 'sign_up', 'approved', org_id, user_id,
       now() - i * interval '5 minutes', now() - i * interval '5 minutes'
  from bench_partners;
insert into partner_applications (company, contact_name, contact_email, authorized_signatory, agreement, questions, channel,
                                  status, created_at, updated_at)
select 'Bench Applicant ' || i, 'Applicant ' || i, 'applicant' || i || '@a' || i || '.bench.test', false, 'questions',
       'May we redline clause 4 of the agreement?', 'sign_up', 'in_review', now() - i * interval '1 minute', now() - i * interval '1 minute'
  from generate_series(1, 300) i;

-- PO-2: 300 people wait for portal access at a partner, 20k were let in
insert into portal_access_requests (organization_id, name, email, status, created_at, updated_at)
select org_id, 'Colleague ' || i, 'colleague' || i || '@' || domain, case when i <= 300 then 'pending' else 'approved' end,
       now() - i * interval '2 minutes', now() - i * interval '2 minutes'
  from bench_partners where i <= 20300;

-- the certification register: each contact holds Sales Core, every third Solution Architect too
insert into certifications (organization_id, user_id, kind, passed_on, expires_on)
select org_id, user_id, 'sales_core', date '2026-01-10', date '2028-01-10' from bench_partners;
insert into certifications (organization_id, user_id, kind, passed_on, expires_on)
select org_id, user_id, 'solution_architect', date '2026-03-01', date '2028-03-01' from bench_partners where i % 3 = 0;

-- PO-3: NFR licenses for every third partner, each from a fulfilled request; 500 requests await fulfilment, 20k were ineligible
insert into nfr_licenses (organization_id, plan, users, starts_on, ends_on)
select org_id, 'premium', 10, date '2026-06-01', date '2027-06-01' from bench_partners where i % 3 = 0;
create temporary table eligibility as
select '{"requirements":[{"code":"partner_track","met":true,"fact":"The partner is on an NFR track","how_to_meet":null},'
       '{"code":"good_standing","met":true,"fact":"The partner is in good standing with its track''s requirements","how_to_meet":null},'
       '{"code":"certification","met":true,"fact":"The partner holds a valid certification","how_to_meet":null},'
       '{"code":"user_allowance","met":true,"fact":"10 users are within the track''s allowance","how_to_meet":null}]}'::jsonb as met,
       '{"requirements":[{"code":"partner_track","met":true,"fact":"The partner is on an NFR track","how_to_meet":null},'
       '{"code":"good_standing","met":false,"fact":"The partner is not compliant with its track''s requirements",'
       '"how_to_meet":"Meet your track''s requirements and ask Partner Operations to confirm your good standing."},'
       '{"code":"certification","met":true,"fact":"The partner holds a valid certification","how_to_meet":null},'
       '{"code":"user_allowance","met":true,"fact":"10 users are within the track''s allowance","how_to_meet":null}]}'::jsonb as missing;
insert into nfr_requests (organization_id, submitter_id, plan, users, deployment, status, eligibility, nfr_license_id, created_at, updated_at)
select b.org_id, b.user_id, 'premium', 10, 'self_managed', 'fulfilled', e.met, l.id, now() - b.i * interval '7 minutes', now() - b.i * interval '7 minutes'
  from bench_partners b join nfr_licenses l on l.organization_id = b.org_id cross join eligibility e;
insert into nfr_requests (organization_id, submitter_id, plan, users, deployment, status, eligibility, created_at, updated_at)
select org_id, user_id, 'premium', 10, 'saas', case when i % 3 = 1 and i <= 1500 then 'awaiting_fulfilment' else 'ineligible' end,
       case when i % 3 = 1 and i <= 1500 then e.met else e.missing end, now() - i * interval '3 minutes', now() - i * interval '3 minutes'
  from bench_partners cross join eligibility e where i % 3 <> 0 and (i <= 1500 or i % 10 = 0);

-- PO-4: 200 exceptions await the Channel Director's decision, 2,000 were fulfilled or declined
insert into nfr_exceptions (nfr_request_id, organization_id, requested_by, channel_director_id, users, business_justification,
                            status, nfr_license_id, created_at, updated_at)
select r.id, r.organization_id, cm.id, cd.id, 25, 'A joint launch needs a demo lab for 25 engineers this quarter.',
       case when r.rn <= 200 then 'pending' else 'declined' end, null, now() - r.rn * interval '11 minutes', now() - r.rn * interval '11 minutes'
  from (select id, organization_id, row_number() over (order by id) rn from nfr_requests where status = 'fulfilled') r,
       users cm, users cd
 where cm.email = 'cm@bench.test' and cd.email = 'cd@bench.test' and r.rn <= 2200;

-- PO-5: billing accounts: 200 requested, 100 provisioning, 20k active
insert into billing_accounts (organization_id, entity_name, contact_user_id, contact_name, contact_email, contact_address, status,
                              requested_by, created_by, provisioning_at, activates_at, activated_at, created_at, updated_at)
select b.org_id, b.name || ' Ltd', b.user_id, b.contact, 'contact@' || b.domain, b.i || ' Channel Street, Springfield',
       case when i <= 200 then 'requested' when i <= 300 then 'provisioning' else 'active' end, cm.id,
       case when i > 200 then admin.id end, case when i > 200 then now() - interval '2 days' end,
       case when i > 200 then now() - interval '2 days' + interval '24 hours' end, case when i > 300 then now() - interval '1 day' end,
       now() - i * interval '4 minutes', now() - i * interval '4 minutes'
  from bench_partners b, users cm, users admin
 where cm.email = 'cm@bench.test' and admin.email = 'admin@partnerdesk.test' and i <= 20300;

-- subscriptions the partners hold for their own work
insert into subscriptions (organization_id, plan, seats, starts_on, ends_on)
select org_id, 'starter', 5, date '2026-01-01', date '2027-01-01' from bench_partners where i % 2 = 0;

-- ENT-1, ENT-3 (issue #15): the first Open partner's contact filed 2,000 tickets for their customers' contacts
update tickets t set submitter_id = p.user_id
  from bench_partners p
 where p.i = 4 and t.id in (select t2.id from tickets t2 join users r on r.id = t2.requester_id
                                where r.role = 'end-user' order by t2.id desc limit 2000);

commit;
analyze organizations;
analyze users;
analyze organization_memberships;
analyze partner_applications;
analyze portal_access_requests;
analyze certifications;
analyze nfr_requests;
analyze nfr_licenses;
analyze nfr_exceptions;
analyze billing_accounts;
analyze subscriptions;
select (select count(*) from organizations where org_type = 'partner') partners, (select count(*) from users) users,
       (select count(*) from tickets where submitter_id = (select id from users where email = 'contact@p000004.bench.test')) filed_for_customers;
