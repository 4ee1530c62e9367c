-- #10 item 5: the growing delay between wrong passwords of one e-mail and client address runs from the last attempt
alter table request_limits add column last_hit_at timestamptz;
