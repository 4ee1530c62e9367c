#!/usr/bin/env bash
# Issue #19: what one ticket intake costs, in figures a busy machine does not move much: SQL statements of one
# POST /api/v2/tickets (X-Query-Count), and the desk's JVM CPU and PostgreSQL CPU per ticket over a fixed count.
#   bash bench/intake-cost.sh            # small directory (40 organizations, 200 users) kept in bench/var-cost
# TICKETS (default 20000) at CLIENTS (8) after WARM (20000) tickets of warm-up; JAVA_OPTS / DESK_ARGS as for bench/run.sh
# (JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=bench/var-cost/intake.jfr" records a profile).
# STATEMENTS=true also logs every statement PostgreSQL runs for one ticket into bench/var-cost/one-ticket.sql.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var-cost"
REUSE=true
TICKETS=${TICKETS:-20000} CLIENTS=${CLIENTS:-8} WARM=${WARM:-20000}

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"
DESK_ARGS="--partnerdesk.bench.query-count=true ${DESK_ARGS:-}"

# the GC log gives the bytes allocated per ticket: heap before each collection minus heap after the one before
DESK_HEAP="${DESK_HEAP:--Xms1g -Xmx1g} -Xlog:gc:file=$DATA/gc.log"
mkdir -p "$DATA"
. bench/desk.sh
start_desk bench/desk-cost.log

[ -f "$DATA/state.txt" ] || "$JAVA" bench/TicketLoad.java seed "$URL" admin@partnerdesk.test "$TOKEN" 40 200 "$DATA/state.txt"

PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
PG_PID=$(sed -n 1p "$DATA/pg/postmaster.pid")
psql_desk() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres partnerdesk "$@"; }

# one ticket on the Open Partner form, as bench/TicketLoad.java sends it; the desk answers with its statement count
submitter=$(awk '$2 == "open" {print; exit}' "$DATA/state.txt")
email=$(echo "$submitter" | cut -d' ' -f3); token=$(echo "$submitter" | cut -d' ' -f4)
customer=$(grep -m1 '^C ' "$DATA/state.txt" | cut -d' ' -f2)
one_ticket() {
  curl -s -o /dev/null -D - -u "$email/token:$token" -H 'Content-Type: application/json' "$URL/api/v2/tickets" \
    --data "{\"ticket\":{\"subject\":\"Pipeline fails\",\"comment\":{\"body\":\"It fails.\"},\"ticket_form_id\":360000818199,\"priority\":\"normal\",\"custom_fields\":[{\"id\":360012194200,\"value\":\"$customer\"},{\"id\":360012194240,\"value\":\"on_behalf_of_customer\"}]}}"
}

"$JAVA" bench/TicketLoad.java count "$URL" "$DATA/state.txt" "$CLIENTS" "$WARM" | sed 's/^/warm-up: /'
echo "one ticket: $(one_ticket | tr -d '\r' | grep -iE '^(HTTP|x-query-count|server-timing)' | tr '\n' ' ')"

if [ "${STATEMENTS:-false}" = true ]; then
  psql_desk -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
  sleep 1
  start=$(wc -l < "$DATA/pg.log")
  one_ticket >/dev/null
  sleep 2
  psql_desk -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
  tail -n +"$((start + 1))" "$DATA/pg.log" > "$DATA/one-ticket.sql"
  echo "statements PostgreSQL logged for one ticket (with the after-commit work): $(grep -c 'LOG:  \(statement\|execute\)' "$DATA/one-ticket.sql"), in $DATA/one-ticket.sql"
fi

# pg_stat_statements needs a restart: the first run asks for it (alter system), the runs after it read it
pgss=$(psql_desk -c "select count(*) from pg_extension where extname = 'pg_stat_statements'" 2>/dev/null || echo 0)
if [ "$(psql_desk -c 'show shared_preload_libraries')" != pg_stat_statements ]; then
  psql_desk -c "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  echo "pg_stat_statements: loaded from the next run on"
elif [ "$pgss" = 0 ]; then
  psql_desk -c "create extension pg_stat_statements" >/dev/null; pgss=1
fi
[ "$pgss" = 1 ] && psql_desk -c "select pg_stat_statements_reset()" >/dev/null

cpu() { # user+system clock ticks of a process and, for PostgreSQL, of all its children
  local total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    set -- $(sed -E 's/^.*\) //' "/proc/$pid/stat")
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}
pg_pids() { echo "$PG_PID $(cat /proc/$PG_PID/task/*/children 2>/dev/null)"; }
hz=$(getconf CLK_TCK)
jcmd "$DESK" GC.run >/dev/null
desk0=$(cpu "$DESK"); pg0=$(cpu $(pg_pids))
out=$("$JAVA" bench/TicketLoad.java count "$URL" "$DATA/state.txt" "$CLIENTS" "$TICKETS")
desk1=$(cpu "$DESK"); pg1=$(cpu $(pg_pids))
jcmd "$DESK" GC.run >/dev/null; sleep 1
echo "$out"
tickets=$(echo "$out" | awk '{print $2}')
awk -v d=$((desk1 - desk0)) -v p=$((pg1 - pg0)) -v hz="$hz" -v n="$tickets" 'BEGIN {
  printf "per ticket: desk JVM %.3f ms CPU, PostgreSQL %.3f ms CPU (busy backends of the run; short-lived ones not counted)\n",
    d * 1000 / hz / n, p * 1000 / hz / n }'
# between the last two System.gc collections (jcmd GC.run around the counted run)
awk -v n="$tickets" '/Pause/ && /->/ {
    match($0, /[0-9]+M->[0-9]+M/); split(substr($0, RSTART, RLENGTH), h, /M->|M/)
    before[++k] = h[1]; after[k] = h[2]; if ($0 ~ /System.gc/) full[++f] = k }
  END { if (f < 2) exit; a = 0; for (i = full[f - 1] + 1; i <= full[f]; i++) a += before[i] - after[i - 1]
        printf "allocated per ticket: %.0f KB (GC log, %d collections)\n", a * 1024 / n, full[f] - full[f - 1] }' "$DATA/gc.log"
if [ "$pgss" = 1 ]; then
  echo "pg_stat_statements over the counted run, per ticket (calls, ms of execution), the most expensive first:"
  psql_desk -F ' | ' -c "select round(calls::numeric / $tickets, 2), round((total_exec_time / $tickets)::numeric, 3),
      left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements where calls >= $tickets / 20
      order by total_exec_time desc limit 25"
fi
