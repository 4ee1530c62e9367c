-- UI-1 collision: who is on a ticket right now ("Sue is viewing", "Sue is replying"), kept in PostgreSQL so every node
-- shows the same; each open ticket page refreshes its row about every 20 s and a row older than ~45 s counts as gone.
-- No foreign keys: the rows are short-lived and belong to the console, not to the ticket or directory modules.
create table ticket_presence (
    ticket_id bigint      not null,
    user_id   bigint      not null,
    state     text        not null check (state in ('viewing', 'replying')),
    seen_at   timestamptz not null,
    primary key (ticket_id, user_id)
);
create index ticket_presence_seen_at on ticket_presence (seen_at);
