-- PO-6 [003] partner mailbox: every message read from the mailbox, by Message-ID, so each is processed once (across
-- restarts and nodes), and replies thread into the ticket of the message they answer
create table mailbox_messages (
    message_id   text        primary key,
    mailbox      text        not null,
    sender       text,
    outcome      text        not null check (outcome in ('ticket', 'comment', 'ignored')),
    reason       text,
    ticket_id    bigint      references tickets (id),
    received_at  timestamptz not null default now()
);
create index mailbox_messages_ticket on mailbox_messages (ticket_id) where ticket_id is not null;
