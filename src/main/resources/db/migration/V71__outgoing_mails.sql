-- NTF-1, issue #12: without a mail server every outgoing mail is kept (the .eml under PARTNERDESK_DATA_DIR/mail) and
-- listed for admins; one row per Message-ID, so a retried notification is kept once
create table outgoing_mails (
    id          bigserial   primary key,
    message_id  text        not null unique,
    sender      text        not null,
    recipients  text[]      not null,
    cc          text[]      not null default '{}',
    subject     text        not null,
    body        text        not null,
    file_name   text        not null,
    created_at  timestamptz not null default now()
);
