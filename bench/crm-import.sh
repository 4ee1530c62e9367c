#!/usr/bin/env bash
# CRM import benchmark (DIR-7): generates a Salesforce-style export (10,000 accounts, 100,000 contacts), starts the desk
# on a fresh embedded database under bench/var-crm and times POST /api/v2/imports/crm for accounts and contacts,
# then the same files again (the idempotent run: nothing changes).
#   bash bench/crm-import.sh              # 10k accounts, 100k contacts
#   bash bench/crm-import.sh --small      # 100 accounts, 1,000 contacts (what CI runs)
set -euo pipefail
cd "$(dirname "$0")/.."

ORGS=${ORGS:-10000} CONTACTS=${CONTACTS:-100000}
[ "${1:-}" = --small ] && ORGS=100 CONTACTS=1000
REUSE=false
PORT=${BENCH_PORT:-18085}
URL="http://127.0.0.1:$PORT"
TOKEN="bench-admin-token"
DATA="bench/var-crm"

. .ci/find-jdk.sh
JAVA="$JAVA_HOME/bin/java"

. bench/desk.sh
start_desk bench/desk-crm.log

"$JAVA" bench/CrmImport.java generate "$DATA/csv" "$ORGS" "$CONTACTS"
"$JAVA" bench/CrmImport.java run "$URL" admin@partnerdesk.test "$TOKEN" "$DATA/csv"
