# Sourced by bench/run.sh and bench/run-1m.sh: builds the jar if needed and starts the desk on $DATA at $PORT with
# admin token $TOKEN, logging to $1; stops it on exit (and removes $DATA unless REUSE=true). Needs JAVA, URL, REUSE.
# DESK_HEAP replaces the heap options (default -Xms1g -Xmx1g; bench/upload.sh runs with -Xmx256m).
# DESK_START_SECONDS is how long the start may take (default 120; a busy machine needs more).
start_desk() {
  local log="$1"
  ls target/partnerdesk-*.jar >/dev/null 2>&1 || mvn -B -q -ntp package -DskipTests
  local jar
  jar=$(ls target/partnerdesk-*.jar | grep -v original | head -n 1)
  [ "$REUSE" = true ] && [ -f "$DATA/state.txt" ] || rm -rf "$DATA"
  mkdir -p "$DATA"
  PARTNERDESK_DATA_DIR="$DATA" PARTNERDESK_DEMO_DATA=false PARTNERDESK_ADMIN_TOKEN="$TOKEN" SERVER_PORT=$PORT \
    "$JAVA" ${DESK_HEAP:--Xms1g -Xmx1g} ${JAVA_OPTS:--XX:MaxGCPauseMillis=20} -jar "$jar" --logging.level.root=WARN ${DESK_ARGS:-} > "$log" 2>&1 &
  DESK=$!
  if [ "$REUSE" = true ]; then
    trap 'kill $DESK 2>/dev/null; wait $DESK 2>/dev/null || true' EXIT
  else
    trap 'kill $DESK 2>/dev/null; wait $DESK 2>/dev/null || true; rm -rf "$DATA"' EXIT
  fi
  for _ in $(seq 1 "${DESK_START_SECONDS:-120}"); do
    curl -fs "$URL/actuator/health" >/dev/null 2>&1 && break
    kill -0 $DESK 2>/dev/null || break
    sleep 1
  done
  curl -fs "$URL/actuator/health" >/dev/null || { echo "the desk did not start; see $log"; exit 1; }
}
