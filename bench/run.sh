#!/usr/bin/env bash
# Ticket-intake benchmark (issue #3): starts the desk on a fresh embedded database under bench/var,
# seeds a directory through the API, then measures ticket creation at several client counts.
#   bash bench/run.sh                 # 10k organizations, 50k users, 20 s per level, 1/8/32 clients
#   bash bench/run.sh --small         # 40 organizations, 200 users, 3 s per level (what CI runs)
#   bash bench/run.sh --reuse         # keep bench/var and its seeded directory between runs (experiments)
# DESK_ARGS adds arguments to the desk, e.g. DESK_ARGS=--spring.datasource.hikari.maximum-pool-size=8
# JAVA_OPTS replaces the desk's JVM options (default -XX:MaxGCPauseMillis=20: G1's young pauses set p99 at 32 clients)
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=10000 USERS=50000 SECONDS_PER_LEVEL=20 LEVELS=1,8,32
REUSE=false
case "${1:-}" in
  --small) ORGS=40 USERS=200 SECONDS_PER_LEVEL=3 LEVELS=1,8 ;;
  --reuse) REUSE=true ;;
esac
PORT=${BENCH_PORT:-18080}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var"

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

. bench/desk.sh
start_desk bench/desk.log

[ -f "$DATA/state.txt" ] || "$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" "$ORGS" "$USERS" "$DATA/state.txt"
"$JAVA" bench/TicketLoad.java load "$URL" "$DATA/state.txt" "$SECONDS_PER_LEVEL" "$LEVELS"
