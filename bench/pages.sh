#!/usr/bin/env bash
# Page benchmark (issue #14, UI-1 budgets): server time p95 <= 50 ms and <= 15 SQL statements for the agent queue, a
# ticket page with 50 comments and search results; first visit <= 150 KB transferred, later visits <= 30 KB.
# Starts the desk with partnerdesk.bench.query-count=true (each answer sends X-Query-Count and Server-Timing), signs in
# through the form and runs bench/PageLoad.java against 127.0.0.1. Not run in CI.
#   bash bench/pages.sh --small   # fresh desk with the demo data under bench/var-pages, signed in as the demo agent
#   bash bench/pages.sh           # the 1M-ticket desk of bench/run-1m.sh (bench/var1m, kept): `bash bench/run-1m.sh --reuse` first
# REQUESTS per page (default 300), CLIENTS at a time (default 4), SEARCH (the words searched), MAX_SECONDS per page (60).
# Build the jar of the commit to measure first (mvn -q package -DskipTests): bench/desk.sh reuses target/partnerdesk-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-300} CLIENTS=${CLIENTS:-4} MAX_SECONDS=${MAX_SECONDS:-60}
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
PASSWORD=$(awk -v e="$EMAIL" '$1 == e {print $3}' "$DATA/demo-credentials.txt")
[ -n "$PASSWORD" ] || { echo "no password for $EMAIL in $DATA/demo-credentials.txt; see bench/desk-pages.log"; exit 1; }

"$JAVA" bench/PageLoad.java "$URL" "$EMAIL" "$PASSWORD" admin@partnerdesk.test "$TOKEN" "$REQUESTS" "$CLIENTS" "$SEARCH" "$MAX_SECONDS"
