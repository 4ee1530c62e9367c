#!/usr/bin/env bash
# Issue #17 item 2 on the 1M desk: GET /tags, the lists per owner and show_many, over HTTP (bench/QueryLoad.java).
# Reuses the data of bench/run-1m.sh (run `bash bench/run-1m.sh --reuse` once first), tags a fifth of the tickets through
# plain SQL (the V97 trigger counts them, so the UPDATE's time is the trigger's cost too), then measures. Not run in CI.
#   bash bench/lists-1m.sh
#   SECONDS_PER_LEVEL=10 LEVELS=1,8 bash bench/lists-1m.sh
# Needs psql on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-15} LEVELS=${LEVELS:-1,8}
REUSE=true
PORT=${BENCH_PORT:-18090}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var1m"

command -v psql >/dev/null || { echo "psql is required (e.g. apt-get install postgresql-client); stopping."; exit 1; }
[ -f "$DATA/seeded-1m" ] || { echo "no 1M desk in $DATA: run 'bash bench/run-1m.sh --reuse' first; stopping."; exit 1; }
. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

. bench/desk.sh
start_desk bench/desk-lists.log

PGPORT=$(grep -ho 'listening on IPv4 address "127.0.0.1", port [0-9]*' $(find "$DATA" -name pg.log) | tail -n 1 | awk '{print $NF}')
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d partnerdesk)

if [ ! -f "$DATA/tagged-1m" ]; then
  started=$(date +%s)
  "${PSQL[@]}" -c "update tickets set tags = array['tag' || (id % 500), 'tier' || (id % 7)] where id % 5 = 0 and tags = '{}'"
  echo "tagged a fifth of the tickets (V97 trigger counting) in $(( $(date +%s) - started )) s"
  touch "$DATA/tagged-1m"
fi
"${PSQL[@]}" -c "select count(*) tags, sum(count) taggings from ticket_tag_counts where count > 0"

ORGANIZATION=$("${PSQL[@]}" -Atc "select organization_id from tickets where organization_id is not null group by 1 order by count(*) desc limit 1")
REQUESTER=$("${PSQL[@]}" -Atc "select requester_id from tickets group by 1 order by count(*) desc limit 1")
USERS=$("${PSQL[@]}" -Atc "select string_agg(id::text, ',') from (select id from users order by id limit 100) u")
ORGS=$("${PSQL[@]}" -Atc "select string_agg(id::text, ',') from (select id from organizations order by id limit 100) o")
AFTER=$(printf 'id:%s' "$("${PSQL[@]}" -Atc "select percentile_disc(0.9) within group (order by id) from tickets where organization_id = $ORGANIZATION")" \
  | base64 | tr '+/' '-_' | tr -d '=')
"$JAVA" -Dpaths="GET /tags=>/api/v2/tags|organization $ORGANIZATION tickets, first page=>/api/v2/organizations/$ORGANIZATION/tickets|\
organization tickets, a page at 90%=>/api/v2/organizations/$ORGANIZATION/tickets?page[after]=$AFTER|\
requester $REQUESTER tickets=>/api/v2/users/$REQUESTER/tickets/requested|ccd of the requester=>/api/v2/users/$REQUESTER/tickets/ccd|\
users/show_many 100 ids=>/api/v2/users/show_many?ids=$USERS|organizations/show_many 100 ids=>/api/v2/organizations/show_many?ids=$ORGS" \
  bench/QueryLoad.java "$URL" admin@partnerdesk.test "$TOKEN" "$SECONDS_PER_LEVEL" "$LEVELS"
