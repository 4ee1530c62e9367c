#!/usr/bin/env bash
# Incremental export benchmark (issue #17 item 1: 1M tickets through the API in <= 60 s). Walks the whole cursor-based
# ticket export (bench/IncrementalLoad.java) against the 1M-ticket desk of bench/run-1m.sh and prints tickets/s.
# Not run in CI.
#   bash bench/run-1m.sh --reuse   # once, to seed bench/var1m (kept)
#   bash bench/incremental.sh      # MAX_SECONDS (default 300) bounds the walk; EXPORT_PATH=... walks another export
# Build the jar of the commit to measure first (mvn -q package -DskipTests): bench/desk.sh reuses target/partnerdesk-*.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA="bench/var1m" PORT=${BENCH_PORT:-18090} REUSE=true
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
MAX_SECONDS=${MAX_SECONDS:-300}
EXPORT_PATH=${EXPORT_PATH:-/api/v2/incremental/tickets/cursor.json?start_time=0}
[ -f "$DATA/seeded-1m" ] || { echo "no 1M-ticket desk in $DATA: run 'bash bench/run-1m.sh --reuse' once first"; exit 1; }

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"
DESK_START_SECONDS=${DESK_START_SECONDS:-600} # the first start on an older 1M desk builds V96's indexes
. bench/desk.sh
start_desk bench/desk-incremental.log

# the export leaves out the last minute (docs/api.md): the seed's tickets are older than that
"$JAVA" bench/IncrementalLoad.java "$URL" admin@partnerdesk.test "$TOKEN" 30 "${EXPORT_PATH/start_time=0/start_time=$(( $(date +%s) - 86400 ))}" >/dev/null || true # warm-up
"$JAVA" bench/IncrementalLoad.java "$URL" admin@partnerdesk.test "$TOKEN" "$MAX_SECONDS" "$EXPORT_PATH"
