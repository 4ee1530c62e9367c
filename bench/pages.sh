#!/usr/bin/env bash
# Page benchmark (issue #14, UI-1 budgets): server time p95 <= 50 ms and <= 15 SQL statements for the agent queue, a
# ticket page with 50 comments and search results; first visit <= 150 KB transferred, later visits <= 30 KB.
# Starts the desk with partnerdesk.bench.query-count=true (each answer sends X-Query-Count and Server-Timing), signs in
# through the form and runs bench/PageLoad.java against 127.0.0.1. Not run in CI.
#   bash bench/pages.sh --small   # fresh desk with the demo data under bench/var-pages, signed in as the demo agent
#   bash bench/pages.sh           # the 1M-ticket desk of bench/run-1m.sh (bench/var1m, kept): `bash bench/run-1m.sh --reuse` first
# REQUESTS per page (default 300), CLIENTS at a time (default 4), SEARCH (the words searched), MAX_SECONDS per page (60).
# PAGES: agent (default), portal, ops, or a comma list. On the 1M desk, portal and ops first add bench/seed-ops.sql once
# (100k partner organizations and their operations rows; an Open partner who filed 2,000 tickets for customers, signed in
# with the admin's password, which the bench copies onto them: psql needed).
# Build the jar of the commit to measure first (mvn -q package -DskipTests): bench/desk.sh reuses target/partnerdesk-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-300} CLIENTS=${CLIENTS:-4} MAX_SECONDS=${MAX_SECONDS:-60} PAGES=${PAGES:-agent}
TOKEN="bench-admin-token"
if [ "${1:-}" = --small ]; then
  DATA="bench/var-pages" PORT=${BENCH_PORT:-18091} REUSE=false
  EMAIL="sue.support@partnerdesk.test" SEARCH=${SEARCH:-runners}
else
  DATA="bench/var1m" PORT=${BENCH_PORT:-18090} REUSE=true
  EMAIL="admin@partnerdesk.test" SEARCH=${SEARCH:-timeout}
  [ -f "$DATA/seeded-1m" ] || { echo "no 1M-ticket desk in $DATA: run 'bash bench/run-1m.sh --reuse' once first"; exit 1; }
fi
URL="http://127.0.0.1:$PORT"

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

# The demo data's start-up writes a password for each demo user that exists, the admin included, to
# $DATA/demo-credentials.txt (on the 1M desk, whose directory is not the demo's, only the file is written): the bench
# signs in with it like a person would.
DESK_START_SECONDS=${DESK_START_SECONDS:-600}
DESK_ARGS="--partnerdesk.bench.query-count=true --partnerdesk.demo-data=true ${DESK_ARGS:-}"
. bench/desk.sh
start_desk bench/desk-pages.log

for _ in $(seq 1 "$DESK_START_SECONDS"); do
  [ -f "$DATA/demo-credentials.txt" ] && break
  sleep 1
done
password() { awk -v e="$1" '$1 == e {print $3}' "$DATA/demo-credentials.txt"; }
PASSWORD=$(password "$EMAIL")
[ -n "$PASSWORD" ] || { echo "no password for $EMAIL in $DATA/demo-credentials.txt; see bench/desk-pages.log"; exit 1; }
ADMIN_PASSWORD=$(password admin@partnerdesk.test)

if [ "$REUSE" = true ] && [[ "$PAGES" == *portal* || "$PAGES" == *ops* ]]; then
  command -v psql >/dev/null || { echo "psql is required for the portal and ops pages on the 1M desk"; exit 1; }
  PGPORT=$(grep -ho 'listening on IPv4 address "127.0.0.1", port [0-9]*' $(find "$DATA" -name pg.log) | tail -n 1 | awk '{print $NF}')
  PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d partnerdesk)
  if [ ! -f "$DATA/seeded-ops" ]; then
    "${PSQL[@]}" -f bench/seed-ops.sql
    touch "$DATA/seeded-ops"
  fi
  PORTAL_EMAIL=contact@p000004.bench.test
  "${PSQL[@]}" -c "insert into user_passwords (user_id, password_hash) select u.id, p.password_hash from users u,
    user_passwords p join users a on a.id = p.user_id where u.email = '$PORTAL_EMAIL' and a.email = 'admin@partnerdesk.test'
    on conflict (user_id) do update set password_hash = excluded.password_hash"
  PORTAL_PASSWORD=$ADMIN_PASSWORD
  CUSTOMER_EMAIL=$("${PSQL[@]}" -Atc "select r.email from tickets t join users r on r.id = t.requester_id
    join users p on p.id = t.submitter_id where p.email = '$PORTAL_EMAIL' and r.role = 'end-user' order by t.id desc limit 1")
else
  PORTAL_EMAIL=sam@resellco.test PORTAL_PASSWORD=$(password sam@resellco.test) CUSTOMER_EMAIL=ann@acme.test
fi

"$JAVA" -Dpages="$PAGES" -Dportal.email="$PORTAL_EMAIL" -Dportal.password="${PORTAL_PASSWORD:-}" -Dcustomer.email="$CUSTOMER_EMAIL" \
  -Dops.email=admin@partnerdesk.test -Dops.password="$ADMIN_PASSWORD" \
  bench/PageLoad.java "$URL" "$EMAIL" "$PASSWORD" admin@partnerdesk.test "$TOKEN" "$REQUESTS" "$CLIENTS" "$SEARCH" "$MAX_SECONDS"
