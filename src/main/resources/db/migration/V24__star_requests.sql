-- TKT-7 STAR: a channel manager's or sales person's request for a support manager's attention on a ticket
create table star_requests (
    id               bigint generated always as identity primary key,
    ticket_id        bigint      not null references tickets (id),
    requested_by     bigint      not null references users (id),
    urgency          text        not null check (urgency in ('not_urgent', 'timely', 'urgent')),
    plan             text        not null check (length(plan) <= 4000),
    reason           text        not null check (length(reason) <= 4000),
    desired_result   text        not null check (length(desired_result) <= 4000),
    assignee_id      bigint      not null references users (id),
    respond_by       timestamptz not null,
    status           text        not null default 'starred' check (status in ('starred', 'unstarred')),
    unstar_reason    text        check (length(unstar_reason) <= 4000),
    alternative_path text        check (length(alternative_path) <= 4000),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check (status = 'starred' or unstar_reason is not null)
);

-- one open STAR per ticket, even when two requests race
create unique index star_requests_one_open_per_ticket on star_requests (ticket_id) where status = 'starred';
create index star_requests_ticket on star_requests (ticket_id, id);
