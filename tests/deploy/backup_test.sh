#!/usr/bin/env bash
# Backup and restore of a live store, on SQLite and on PostgreSQL: a signed-in administrator
# keeps creating organisations over HTTP while `cairn backup` runs; the backup is restored into
# an empty store, whose audit chain must verify, which must hold every write acknowledged before
# the backup began, and in which every record has its audit entry and every audit entry its
# record (one snapshot, not a mixture). Also: what restore refuses.
# Usage: backup_test.sh PATH/TO/cairn   (PostgreSQL when CAIRN_TEST_PG is set)
set -uo pipefail
cairn=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=""
writer_pid=""
pg_dbs=()
cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  for d in "${pg_dbs[@]}"; do psql -q "$CAIRN_TEST_PG" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

source "$here/lib.sh"

writes=150
run() {  # run LABEL LIVE_URL RESTORE_URL
  local label=$1 live=$2 restored=$3
  "$cairn" --db "$live" init >/dev/null 2>&1
  echo "a long enough passphrase" | "$cairn" --db "$live" user add --username backup.admin --display-name B \
    --email b@x.example --role admin --organisation scottish-government --password-stdin >/dev/null 2>&1
  start_server "$label" "$live"
  sign_in "$label" backup.admin
  check "$label: the administrator signs in" test -n "$csrf"

  # The writer: one organisation per request; a line in acked-LABEL for each 201.
  : >"acked-$label"
  (
    for i in $(seq "$writes"); do
      [ "$(create_org "$label" "Backup test org $i")" = 201 ] && echo "$i" >>"acked-$label"
    done
  ) &
  writer_pid=$!
  for _ in $(seq 300); do [ "$(wc -l <"acked-$label")" -ge 20 ] && break; sleep 0.05; done
  local before
  before=$(wc -l <"acked-$label")
  out=$("$cairn" --db "$live" backup --out "backup-$label" 2>&1)
  check "$label: backup under writes succeeds: $out" contains "$out" "backed up"
  local during
  during=$(wc -l <"acked-$label")
  wait "$writer_pid"; writer_pid=""
  local total
  total=$(wc -l <"acked-$label")
  check "$label: every write was acknowledged" test "$total" = "$writes"
  check "$label: writes went on during and after the backup ($before before, $during at its end, $total in all)" \
    test "$total" -gt "$during"
  check "$label: the backup file is private (0600)" test "$(stat -c %a "backup-$label")" = 600
  kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
  check "$label: the live store's audit log records the backup" \
    test "$(sql "$live" "SELECT COUNT(*) FROM audit_log WHERE action = 'backup' AND outcome = 'success'")" = 1

  out=$("$cairn" restore --db "$restored" "backup-$label" 2>&1)
  check "$label: restore verifies the audit chain: $out" contains "$out" "audit chain intact"
  out=$("$cairn" --db "$restored" audit verify 2>&1)
  check "$label: cairn audit verify passes on the restored store" contains "$out" "audit chain intact"
  local got
  got=$(sql "$restored" "SELECT COUNT(*) FROM organisations WHERE name LIKE 'Backup test org %'")
  check "$label: every write acknowledged before the backup is restored ($got of at least $before)" test "$got" -ge "$before"
  local expected_names
  expected_names=$(head -n "$before" "acked-$label" | sed "s/.*/'Backup test org &'/" | paste -sd,)
  got=$(sql "$restored" "SELECT COUNT(*) FROM organisations WHERE name IN ($expected_names)")
  check "$label: namely the first $before, each by name" test "$got" = "$before"
  got=$(sql "$restored" "SELECT COUNT(*) FROM organisations o WHERE NOT EXISTS (SELECT 1 FROM audit_log a
    WHERE a.action = 'create' AND a.record_type = 'organisation' AND a.record_id = CAST(o.id AS TEXT))
    AND o.name LIKE 'Backup test org %'")
  check "$label: every restored record has its audit entry" test "$got" = 0
  got=$(sql "$restored" "SELECT COUNT(*) FROM audit_log a WHERE a.action = 'create' AND
    a.record_type = 'organisation' AND NOT EXISTS (SELECT 1 FROM organisations o WHERE CAST(o.id AS TEXT) = a.record_id)")
  check "$label: every restored audit entry has its record" test "$got" = 0
  got=$(sql "$restored" "SELECT COUNT(*) FROM audit_log WHERE action = 'restore'")
  check "$label: the restored store records the restore" test "$got" = 1
  out=$("$cairn" restore --db "$restored" "backup-$label" 2>&1)
  check "$label: restore refuses a store that holds data" contains "$out" "restore into a new\|--replace"
  out=$("$cairn" restore --db "$restored" --replace "backup-$label" 2>&1)
  check "$label: --replace restores over it: $out" contains "$out" "audit chain intact"
}

run sqlite "$work/live.db" "$work/restored.db"
echo "not a backup" >junk.bak
out=$("$cairn" restore --db "$work/x.db" junk.bak 2>&1)
check "a file that is no backup is refused by name" contains "$out" "junk.bak is neither"
out=$("$cairn" --db "$work/nothing-here.db" backup --out "$work/n.bak" 2>&1)
check "backing up a missing SQLite store creates nothing" test ! -e "$work/n.bak.partial"

if [ -n "${CAIRN_TEST_PG:-}" ]; then
  live_db="cairn_backup_live_$$"
  restored_db="cairn_backup_restored_$$"
  pg_dbs=("$live_db" "$restored_db")
  psql -q "$CAIRN_TEST_PG" -c "CREATE DATABASE $live_db" -c "CREATE DATABASE $restored_db" >/dev/null
  run postgres "${CAIRN_TEST_PG%/*}/$live_db" "${CAIRN_TEST_PG%/*}/$restored_db"
  out=$("$cairn" restore --db "$work/y.db" backup-postgres 2>&1)
  check "a pg_dump is not restored into SQLite" contains "$out" "is a PostgreSQL dump"
  out=$("$cairn" restore --db "${CAIRN_TEST_PG%/*}/$restored_db" backup-sqlite 2>&1)
  check "nor a SQLite backup into PostgreSQL" contains "$out" "is a SQLite backup"
elif [ "${CAIRN_REQUIRE_PG:-}" = 1 ]; then
  echo "FAIL: CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset"; failed=$((failed + 1))
fi

finish backup
