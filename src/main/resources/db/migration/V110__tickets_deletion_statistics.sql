-- Issue #19: V95 added deleted_at, deleted_by_id and purged_at without statistics, and autovacuum analyzes a big table
-- only after a tenth of it changed. Without them the planner takes "deleted_at is null" (in every queue, TKT-5) for
-- 0.5 % of the rows, expects 625 new/open tickets in 1M, and walks the queue's clocks with two parallel workers: 100+ ms
-- a first page where the walk takes 0.5 ms (docs/benchmarks.md). ANALYZE samples 30,000 rows, so this is bounded at any size.
analyze tickets (deleted_at, deleted_by_id, purged_at);
