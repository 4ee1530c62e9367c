#!/usr/bin/env bash
# Intake against the database's own ceiling (issue #19). Runs the intake benchmark of bench/run.sh (fresh seed, POST
# /api/v2/tickets at each client count), captures from the desk the SQL each kind of intake executes, replays it with
# pgbench against the same embedded PostgreSQL server at the same client counts and durations, and prints both side by side.
#   bash bench/ceiling.sh             # 10k organizations, 50k users, 20 s per level, 1/8/32 clients
#   bash bench/ceiling.sh --small     # 40 organizations, 200 users, 3 s per level, 1/8 clients
#   PROFILE=1 bash bench/ceiling.sh   # and a JFR profile of the desk over one more 8-client level
# ROUNDS (default 2) is how many intakes of each of the load's four kinds are captured and replayed.
# BENCH_PORT is the desk's port (default 18080); a second desk that only serves the capture listens on BENCH_PORT+1.
# HOLD=1 keeps the desk's server up after the run until bench/ceiling-out/release exists (to replay variants of the scripts).
# Writes what it captured (pgbench scripts, statement listings, the JFR recording) to bench/ceiling-out/.
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=10000 USERS=50000 SECONDS_PER_LEVEL=20 LEVELS=1,8,32
case "${1:-}" in
  --small) ORGS=40 USERS=200 SECONDS_PER_LEVEL=3 LEVELS=1,8 ;;
esac
ROUNDS=${ROUNDS:-2}
REUSE=false
PORT=${BENCH_PORT:-18080}
URL="http://127.0.0.1:$PORT"
CAPTURE_PORT=$((PORT + 1))
TOKEN="bench-admin-token"
DATA="bench/var-ceiling"
OUT="bench/ceiling-out"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

# pgbench 15 (Debian's postgresql-15) speaks to the embedded PostgreSQL 18; installed without a cluster of its own
if [ ! -x "$PG_BIN/pgbench" ] || [ ! -x "$PG_BIN/psql" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    mkdir -p /etc/postgresql-common
    [ -f /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15 >/dev/null
  else
    echo "pgbench and psql are needed in $PG_BIN (Debian: apt-get install postgresql-15)"; exit 1
  fi
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# pg_stat_statements for the desk's run: a bench-only server setting (empty by default)
DESK_ARGS="${DESK_ARGS:-} --partnerdesk.embedded.server-settings=shared_preload_libraries=pg_stat_statements"
. bench/desk.sh
start_desk bench/desk-ceiling.log

PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
SQL() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d partnerdesk -X -q -At "$@"; }
SQL -c "create extension if not exists pg_stat_statements"

"$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" "$ORGS" "$USERS" "$DATA/state.txt"
SQL -c "select pg_stat_statements_reset()" >/dev/null
"$JAVA" bench/TicketLoad.java load "$URL" "$DATA/state.txt" "$SECONDS_PER_LEVEL" "$LEVELS" | tee "$OUT/desk.txt"
SQL -F ' | ' -c "select calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), rows,
    left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  from pg_stat_statements where dbid = (select oid from pg_database where datname = 'partnerdesk')
    and query not like '%pg_stat_statements%'
  order by total_exec_time desc limit 12" > "$OUT/top-statements.txt"

# PROFILE=1: one more 8-client level under JFR, with the desk's CPU time from /proc over it
if [ "${PROFILE:-0}" = 1 ]; then
  TICKS=$(getconf CLK_TCK)
  jcmd() { "$JAVA_HOME/bin/jcmd" "$@"; }
  jcmd "$DESK" JFR.start name=ceiling settings=profile filename="$PWD/$OUT/desk-8.jfr" >/dev/null
  CPU0=$(awk '{print $14 + $15}' "/proc/$DESK/stat")
  "$JAVA" -Dwarmup=false bench/TicketLoad.java load "$URL" "$DATA/state.txt" "$SECONDS_PER_LEVEL" 8 | tee "$OUT/desk-profiled.txt"
  CPU1=$(awk '{print $14 + $15}' "/proc/$DESK/stat")
  jcmd "$DESK" JFR.stop name=ceiling >/dev/null
  PROFILED=$(awk -F'|' '$2 ~ /^ *8 *$/ {gsub(/ /, "", $3); print $3}' "$OUT/desk-profiled.txt")
  {
    echo "desk CPU over the profiled 8-client level: $(( (CPU1 - CPU0) * 1000 / TICKS )) ms for $PROFILED tickets"
    awk -v c=$((CPU1 - CPU0)) -v t="$TICKS" -v n="$PROFILED" 'BEGIN { printf "CPU per request in the JVM: %.3f ms\n", c * 1000 / t / n }'
    "$JAVA" bench/Profile.java "$JAVA_HOME/bin/jfr" "$OUT/desk-8.jfr" "$PROFILED"
  } > "$OUT/profile.txt" 2>&1 || true
fi

# capture: a second desk on the same server, its statements labelled with their threads, serves one intake of each kind
# (after a warm-up, so no first-use statement is caught) while the server logs every statement
PARTNERDESK_DATA_DIR="$DATA/capture" PARTNERDESK_DEMO_DATA=false PARTNERDESK_ADMIN_TOKEN="$TOKEN" SERVER_PORT=$CAPTURE_PORT \
  "$JAVA" -Xms256m -Xmx512m -jar "$(ls target/partnerdesk-*.jar | grep -v original | head -n 1)" --logging.level.root=WARN \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/partnerdesk" --spring.datasource.username=postgres \
  --partnerdesk.bench.query-count=true --partnerdesk.bench.sql-labels=true > bench/desk-ceiling-capture.log 2>&1 &
CAPTURE_DESK=$!
trap 'kill $CAPTURE_DESK $DESK 2>/dev/null || true; wait $CAPTURE_DESK $DESK 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 "${DESK_START_SECONDS:-120}"); do
  curl -fs "http://127.0.0.1:$CAPTURE_PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $CAPTURE_DESK 2>/dev/null || break
  sleep 1
done
"$JAVA" bench/TicketLoad.java capture "http://127.0.0.1:$CAPTURE_PORT" "$DATA/state.txt" 10 0 >/dev/null
PG_LOG="$DATA/pg.log"
SQL -c "alter system set log_line_prefix = '%m [%p] %v '" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
sleep 1
FROM=$(($(wc -c < "$PG_LOG") + 1))
"$JAVA" bench/TicketLoad.java capture "http://127.0.0.1:$CAPTURE_PORT" "$DATA/state.txt" "$ROUNDS" 1500 > "$OUT/capture.txt"
SQL -c "alter system reset log_statement" -c "alter system reset log_line_prefix" -c "select pg_reload_conf()" >/dev/null
tail -c +"$FROM" "$PG_LOG" > "$OUT/statements.log"
kill $CAPTURE_DESK; wait $CAPTURE_DESK 2>/dev/null || true
AFTER_COMMIT=$(sed -n 's/^spring.task.execution.thread-name-prefix=//p' src/main/resources/application.properties)
"$JAVA" bench/Ceiling.java script "$OUT/statements.log" "$OUT/capture.txt" "$OUT/replay" "${AFTER_COMMIT:-task-}"

# the replay: every captured intake as one pgbench script, drawn with equal weight as the load draws the four kinds
SCRIPTS=()
for f in "$OUT"/replay/intake-*.sql; do SCRIPTS+=(-f "$PWD/$f@1"); done
DEFINES=()
while IFS= read -r -d '' v; do DEFINES+=(-D "$v"); done < "$OUT/replay/variables"
echo "| clients | desk tickets/s | desk p50 ms | desk p99 ms | ceiling intakes/s | ceiling p50 ms | ceiling p99 ms | desk / ceiling |" > "$OUT/table.md"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$OUT/table.md"
for clients in ${LEVELS//,/ }; do
  rm -rf "$OUT/pgbench" && mkdir -p "$OUT/pgbench"
  threads=$(( clients < $(nproc) ? clients : $(nproc) ))
  (cd "$OUT/pgbench" && PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres "$PG_BIN/pgbench" -n -M prepared -c "$clients" -j "$threads" \
     -T "$SECONDS_PER_LEVEL" -l "${SCRIPTS[@]}" "${DEFINES[@]}" partnerdesk) > "$OUT/pgbench-$clients.txt" 2>&1 \
     || { cat "$OUT/pgbench-$clients.txt"; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-$clients.txt")
  read -r p50 p99 < <("$JAVA" bench/Ceiling.java latency "$OUT"/pgbench/pgbench_log.*)
  desk=$(awk -F'|' -v c="$clients" '$2 ~ "^ *"c" *$" {print $5 "|" $6 "|" $8}' "$OUT/desk.txt" | tr -d ' ')
  IFS='|' read -r dtps dp50 dp99 <<< "$desk"
  ratio=$(awk -v d="$dtps" -v c="$tps" 'BEGIN { printf "%.0f%%", (c > 0 ? 100 * d / c : 0) }')
  printf "| %s | %s | %s | %s | %.0f | %s | %s | %s |\n" "$clients" "$dtps" "$dp50" "$dp99" "$tps" "$p50" "$p99" "$ratio" >> "$OUT/table.md"
done

echo
echo "Intake against the database's own ceiling ($ORGS organizations, $USERS users, $SECONDS_PER_LEVEL s per level):"
cat "$OUT/table.md"
echo
echo "Per captured intake (kind 0 open partner for a customer, 1 select partner, 2 alliance with a CC, 3 own instance):"
echo "| intake | kind | statements in request | after commit | round trips in request | after commit | transactions in request | after commit | JSON bytes request | response |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk '$1 == "intake" {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $4, $6, $7, $9, $10, $12, $13, $15, $16}' "$OUT/replay/summary.txt"
awk '$1 == "intake" {n++; s += $6; a += $7; r += $9; b += $10} END {if (n) printf "mean of the captured intakes: %.1f statements in the request + %.1f after commit, %.1f + %.1f round trips\n", s/n, a/n, r/n, b/n}' "$OUT/replay/summary.txt"
echo "(statements count BEGIN and COMMIT; pgjdbc sends BEGIN with the next statement, so it is no round trip of its own;"
echo " the replay runs both groups, the request's then the after-commit work, one after the other on one connection)"
sed -n 's/^background \(.*\)/statements of other desk threads (scheduler, cleanup) in the capture, left out: \1/p' "$OUT/replay/summary.txt"
echo
echo "Top statements by total time during the desk's run (pg_stat_statements: calls | total ms | mean ms | rows | query):"
cat "$OUT/top-statements.txt"
[ -f "$OUT/profile.txt" ] && { echo; echo "Profile of the desk at 8 clients (JFR):"; cat "$OUT/profile.txt"; }
echo
echo "Captured statements per intake: $OUT/replay/intake-*.txt; pgbench scripts: $OUT/replay/intake-*.sql"
if [ "${HOLD:-0}" = 1 ]; then
  echo "Holding the server on port $PG_PORT (database partnerdesk, user postgres) until $OUT/release exists"
  echo "$PG_PORT" > "$OUT/pg-port"
  while [ ! -f "$OUT/release" ]; do sleep 2; done
fi
