#!/usr/bin/env bash
# Query benchmark on a large desk (issue #4; TKT-4 SLA breach scan, TKT-5 agent queues, TKT-6 search). Not run in CI.
# Starts the desk on bench/var1m, seeds a directory through the API, bulk-loads tickets, comments and SLA clocks with
# plain SQL through psql, then measures the agent queue and keyword search over HTTP (bench/QueryLoad.java) and the
# breach scan's SQL (EXPLAIN ANALYZE and a rolled-back FOR UPDATE SKIP LOCKED run).
#   bash bench/run-1m.sh                  # 1,000,000 tickets, 5 comments each (5M), 2000 orgs / 10000 users
#   TICKETS=200000 bash bench/run-1m.sh   # smaller
#   bash bench/run-1m.sh --reuse          # keep bench/var1m and its data between runs
# Needs psql on PATH (the seed and the plans go through it).
set -euo pipefail
cd "$(dirname "$0")/.."

TICKETS=${TICKETS:-1000000} COMMENTS_PER_TICKET=${COMMENTS_PER_TICKET:-5}
ORGS=${ORGS:-2000} USERS=${USERS:-10000} SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-15} LEVELS=${LEVELS:-1,8}
REUSE=false
[ "${1:-}" = --reuse ] && REUSE=true
PORT=${BENCH_PORT:-18090}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var1m"

command -v psql >/dev/null || { echo "psql is required (e.g. apt-get install postgresql-client); stopping."; exit 1; }
. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

. bench/desk.sh
start_desk bench/desk1m.log

PGPORT=$(grep -ho 'listening on IPv4 address "127.0.0.1", port [0-9]*' $(find "$DATA" -name pg.log) | tail -n 1 | awk '{print $NF}')
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d partnerdesk)
echo "embedded PostgreSQL on port $PGPORT"

[ -f "$DATA/state.txt" ] || "$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" "$ORGS" "$USERS" "$DATA/state.txt"
if [ ! -f "$DATA/seeded-1m" ]; then
  # a few thousand real tickets through the API: the bulk seed copies their forms and entitlement documents
  "$JAVA" bench/TicketLoad.java load "$URL" "$DATA/state.txt" 3 2
  started=$(date +%s)
  "${PSQL[@]}" -v tickets="$TICKETS" -v comments="$COMMENTS_PER_TICKET" -f bench/seed-1m.sql
  echo "bulk seed: $TICKETS tickets, $((TICKETS * COMMENTS_PER_TICKET)) comments in $(( $(date +%s) - started )) s"
  touch "$DATA/seeded-1m"
fi
"${PSQL[@]}" -c "select (select count(*) from tickets) tickets, (select count(*) from ticket_comments) comments,
  (select count(*) from ticket_slas where stage = 'active') active_clocks, pg_size_pretty(pg_database_size('partnerdesk')) size"

"${PSQL[@]}" -f bench/plans-1m.sql > bench/plans-1m.txt 2>&1 || { cat bench/plans-1m.txt; exit 1; }
echo "plans written to bench/plans-1m.txt"
GROUP=$("${PSQL[@]}" -Atc "select min(id) from groups")
ORGANIZATION=$("${PSQL[@]}" -Atc "select organization_id from tickets where organization_id is not null group by 1 order by count(*) desc limit 1")
"$JAVA" -Dgroup="$GROUP" -Dorganization="$ORGANIZATION" bench/QueryLoad.java "$URL" admin@partnerdesk.test "$TOKEN" "$SECONDS_PER_LEVEL" "$LEVELS"
