#!/usr/bin/env bash
# Bulk benchmark (issue #17 item 3): create_many of 100 users (target >= 2,000 users/s) and update_many of 100 tickets
# (target <= 1 s), each timed from the request until its job status reads completed, 127.0.0.1 only.
#   bash bench/bulk.sh                                   # starts a fresh desk under bench/var-bulk, 20 rounds
#   bash bench/bulk.sh --running URL EMAIL TOKEN         # against a desk already running on 127.0.0.1
# ROUNDS sets the rounds measured, WARMUP the warm-up rounds before them (default 2), POLL_MS how often the job status is
# polled (default 5 ms).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-20}
. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

if [ "${1:-}" = --running ]; then
  URL="$2" EMAIL="$3" TOKEN="$4"
else
  REUSE=false
  PORT=${BENCH_PORT:-18086}
  URL="http://127.0.0.1:$PORT"
  EMAIL=admin@partnerdesk.test
  TOKEN="bench-admin-token"
  DATA="bench/var-bulk"
  # the job's own work, logged by BulkJob, is summed up below: the request-to-completed time includes polling
  DESK_ARGS="${DESK_ARGS:-} --logging.level.org.partnerdesk.jobs.BulkJob=DEBUG"
  . bench/desk.sh
  start_desk bench/desk-bulk.log
fi

"$JAVA" -Dwarmup="${WARMUP:-2}" -Dpoll="${POLL_MS:-5}" bench/BulkLoad.java "$URL" "$EMAIL" "$TOKEN" "$ROUNDS"

if [ "${1:-}" != --running ]; then
  for type in create_many_users update_many_tickets; do
    grep -o "$type: 100 records in [0-9.]* ms" bench/desk-bulk.log | tail -n "$ROUNDS" | awk '{print $5}' | sort -n |
      awk -v type="$type" '{ v[NR] = $1 } END { if (NR) printf "%s job work (its own log, last %d jobs): median %.1f ms, best %.1f ms\n", type, NR, v[int((NR + 1) / 2)], v[1] }'
  done
fi
