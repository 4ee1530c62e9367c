#!/usr/bin/env bash
# Logical backup of a desk (docs/operations.md "Backup and restore"): pg_dump -Fc of its database, then its disk file
# store and kept mail, into one new directory. The dump comes first: a file is stored before the row naming it commits.
#
#   PGHOST=db1 PGUSER=partnerdesk PGPASSWORD=… PARTNERDESK_DATA_DIR=/srv/partnerdesk bash deploy/backup.sh /srv/backups
#
# PGDATABASE (default partnerdesk), PGPORT and the other libpq variables choose the database; PG_BIN the client tools
# (default: pg_dump on PATH), which must be of the server's major version or newer. With S3 (PARTNERDESK_S3_BUCKET) the
# bucket is not copied here: copy it after this script, with your S3 tool or the bucket's versioning.
set -euo pipefail

target_root=${1:?usage: backup.sh TARGET_DIRECTORY}
data_dir=${PARTNERDESK_DATA_DIR:-./var}
pg_dump=${PG_BIN:+$PG_BIN/}pg_dump
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target=$target_root/partnerdesk-$stamp

mkdir -p "$target"
"$pg_dump" -d "${PGDATABASE:-partnerdesk}" -Fc -f "$target/partnerdesk.dump"
stores=()
for dir in files mail; do
  [[ -d $data_dir/$dir ]] && stores+=("$dir")
done
if (( ${#stores[@]} )); then
  tar -C "$data_dir" -czf "$target/files.tar.gz" "${stores[@]}"
fi
echo "$target: partnerdesk.dump $(stat -c %s "$target/partnerdesk.dump") bytes${stores:+, files.tar.gz (${stores[*]})}"
