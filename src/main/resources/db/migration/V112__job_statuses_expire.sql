-- Issue #17: job statuses are kept a day, as Zendesk keeps them; the hourly clean-up finds the expired ones by creation time
create index job_statuses_created_at on job_statuses (created_at);
