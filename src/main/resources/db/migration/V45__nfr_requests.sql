-- PO-3 [003]: the certification register, per partner: who holds which certification, since when
create table certifications (
    id               bigint generated always as identity primary key,
    organization_id  bigint      not null references organizations (id),
    user_id          bigint      not null references users (id),
    kind             text        not null check (kind in ('sales_core', 'solution_architect', 'professional_services_engineer')),
    passed_on        date        not null,
    expires_on       date,
    recorded_by      bigint      references users (id),
    created_at       timestamptz not null default now(),
    unique (user_id, kind),
    check (expires_on is null or expires_on >= passed_on)
);
create index certifications_org on certifications (organization_id, id);

-- PO-3 [003]: a partner's NFR request, the eligibility decided when it arrived (with each requirement), and its fate
create table nfr_requests (
    id                    bigint generated always as identity primary key,
    organization_id       bigint      not null references organizations (id),
    submitter_id          bigint      not null references users (id),
    plan                  text        not null check (plan in ('free', 'starter', 'premium', 'ultimate')),
    users                 integer     not null check (users > 0),
    deployment            text        not null check (deployment in ('self_managed', 'saas')),
    comment               text        check (length(comment) <= 4000),
    status                text        not null check (status in ('awaiting_fulfilment', 'ineligible', 'fulfilled', 'superseded')),
    eligibility           jsonb       not null,
    nfr_license_id        bigint      references nfr_licenses (id),
    fulfilled_by          bigint      references users (id),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check (status not in ('fulfilled', 'superseded') or nfr_license_id is not null)
);
create index nfr_requests_org on nfr_requests (organization_id, id);
create index nfr_requests_license on nfr_requests (nfr_license_id);

-- PO-4 [003]: a channel manager's exception to the NFR policy, on a partner's standard request
create table nfr_exceptions (
    id                      bigint generated always as identity primary key,
    nfr_request_id          bigint      not null references nfr_requests (id),
    organization_id         bigint      not null references organizations (id),
    requested_by            bigint      not null references users (id),
    channel_director_id     bigint      not null references users (id),
    users                   integer     not null check (users > 0),
    business_justification  text        not null check (length(business_justification) between 1 and 4000),
    status                  text        not null check (status in ('pending', 'approved', 'declined', 'fulfilled')),
    nfr_license_id          bigint      references nfr_licenses (id),
    fulfilled_by            bigint      references users (id),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    check (status <> 'fulfilled' or nfr_license_id is not null)
);
-- one live exception per standard request, even when two channel managers race
create unique index nfr_exceptions_one_open_per_request on nfr_exceptions (nfr_request_id) where status in ('pending', 'approved');

-- PO-4: each director decides once, in one capacity; each capacity is filled once
create table nfr_exception_decisions (
    id                bigint generated always as identity primary key,
    nfr_exception_id  bigint      not null references nfr_exceptions (id),
    decided_by        bigint      not null references users (id),
    capacity          text        not null check (capacity in ('programs_director', 'channel_director')),
    verdict           text        not null check (verdict in ('approve', 'decline')),
    comment           text        check (length(comment) <= 4000),
    decided_at        timestamptz not null,
    unique (nfr_exception_id, decided_by),
    unique (nfr_exception_id, capacity)
);

-- PO-3 renewals: one renewal (Select) or one reminder (Open and others) per expiring license, however often the job runs
create table nfr_renewals (
    nfr_license_id      bigint      primary key references nfr_licenses (id),
    action              text        not null check (action in ('renewed', 'reminded')),
    renewed_license_id  bigint      references nfr_licenses (id),
    created_at          timestamptz not null default now()
);

-- every NFR transition (and certification change): who, what, the values, in the same transaction
create table nfr_audits (
    id           bigint generated always as identity primary key,
    actor_id     bigint,
    entity       text        not null,
    entity_id    bigint      not null,
    action       text        not null,
    changes      jsonb       not null default '{}',
    created_at   timestamptz not null default now()
);
create index nfr_audits_entity on nfr_audits (entity, entity_id, id);

-- the renewal job looks for licenses by their last day
create index nfr_licenses_ends_on on nfr_licenses (ends_on);
