#!/usr/bin/env bash
# Crash safety, on SQLite and PostgreSQL: `cairn serve` killed with SIGKILL in the middle of a
# stream of acknowledged writes loses none of them; `cairn ingest` killed part-way through a file
# leaves it marked unfinished, and the next ingest of the file finishes it exactly once; the audit
# chain verifies after each. With PostgreSQL, the database is restarted under a running server,
# which must reconnect and keep serving. Run it under its own scripts/with-test-postgres, since it
# restarts that server. Usage: crash_test.sh PATH/TO/cairn
set -uo pipefail
cairn=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -KILL "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

source "$here/lib.sh"

# A Companies House file big enough that the kill lands part-way (200,000 companies).
python3 - "$here/../testdata/companies/basic_company_data.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
with open("big.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(rows[0])
    for i in range(200000):
        r = list(rows[1])
        r[0], r[1] = f"CRASH TEST COMPANY {i} LTD", f"CT{i:06d}"
        w.writerow(r)
PY

run() {  # run LABEL URL
  local label=$1 url=$2
  "$cairn" --db "$url" init >/dev/null 2>&1
  echo "a long enough passphrase" | "$cairn" --db "$url" user add --username crash.admin --display-name C \
    --email c@x.example --role admin --organisation scottish-government --password-stdin >/dev/null 2>&1

  # 1. SIGKILL in the middle of acknowledged writes.
  start_server "$label" "$url"
  sign_in "$label" crash.admin
  check "$label: signed in" test -n "$csrf"
  : >"acked-$label"
  (
    for i in $(seq 1000); do
      [ "$(create_org "$label" "Crash test org $i")" = 201 ] && echo "$i" >>"acked-$label" || break
    done
  ) &
  local writer=$!
  for _ in $(seq 200); do [ "$(wc -l <"acked-$label")" -ge 40 ] && break; sleep 0.05; done
  kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
  wait "$writer"
  local acked
  acked=$(wc -l <"acked-$label")
  check "$label: writes were acknowledged before the kill ($acked)" test "$acked" -ge 40
  start_server "$label" "$url"
  check "$label: serve starts again after SIGKILL" contains "$(curl -s "$base/api/v1/ready")" '"status":"ready"'
  local names got
  names=$(sed "s/.*/'Crash test org &'/" "acked-$label" | paste -sd,)
  got=$(sql "$url" "SELECT COUNT(*) FROM organisations WHERE name IN ($names)")
  check "$label: every acknowledged write survived the kill ($got of $acked)" test "$got" = "$acked"
  sign_in "$label" crash.admin
  check "$label: and the server takes writes again" test "$(create_org "$label" "After the kill")" = 201
  kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
  out=$("$cairn" --db "$url" audit verify 2>&1)
  check "$label: audit verify passes after the kill: $out" contains "$out" "audit chain intact"

  # 2. SIGKILL part-way through an ingest.
  "$cairn" --db "$url" ingest --quiet-rejects big.csv >"ingest-$label.log" 2>&1 &
  local ingest=$!
  local n=0
  for _ in $(seq 600); do
    n=$(sql "$url" "SELECT COUNT(*) FROM source_records WHERE record_key LIKE 'CT%'" 2>/dev/null || echo 0)
    [ "${n:-0}" -gt 0 ] && break
    sleep 0.02
  done
  kill -KILL "$ingest"; wait "$ingest" 2>/dev/null
  n=$(sql "$url" "SELECT COUNT(*) FROM source_records WHERE record_key LIKE 'CT%'")
  check "$label: the kill landed part-way through the file ($n of 200000 rows stored)" test "$n" -gt 0 -a "$n" -lt 200000
  check "$label: the interrupted file is marked unfinished" \
    test "$(sql "$url" "SELECT COUNT(*) FROM source_files WHERE completed = 0")" = 1
  out=$("$cairn" --db "$url" ingest --quiet-rejects big.csv 2>&1)
  check "$label: the next ingest finishes it: $out" contains "$out" "read 200000, loaded $((200000 - n)), unchanged $n, rejected 0 (finished an interrupted ingest"
  check "$label: every row stored once" \
    test "$(sql "$url" "SELECT COUNT(*) FROM source_records WHERE record_key LIKE 'CT%'")" = 200000
  check "$label: one completed file, nothing left unfinished" \
    test "$(sql "$url" "SELECT COUNT(*) || '/' || SUM(completed) FROM source_files")" = "1/1"
  out=$("$cairn" --db "$url" ingest --quiet-rejects big.csv 2>&1)
  check "$label: ingesting it again changes nothing" contains "$out" "loaded 0, unchanged 200000"
  out=$("$cairn" --db "$url" audit verify 2>&1)
  check "$label: audit verify passes after the interrupted ingest" contains "$out" "audit chain intact"
}

run sqlite "$work/crash.db"

if [ -n "${CAIRN_TEST_PG:-}" ]; then
  db="cairn_crash_$$"
  psql -q "$CAIRN_TEST_PG" -c "CREATE DATABASE $db" >/dev/null
  url="${CAIRN_TEST_PG%/*}/$db"
  run postgres "$url"

  # 3. PostgreSQL restarts under a running server.
  start_server pg-restart "$url"
  sign_in pg-restart crash.admin
  check "postgres: writes before the restart" test "$(create_org pg-restart "Before the restart")" = 201
  as_pg=()
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$CAIRN_TEST_PG_DATA" -m fast -w restart >pg-restart.log 2>&1
  check "postgres: the database restarted" test $? = 0
  ready=""
  for _ in $(seq 100); do
    contains "$(curl -s "$base/api/v1/ready")" '"status":"ready"' && { ready=1; break; }
    sleep 0.1
  done
  check "postgres: the server is ready again after the restart" test -n "$ready"
  ok=0
  for i in $(seq 20); do [ "$(create_org pg-restart "After the restart $i")" = 201 ] && ok=$((ok + 1)); done
  check "postgres: and keeps serving writes ($ok of 20)" test "$ok" = 20
  check "postgres: the server kept running through it" kill -0 "$server_pid"
  kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
  out=$("$cairn" --db "$url" audit verify 2>&1)
  check "postgres: audit verify passes after the restart" contains "$out" "audit chain intact"
  psql -q "$CAIRN_TEST_PG" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1
elif [ "${CAIRN_REQUIRE_PG:-}" = 1 ]; then
  echo "FAIL: CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset"; failed=$((failed + 1))
fi

finish crash
