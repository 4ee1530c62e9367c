-- UI-1 operations console (#16): each inbox is counted and paged from its own few rows, never a scan of the whole table
create index nfr_requests_status on nfr_requests (status, id);
create index nfr_exceptions_status on nfr_exceptions (status, id);
-- PO-4: a Channel Director's pending exceptions, for "awaiting my decision"
create index nfr_exceptions_pending_director on nfr_exceptions (channel_director_id, id) where status = 'pending';
-- PO-5: the accounts Billing Operations have still to create
create index billing_accounts_requested on billing_accounts (id) where status = 'requested';
