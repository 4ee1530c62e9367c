-- Issue #17 item 3: a bulk request (create_many, update_many) is a job: its records wait here until the job runs, and
-- each record's result is written in the record's own transaction, so a restart resumes after the last record done
create table job_statuses (
    id          text primary key,
    job_type    text        not null,
    started_by  bigint      not null references users (id),
    actor       jsonb       not null,
    records     jsonb       not null,
    total       integer     not null,
    status      text        not null default 'queued' check (status in ('queued', 'working', 'completed', 'failed')),
    message     text,
    created_at  timestamptz not null default now(),
    started_at  timestamptz,
    finished_at timestamptz
);
create index job_statuses_started_by on job_statuses (started_by, created_at desc);

create table job_status_results (
    job_id  text    not null references job_statuses (id) on delete cascade,
    index   integer not null,
    id      bigint,
    status  text    not null check (status in ('Created', 'Updated', 'Failed')),
    error   text,
    details text,
    rule    text,
    primary key (job_id, index)
);
