-- NTF-1, issue #16: why a notification's last attempt failed, for the operations console's outbox page. Spring Modulith's
-- event_publication keeps the status and the attempts but not the reason; rows of finished publications are removed
-- by the outbox retry job.
create table outbox_failures (
    publication_id  uuid        primary key,
    reason          text        not null,
    failed_at       timestamptz not null default now()
);
