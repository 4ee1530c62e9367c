#!/usr/bin/env bash
# Issue #19: the agent queue's first page (GET /api/v2/views/tickets, SLA order, 25 a page) through the desk, side by side
# with exactly the SQL one such request runs, replayed by pgbench against the same embedded PostgreSQL. Not run in CI.
# Reuses the 1M desk of bench/run-1m.sh (run `bash bench/run-1m.sh --reuse` once first).
#   bash bench/queue-ceiling.sh                                  # 15 s per client count, 1 and 8 clients
#   SECONDS_PER_LEVEL=10 LEVELS=1,8 BENCH_PORT=19600 bash bench/queue-ceiling.sh
# 1. captures every statement of one request (log_statement = all for that moment; the desk runs with
#    partnerdesk.bench.query-count=true, so X-Query-Count says how many it counted) into bench/queue-ceiling.sql;
# 2. replays that file with pgbench (-M prepared, the desk's parameters: the load is one agent's token, as QueryLoad's);
# 3. runs the same page through the desk with bench/QueryLoad.java;
# and prints p50/p95 of both, their ratio, and the CPU each request costs the desk's JVM, PostgreSQL and the client.
# Needs psql and pgbench on PATH (Debian: /usr/lib/postgresql/NN/bin).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-15} LEVELS=${LEVELS:-1,8}
REUSE=true
PORT=${BENCH_PORT:-18090}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var1m"
PAGE="/api/v2/views/tickets?status=new,open&sort=sla_due&page[size]=25"
CAPTURED=bench/queue-ceiling.sql

for tool in psql pgbench; do
  command -v $tool >/dev/null || { echo "$tool is required (e.g. PATH=/usr/lib/postgresql/15/bin:\$PATH); stopping."; exit 1; }
done
[ -f "$DATA/seeded-1m" ] || { echo "no 1M desk in $DATA: run 'bash bench/run-1m.sh --reuse' first; stopping."; exit 1; }
. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"
TICKS=$(getconf CLK_TCK)

if curl -fs "$URL/actuator/health" >/dev/null 2>&1; then
  # a desk already serving on the port (started with --partnerdesk.bench.query-count=true on $DATA) is measured as it is
  DESK=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
else
  DESK_ARGS="--partnerdesk.bench.query-count=true ${DESK_ARGS:-}"
  . bench/desk.sh
  start_desk bench/desk-queue-ceiling.log
fi

PGLOG="$DATA/pg.log"
PGPORT=$(grep -ho 'listening on IPv4 address "127.0.0.1", port [0-9]*' "$PGLOG" | tail -n 1 | awk '{print $NF}')
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d partnerdesk)
POSTMASTER=$(head -n 1 "$DATA/pg/postmaster.pid")
AUTH="admin@partnerdesk.test/token:$TOKEN"
echo "desk on $PORT, embedded PostgreSQL on $PGPORT (postmaster $POSTMASTER), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU seconds of the desk's request threads (Tomcat's workers: no GC, JIT or background job)
request_cpu() {
  local t total=0
  for t in /proc/"$DESK"/task/*; do
    grep -q '^http-nio' "$t/comm" 2>/dev/null || continue
    total=$(awk -v a="$total" -v tk="$TICKS" '{sub(/^.*\) /, ""); print a + ($12 + $13) / tk}' "$t/stat")
  done
  echo "$total"
}
# CPU seconds (user + system) of one process; of the postmaster with every backend and every reaped one
cpu_of() { awk -v t="$TICKS" '{print ($14 + $15 + $16 + $17) / t}' "/proc/$1/stat"; }
postgres_cpu() {
  local total
  total=$(cpu_of "$POSTMASTER")
  for child in $(pgrep -P "$POSTMASTER"); do
    total=$(awk -v a="$total" -v b="$(awk -v t="$TICKS" '{print ($14 + $15) / t}' "/proc/$child/stat" 2>/dev/null || echo 0)" 'BEGIN {print a + b}')
  done
  echo "$total"
}

# warm the page (JIT, plans, caches) before anything is captured or measured
for _ in $(seq 1 50); do curl -gfs -o /dev/null -u "$AUTH" "$URL$PAGE"; done

# 1. capture one request's statements between two markers; again when a background job's statement fell in between
for attempt in 1 2 3 4 5; do
  "${PSQL[@]}" -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
  sleep 1
  "${PSQL[@]}" -c "select 'queue-ceiling capture start'" >/dev/null
  curl -gfs -u "$AUTH" -D bench/queue-ceiling.headers -o bench/queue-ceiling.json "$URL$PAGE"
  "${PSQL[@]}" -c "select 'queue-ceiling capture end'" >/dev/null
  "${PSQL[@]}" -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null
  COUNTED=$(grep -i '^x-query-count:' bench/queue-ceiling.headers | tr -dc '0-9')
  # the log's statements (extended protocol: "execute S_1: sql" and "DETAIL:  Parameters: $1 = '…'") with their parameters
  # written in as literals, one pgbench command each
  perl -e '
    my ($in, @entries, $on) = (0);
    while (<STDIN>) {
      if (/^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[(\d+)\] (\w+):  (.*)$/s) { push @entries, [$1, $2, $3]; }
      elsif (@entries) { $entries[-1][2] .= $_; }
    }
    my @statements;
    for my $e (@entries) {
      my ($pid, $level, $text) = @$e;
      if ($text =~ /queue-ceiling capture start/) { $on = 1; @statements = (); next; }
      if ($text =~ /queue-ceiling capture end/) { $on = 0; next; }
      next unless $on;
      if ($level eq "LOG" && $text =~ /^(?:execute [^:]+|statement): (.*)$/s) { push @statements, [$pid, $1]; }
      elsif ($level eq "DETAIL" && $text =~ /^Parameters: (.*)$/s && @statements) {
        my %p; my $list = $1;
        while ($list =~ /\$(\d+) = ((?:\x27(?:[^\x27]|\x27\x27)*\x27)|NULL)/g) { $p{$1} = $2; }
        # numbers stay bound parameters (pgbench variables, as the desk binds them: a bound limit is planned each time),
        # other values are written in as literals (pgbench variables hold numbers only)
        my $n = scalar @statements;
        for my $k (keys %p) { if ($p{$k} =~ /^\x27(-?\d+)\x27$/) { push @{$statements[-1][2]}, "\\set s${n}p$k $1"; $p{$k} = ":s${n}p$k"; } }
        $statements[-1][1] =~ s/\$(\d+)\b/exists $p{$1} ? $p{$1} : "\$$1"/ge;
      }
    }
    for my $s (@statements) {
      (my $sql = $s->[1]) =~ s/\s+$//; $sql =~ s/;$//;
      next if $sql eq "";
      print "-- backend $s->[0]\n", map({ "$_\n" } @{$s->[2] || []}), "$sql;\n";
    }' < "$PGLOG" > "$CAPTURED"
  CAPTURED_COUNT=$(grep -c '^-- backend' "$CAPTURED" || true)
  [ "$CAPTURED_COUNT" = "${COUNTED:-}" ] && break
done
echo "captured $CAPTURED_COUNT statements of one request into $CAPTURED (the desk counted ${COUNTED:-?}); answer $(wc -c < bench/queue-ceiling.json) bytes of JSON"
[ "$CAPTURED_COUNT" = "${COUNTED:-}" ] || echo "WARNING: the capture and the desk's count still differ after 5 tries: check $CAPTURED"

# 2. the SQL alone through pgbench, and 3. the page through the desk; CPU per request from /proc before and after each run
# the desk works in the background too (breach scan, outbox, in bursts): its idle CPU is printed, not subtracted
desk0=$(cpu_of "$DESK") pg0=$(postgres_cpu); sleep 5; desk1=$(cpu_of "$DESK") pg1=$(postgres_cpu)
IDLE_DESK=$(awk -v a="$desk0" -v b="$desk1" 'BEGIN {print (b - a) / 5}') IDLE_PG=$(awk -v a="$pg0" -v b="$pg1" 'BEGIN {print (b - a) / 5}')
echo "idle for 5 s: desk JVM $(awk -v x="$IDLE_DESK" 'BEGIN {printf "%.0f", x * 1000}') ms CPU/s, PostgreSQL $(awk -v x="$IDLE_PG" 'BEGIN {printf "%.0f", x * 1000}') ms CPU/s (in the figures below too)"
printf '| path | clients | requests | req/s | p50 ms | p95 ms | desk request threads CPU ms/req | desk JVM CPU ms/req | PostgreSQL CPU ms/req | client CPU ms/req |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
IFS=, read -ra CLIENTS <<< "$LEVELS"
declare -A P95
pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -M prepared -f "$CAPTURED" -c 1 -T 3 partnerdesk >/dev/null 2>&1 # warm-up
for clients in "${CLIENTS[@]}"; do
  desk0=$(cpu_of "$DESK") pg0=$(postgres_cpu)
  /usr/bin/time -f '%U %S' -o bench/queue-ceiling.time pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -M prepared -f "$CAPTURED" \
    -c "$clients" -j "$clients" -T "$SECONDS_PER_LEVEL" -l --log-prefix=bench/queue-ceiling-pgbench partnerdesk > bench/queue-ceiling.out 2>&1
  desk1=$(cpu_of "$DESK") pg1=$(postgres_cpu)
  # per transaction log: client id, tx no, latency in microseconds, ...
  read -r n p50 p95 < <(cat bench/queue-ceiling-pgbench.* | awk '{print $3}' | sort -n | awk '{v[NR] = $1} END {
    i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%d %.2f %.2f\n", NR, v[i50] / 1000, v[i95] / 1000}')
  rm -f bench/queue-ceiling-pgbench.*
  client=$(awk '{print $1 + $2}' bench/queue-ceiling.time)
  P95[pgbench$clients]=$p95
  awk -v c="$clients" -v n="$n" -v s="$SECONDS_PER_LEVEL" -v p50="$p50" -v p95="$p95" -v d="$(awk -v a="$desk0" -v b="$desk1" 'BEGIN {print b - a}')" \
    -v pg="$(awk -v a="$pg0" -v b="$pg1" 'BEGIN {print b - a}')" -v cl="$client" \
    'BEGIN {printf "| SQL alone (pgbench) | %d | %d | %.0f | %s | %s | - | - | %.3f | %.3f |\n", c, n, n / s, p50, p95, pg * 1000 / n, cl * 1000 / n}'
done
for clients in "${CLIENTS[@]}"; do
  "$JAVA" -Dpaths="warm-up=>$PAGE" bench/QueryLoad.java "$URL" admin@partnerdesk.test "$TOKEN" 3 1 > /dev/null
  desk0=$(cpu_of "$DESK") pg0=$(postgres_cpu) req0=$(request_cpu)
  "$JAVA" -Dpaths="first page=>$PAGE" -Dwarmup=0 -DclientCpu=true bench/QueryLoad.java "$URL" \
    admin@partnerdesk.test "$TOKEN" "$SECONDS_PER_LEVEL" "$clients" > bench/queue-ceiling.out 2> bench/queue-ceiling.time
  desk1=$(cpu_of "$DESK") pg1=$(postgres_cpu) req1=$(request_cpu)
  row=$(grep '^| first page' bench/queue-ceiling.out)
  n=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $4); print $4}')
  p50=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $7); print $7}')
  p95=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $8); print $8}')
  client=$(grep -o 'client CPU ms/request: [0-9.]*' bench/queue-ceiling.time | awk '{print $NF}')
  P95[desk$clients]=$p95
  awk -v c="$clients" -v n="$n" -v s="$SECONDS_PER_LEVEL" -v p50="$p50" -v p95="$p95" \
    -v d="$(awk -v a="$desk0" -v b="$desk1" 'BEGIN {print b - a}')" -v r="$(awk -v a="$req0" -v b="$req1" 'BEGIN {print b - a}')" \
    -v pg="$(awk -v a="$pg0" -v b="$pg1" 'BEGIN {print b - a}')" -v cl="$client" \
    'BEGIN {printf "| the desk (QueryLoad) | %d | %d | %.0f | %s | %s | %.3f | %.3f | %.3f | %.3f |\n", c, n, n / s, p50, p95, r * 1000 / n, d * 1000 / n, pg * 1000 / n, cl}'
done
for clients in "${CLIENTS[@]}"; do
  awk -v c="$clients" -v d="${P95[desk$clients]}" -v q="${P95[pgbench$clients]}" \
    'BEGIN {printf "p95 at %d clients: desk %.2f ms, SQL alone %.2f ms, desk / SQL alone = %.1f\n", c, d, q, d / q}'
done
rm -f bench/queue-ceiling.out bench/queue-ceiling.time bench/queue-ceiling.headers
