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

ls target/partnerdesk-*.jar >/dev/null 2>&1 || mvn -B -q -ntp package -DskipTests
JAR=$(ls target/partnerdesk-*.jar | grep -v original | head -n 1)

[ "$REUSE" = true ] && [ -f "$DATA/state.txt" ] || rm -rf "$DATA"
PARTNERDESK_DATA_DIR="$DATA" PARTNERDESK_DEMO_DATA=false PARTNERDESK_ADMIN_TOKEN="$TOKEN" SERVER_PORT=$PORT \
  "$JAVA" -Xms1g -Xmx1g ${JAVA_OPTS:--XX:MaxGCPauseMillis=20} -jar "$JAR" --logging.level.root=WARN ${DESK_ARGS:-} > bench/desk.log 2>&1 &
DESK=$!
if [ "$REUSE" = true ]; then
  trap 'kill $DESK 2>/dev/null; wait $DESK 2>/dev/null || true' EXIT
else
  trap 'kill $DESK 2>/dev/null; wait $DESK 2>/dev/null || true; rm -rf "$DATA"' EXIT
fi

for _ in $(seq 1 120); do
  curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
  kill -0 $DESK 2>/dev/null || break
  sleep 1
done
curl -fs "$URL/actuator/health" >/dev/null || { echo "the desk did not start; see bench/desk.log"; exit 1; }

[ -f "$DATA/state.txt" ] || "$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" "$ORGS" "$USERS" "$DATA/state.txt"
"$JAVA" bench/TicketLoad.java load "$URL" "$DATA/state.txt" "$SECONDS_PER_LEVEL" "$LEVELS"
