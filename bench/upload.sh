#!/usr/bin/env bash
# Support Uploader benchmark (issue #5, FILE-2/FILE-3): starts the desk with a 256 MB heap on a fresh embedded database
# under bench/var-upload and sends generated files through tus on loopback, printing MB/s and the desk's heap.
#   bash bench/upload.sh              # 1 GB and 3 GB, 256 MB PATCHes
#   bash bench/upload.sh --small      # 64 MB (what CI could run)
# SIZES (MB, comma-separated) and CHUNK_MB set the files and the PATCH size; DESK_HEAP replaces -Xms256m -Xmx256m.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-1024,3072}
case "${1:-}" in
  --small) SIZES=64 ;;
esac
CHUNK_MB=${CHUNK_MB:-256}
PORT=${BENCH_PORT:-18081}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var-upload"
REUSE=false
DESK_HEAP=${DESK_HEAP:--Xms256m -Xmx256m}

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

. bench/desk.sh
start_desk bench/desk-upload.log

echo "desk heap: $DESK_HEAP; PATCH size: $CHUNK_MB MB; data under $DATA"
"$JAVA" bench/UploadLoad.java "$URL" admin@partnerdesk.test "$TOKEN" "$CHUNK_MB" "$SIZES"
