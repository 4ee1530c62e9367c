#!/usr/bin/env bash
# Issue #18: the tested reference deployment. Starts on 127.0.0.1, under deploy/var (wiped at each start, gitignored):
#   PostgreSQL 15 primary (wal_level=replica) and a streaming replica made by pg_basebackup -R,
#   S3Proxy (S3 API over a directory) as the file store, two desk nodes from the packaged jar sharing the Support
#   Uploader staging directory, and HAProxy (deploy/haproxy.cfg) balancing them round robin on their readiness.
#   bash deploy/two-nodes.sh --small   # CI: intake load through HAProxy, one node killed (SIGKILL) mid-load, proofs
#                                      # (deploy/TwoNodeCheck.java), the node restarted and rejoined; exits non-zero on
#                                      # any failed proof
#   bash deploy/two-nodes.sh --bench   # intake (bench/TicketLoad.java) through HAProxy: 2 nodes, then 1 node, then 1 node
#                                      # without the balancer; 1/8/32 clients, SECONDS_PER_LEVEL (10) each
#   bash deploy/two-nodes.sh --up      # start everything and wait (Ctrl-C stops it all): to look around
# Ports: TWO_NODES_BASE_PORT (19100) + 0 HAProxy, +1 its stats page, +10 PostgreSQL, +11 replica, +20 S3Proxy,
# +31 and +32 the nodes; TWO_NODES_WORK replaces deploy/var. Needs a JDK 21+, Maven (once, for the jar and S3Proxy's
# class path), Debian's postgresql-15, postgresql-client-15 and haproxy. Every process it starts is stopped on exit,
# also on failure.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:---small}"
case "$MODE" in
  --small|--bench|--up) ;;
  *) echo "usage: $0 [--small|--bench|--up]" >&2; exit 2 ;;
esac
STARTED_AT=$(date +%s)

BASE=${TWO_NODES_BASE_PORT:-19100}
LB_PORT=$BASE STATS_PORT=$((BASE + 1)) PG_PORT=$((BASE + 10)) REPLICA_PORT=$((BASE + 11)) S3_PORT=$((BASE + 20))
NODE_PORTS=([1]=$((BASE + 31)) [2]=$((BASE + 32)))
LB="http://127.0.0.1:$LB_PORT"
WORK="${TWO_NODES_WORK:-$PWD/deploy/var}"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
TOKEN="two-nodes-admin-token"
DB_PASSWORD="partnerdesk-two-nodes"
SUPER_PASSWORD="postgres-two-nodes"
S3_KEY="partnerdesk" S3_SECRET="partnerdesk-two-nodes-secret" BUCKET="partnerdesk"

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

for tool in "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pg_basebackup" "$PG_BIN/psql"; do
  [ -x "$tool" ] || { echo "$tool is missing: apt-get install postgresql-15 postgresql-client-15" >&2; exit 1; }
done
command -v haproxy >/dev/null 2>&1 || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 1; }

# ---------------------------------------------------------------- clean-up of everything started here
declare -A NODE_PID=()
S3_PID="" LB_PID=""
stop_all() {
  local status=$?
  trap - EXIT INT TERM
  for n in "${!NODE_PID[@]}"; do kill -9 "${NODE_PID[$n]}" 2>/dev/null || true; done
  [ -n "$LB_PID" ] && kill "$LB_PID" 2>/dev/null || true
  [ -n "$S3_PID" ] && kill "$S3_PID" 2>/dev/null || true
  for dir in "$WORK/pg/replica" "$WORK/pg/primary"; do
    [ -f "$dir/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl -D '$dir' -m immediate -w stop" >/dev/null 2>&1 || true
  done
  wait 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "two-nodes: FAILED (exit $status); logs under $WORK/*.log" >&2
    for log in "$WORK"/*.log; do [ -f "$log" ] && { echo "---- tail of $log" >&2; tail -n 15 "$log" >&2; }; done
  fi
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# PostgreSQL refuses to run as root: as root, its processes run as nobody
as_pg() {
  if [ "$(id -u)" = 0 ]; then su nobody -s /bin/bash -c "$1"; else bash -c "$1"; fi
}
sql() { # sql PORT DATABASE STATEMENT: as the superuser, over TCP
  PGPASSWORD="$SUPER_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d "$2" -At -c "$3"
}
wait_http() { # wait_http URL SECONDS WHAT [PID]: any HTTP answer counts
  for _ in $(seq 1 "$2"); do
    curl -s -o /dev/null -m 2 "$1" && return 0
    [ -n "${4:-}" ] && ! kill -0 "$4" 2>/dev/null && break
    sleep 1
  done
  echo "$3 did not answer at $1" >&2
  return 1
}

rm -rf "$WORK"
mkdir -p "$WORK"/{pg,s3/$BUCKET,staging,node1,node2,lb}

# ---------------------------------------------------------------- the jar and S3Proxy's class path
ls target/partnerdesk-*.jar >/dev/null 2>&1 || mvn -B -ntp -q package -DskipTests
JAR=$(ls target/partnerdesk-*.jar | grep -v original | head -n 1)
# S3Proxy is a test dependency (pom.xml): its class path comes from Maven's local repository, kept while pom.xml is unchanged
S3_CLASSPATH=deploy/.s3proxy.classpath
if [ ! -s "$S3_CLASSPATH" ] || [ pom.xml -nt "$S3_CLASSPATH" ]; then
  mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$S3_CLASSPATH" >/dev/null
fi

# ---------------------------------------------------------------- PostgreSQL primary and streaming replica
printf '%s\n' "$SUPER_PASSWORD" > "$WORK/pg/superuser.pw"
touch "$WORK/postgres.log" "$WORK/postgres-replica.log"
[ "$(id -u)" = 0 ] && chown nobody "$WORK/pg" "$WORK/pg/superuser.pw" "$WORK/postgres.log" "$WORK/postgres-replica.log"
as_pg "'$PG_BIN/initdb' -D '$WORK/pg/primary' -U postgres --pwfile='$WORK/pg/superuser.pw' --auth-local=peer \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" > "$WORK/postgres-initdb.log"
rm -f "$WORK/pg/superuser.pw"
cat >> "$WORK/pg/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pg'
max_connections = 150
wal_level = replica
max_wal_senders = 4
hot_standby = on
# a node that vanishes without closing its connections releases its idempotency claims within two minutes (docs/operations.md)
tcp_keepalives_idle = 60
tcp_keepalives_interval = 10
tcp_keepalives_count = 6
EOF
as_pg "'$PG_BIN/pg_ctl' -D '$WORK/pg/primary' -l '$WORK/postgres.log' -w -t 60 start" >/dev/null
sql "$PG_PORT" postgres "create role partnerdesk login password '$DB_PASSWORD'"
sql "$PG_PORT" postgres "create database partnerdesk owner partnerdesk"
sql "$PG_PORT" postgres "create role replicator login replication password '$DB_PASSWORD'"
as_pg "PGPASSWORD='$DB_PASSWORD' '$PG_BIN/pg_basebackup' -h 127.0.0.1 -p $PG_PORT -U replicator -D '$WORK/pg/replica' -R -X stream --checkpoint=fast"
echo "port = $REPLICA_PORT" >> "$WORK/pg/replica/postgresql.conf"
as_pg "'$PG_BIN/pg_ctl' -D '$WORK/pg/replica' -l '$WORK/postgres-replica.log' -w -t 60 start" >/dev/null
[ "$(sql "$REPLICA_PORT" postgres "select pg_is_in_recovery()")" = t ] || { echo "the replica is not in recovery" >&2; exit 1; }
echo "PostgreSQL primary on $PG_PORT, streaming replica on $REPLICA_PORT"

# ---------------------------------------------------------------- S3Proxy: the S3 API over a directory
cat > "$WORK/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
EOF
"$JAVA" -Xmx256m -cp "$(cat "$S3_CLASSPATH")" org.gaul.s3proxy.Main --properties "$WORK/s3proxy.properties" > "$WORK/s3proxy.log" 2>&1 &
S3_PID=$!
wait_http "http://127.0.0.1:$S3_PORT/" 60 S3Proxy "$S3_PID"
echo "S3Proxy on $S3_PORT, bucket $BUCKET under $WORK/s3"

# ---------------------------------------------------------------- the desk nodes
start_node() { # start_node N
  local n=$1
  HOSTNAME="desk-$n" SERVER_PORT="${NODE_PORTS[$n]}" \
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/partnerdesk" \
  SPRING_DATASOURCE_USERNAME=partnerdesk SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  PARTNERDESK_READ_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/partnerdesk" \
  PARTNERDESK_DATA_DIR="$WORK/node$n" PARTNERDESK_UPLOADER_STAGING_DIR="$WORK/staging" \
  PARTNERDESK_DEMO_DATA=false PARTNERDESK_ADMIN_TOKEN="$TOKEN" \
  PARTNERDESK_S3_BUCKET="$BUCKET" PARTNERDESK_S3_ENDPOINT="http://127.0.0.1:$S3_PORT" PARTNERDESK_S3_REGION=us-east-1 \
  PARTNERDESK_S3_ACCESS_KEY="$S3_KEY" PARTNERDESK_S3_SECRET_KEY="$S3_SECRET" PARTNERDESK_S3_PATH_STYLE=true \
  PARTNERDESK_PUBLIC_URL="$LB" PARTNERDESK_TRUSTED_PROXIES=127.0.0.1 \
    "$JAVA" ${DESK_HEAP:--Xms256m -Xmx512m} -XX:MaxGCPauseMillis=20 -jar "$JAR" --logging.level.root=WARN \
    >> "$WORK/desk-$n.log" 2>&1 &
  NODE_PID[$n]=$!
}
wait_node() { # wait_node N: until its readiness answers 200
  local n=$1
  for _ in $(seq 1 "${DESK_START_SECONDS:-300}"); do
    curl -fs -o /dev/null -m 2 "http://127.0.0.1:${NODE_PORTS[$n]}/actuator/health/readiness" && return 0
    kill -0 "${NODE_PID[$n]}" 2>/dev/null || break
    sleep 1
  done
  echo "desk-$n did not become ready; see $WORK/desk-$n.log" >&2
  return 1
}
# the first node migrates the empty database (Flyway) and creates the admin; the second starts once that is done
start_node 1
wait_node 1
start_node 2
wait_node 2
echo "desk-1 on ${NODE_PORTS[1]} (pid ${NODE_PID[1]}), desk-2 on ${NODE_PORTS[2]} (pid ${NODE_PID[2]})"

# ---------------------------------------------------------------- HAProxy
export DESK_LB_BIND="127.0.0.1:$LB_PORT" DESK_STATS_BIND="127.0.0.1:$STATS_PORT" DESK_LB_STATE="$WORK/lb" \
  DESK_1="127.0.0.1:${NODE_PORTS[1]}" DESK_2="127.0.0.1:${NODE_PORTS[2]}"
haproxy -c -q -f deploy/haproxy.cfg
haproxy -db -f deploy/haproxy.cfg > "$WORK/haproxy.log" 2>&1 &
LB_PID=$!
wait_http "$LB/actuator/health/readiness" 30 HAProxy "$LB_PID"
for _ in $(seq 1 30); do # both nodes UP in HAProxy's stats (its checks need rise 2)
  [ "$(curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, '$1=="desks" && $18=="UP"' | wc -l)" = 2 ] && break
  sleep 1
done
echo "HAProxy on $LB_PORT (stats http://127.0.0.1:$STATS_PORT/stats), $(($(date +%s) - STARTED_AT)) s after start"

case "$MODE" in
  --up)
    echo "all up; Ctrl-C stops everything"
    wait "$LB_PID"
    ;;
  --small)
    export TWO_NODES_PSQL="$PG_BIN/psql" PGPASSWORD="$SUPER_PASSWORD"
    check() {
      "$JAVA" deploy/TwoNodeCheck.java "$1" "$LB" "http://127.0.0.1:$STATS_PORT/stats;csv" admin@partnerdesk.test "$TOKEN" \
        "$PG_PORT" "$REPLICA_PORT" "$WORK/check.state" "${@:2}"
    }
    # load, kill one node mid-load, proofs; it names the node it killed in check.state
    check failover "desk-1=${NODE_PID[1]},desk-2=${NODE_PID[2]}" "${LOAD_SECONDS:-8}"
    victim=$(sed -n 's/^victim=desk-//p' "$WORK/check.state")
    { wait "${NODE_PID[$victim]}"; } 2>/dev/null || true
    RESTARTED_AT=$(date +%s%N)
    start_node "$victim"
    wait_node "$victim"
    echo "desk-$victim restarted, ready after $(( ($(date +%s%N) - RESTARTED_AT) / 1000000 )) ms"
    check rejoin
    echo "two-nodes --small passed in $(($(date +%s) - STARTED_AT)) s"
    ;;
  --bench)
    SECONDS_PER_LEVEL=${SECONDS_PER_LEVEL:-10} LEVELS=${LEVELS:-1,8,32}
    "$JAVA" bench/TicketLoad.java seed "$LB" admin@partnerdesk.test "$TOKEN" "${ORGS:-200}" "${USERS:-1000}" "$WORK/bench.state"
    echo "## intake through HAProxy, 2 nodes"
    "$JAVA" bench/TicketLoad.java load "$LB" "$WORK/bench.state" "$SECONDS_PER_LEVEL" "$LEVELS"
    kill "${NODE_PID[2]}"; { wait "${NODE_PID[2]}"; } 2>/dev/null || true; unset 'NODE_PID[2]'
    for _ in $(seq 1 30); do
      curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, '$1=="desks" && $2=="desk-2"' | grep -q ',DOWN' && break
      sleep 1
    done
    echo "## intake through HAProxy, 1 node (desk-2 stopped, marked down)"
    "$JAVA" bench/TicketLoad.java load "$LB" "$WORK/bench.state" "$SECONDS_PER_LEVEL" "$LEVELS"
    echo "## intake straight to desk-1, no balancer"
    "$JAVA" bench/TicketLoad.java load "http://127.0.0.1:${NODE_PORTS[1]}" "$WORK/bench.state" "$SECONDS_PER_LEVEL" "$LEVELS"
    echo "## PostgreSQL: $(sql "$PG_PORT" partnerdesk "select count(*) || ' tickets, ' || pg_size_pretty(pg_database_size('partnerdesk')) from tickets")"
    ;;
esac
