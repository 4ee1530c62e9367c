#!/usr/bin/env bash
# Ticket-intake benchmark (issue #3): starts the desk on a fresh embedded database under bench/var,
# seeds a directory through the API, then measures ticket creation at several client counts.
#   bash bench/run.sh                 # 10k organizations, 50k users, 20 s per level, 1/8/32 clients
#   bash bench/run.sh --small         # 40 organizations, 200 users, 3 s per level (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=10000 USERS=50000 SECONDS_PER_LEVEL=20 LEVELS=1,8,32
if [ "${1:-}" = "--small" ]; then ORGS=40 USERS=200 SECONDS_PER_LEVEL=3 LEVELS=1,8; fi
PORT=${BENCH_PORT:-18080}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token-$(date +%s)"
DATA="bench/var"

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

ls target/partnerdesk-*.jar >/dev/null 2>&1 || mvn -B -q -ntp package -DskipTests
JAR=$(ls target/partnerdesk-*.jar | grep -v original | head -n 1)

rm -rf "$DATA"
PARTNERDESK_DATA_DIR="$DATA" PARTNERDESK_DEMO_DATA=false PARTNERDESK_ADMIN_TOKEN="$TOKEN" SERVER_PORT=$PORT \
  "$JAVA" -Xms1g -Xmx1g -jar "$JAR" --logging.level.root=WARN > bench/desk.log 2>&1 &
DESK=$!
trap 'kill $DESK 2>/dev/null; wait $DESK 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
  kill -0 $DESK 2>/dev/null || break
  sleep 1
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "the desk did not start; see bench/desk.log"; exit 1; }

"$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" "$ORGS" "$USERS" bench/var/state.txt
"$JAVA" bench/TicketLoad.java load "$URL" bench/var/state.txt "$SECONDS_PER_LEVEL" "$LEVELS"
