#!/usr/bin/env bash
# The real `cairn` binary from the command line: init, users, audit verify (including a
# tampered chain), serve, and the same store commands against PostgreSQL when CAIRN_TEST_PG
# is set. Usage: cli_test.sh PATH/TO/cairn
set -uo pipefail
cairn=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"

passed=0
failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
contains() { grep -q -- "$2" <<<"$1"; }

out=$("$cairn" --version)
check "--version prints the version" contains "$out" "^cairn [0-9]"
for sub in "init" "serve" "user" "user add" "user list" "user disable" "user reset-password" "audit" "audit verify"; do
  # shellcheck disable=SC2086
  check "$sub --help" "$cairn" $sub --help
done
out=$("$cairn" --help)
check "--help lists --db" contains "$out" "--db"

# init: migrates, seeds and prints a one-time password for the first administrator.
out=$("$cairn" --db t.db init 2>&1)
check "init seeds 47 organisations" contains "$out" "seeded 47 organisations and 4 strands"
check "init prints a one-time password" contains "$out" "one-time password: "
out=$("$cairn" --db t.db init 2>&1)
check "init again creates nothing" contains "$out" "seeded 0 organisations and 0 strands"
check "init again makes no second admin" contains "$out" "users exist already"
check "organisations not duplicated" test "$(sqlite3 t.db 'SELECT COUNT(*) FROM organisations')" = 47

# CAIRN_DB stands in for --db.
out=$(CAIRN_DB=t.db "$cairn" user list)
check "CAIRN_DB selects the store" contains "$out" "admin"

# users
out=$(echo "a long enough passphrase" | "$cairn" --db t.db user add --username ana.lyst --display-name "Ana Lyst" \
  --email ana@police.example --role analyst --organisation police-scotland --password-stdin)
check "user add" contains "$out" "created user ana.lyst"
out=$("$cairn" --db t.db user add --username bad --display-name B --email b@x.example --role overlord --organisation hmrc 2>&1)
code=$?
check "bad role exits 2" test "$code" = 2
check "bad role is named" contains "$out" "(role)"
out=$("$cairn" --db t.db user add --username nope --display-name N --email n@x.example --role partner --organisation atlantis 2>&1)
check "unknown organisation is named" contains "$out" "no organisation with slug atlantis"
out=$("$cairn" --db t.db user list --organisation police-scotland)
check "user list filters by organisation" contains "$out" "ana.lyst"
out=$("$cairn" --db t.db user disable ana.lyst)
check "user disable" contains "$out" "disabled ana.lyst"
out=$("$cairn" --db t.db user list)
check "disabled shows in list" contains "$out" "ana.lyst	analyst	.*disabled"
out=$("$cairn" --db t.db user reset-password admin)
check "reset-password prints a new one" contains "$out" "one-time password for admin: "

# audit verify: intact, then tampered directly in the database.
out=$("$cairn" --db t.db audit verify)
check "audit verify passes" contains "$out" "audit chain intact"
sqlite3 t.db "UPDATE audit_log SET detail = '{\"name\":\"edited\"}' WHERE seq = 7"
out=$("$cairn" --db t.db audit verify 2>&1)
code=$?
check "tampered chain exits 3" test "$code" = 3
check "tampered entry is named" contains "$out" "broken at entry 7"

# serve: answers health on the port it prints, refuses a port in use, stops on SIGTERM.
"$cairn" --db t.db serve --port 0 --web-dir "$work/none" >serve.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q "serving on" serve.log && break; sleep 0.1; done
port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' serve.log)
out=$(curl -s "http://127.0.0.1:$port/api/v1/health")
check "serve answers health" contains "$out" '"status":"ok"'
out=$("$cairn" --db t.db serve --port "$port" 2>&1)
check "port in use is a clear error" contains "$out" "cannot listen on 127.0.0.1:$port"
kill -TERM "$server_pid"
wait "$server_pid"
check "serve stops cleanly on SIGTERM" test $? = 0
server_pid=""

# Over TLS the session cookie is also Secure.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -keyout key.pem -out cert.pem >/dev/null 2>&1
echo "a long enough passphrase" | "$cairn" --db t.db user add --username tls.user --display-name T \
  --email t@x.example --role partner --organisation fife --password-stdin >/dev/null
"$cairn" --db t.db serve --port 0 --tls-cert cert.pem --tls-key key.pem >tls.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q "serving on" tls.log && break; sleep 0.1; done
port=$(sed -n 's|.*serving on https://127.0.0.1:\([0-9]*\)/.*|\1|p' tls.log)
headers=$(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"tls.user","password":"a long enough passphrase"}' "https://127.0.0.1:$port/api/v1/session/login")
check "TLS sign-in succeeds" contains "$headers" "HTTP/1.1 200"
check "TLS session cookie is Secure" contains "$headers" "SameSite=Strict; Max-Age=[0-9]*; Secure"
check "over TLS, browsers are told to keep to HTTPS (HSTS)" contains "$headers" "Strict-Transport-Security: max-age=31536000"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
out=$("$cairn" --db t.db serve --port 0 --tls-cert cert.pem 2>&1)
check "--tls-cert without --tls-key is refused" contains "$out" "go together"

# Deployment settings: a config file (CAIRN_CONFIG) names the store and asks for JSON logs;
# CAIRN_* variables and flags win over it; off loopback, serving needs TLS or a TLS proxy.
cat > site.toml <<TOML
[server]
port = 9
[database]
url = "$work/site.db"
[log]
format = "json"
TOML
CAIRN_CONFIG=site.toml CAIRN_PORT=0 "$cairn" serve --web-dir "$work/none" >site.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q "serving on" site.log && break; sleep 0.1; done
port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' site.log)
check "CAIRN_PORT wins over the file's port" test -n "$port"
check "[database] url names the store" test -f site.db
out=$(curl -s "http://127.0.0.1:$port/api/v1/ready")
check "ready once migrated" contains "$out" '"status":"ready"'
out=$(curl -s "http://127.0.0.1:$port/api/v1/metrics")
check "metrics in Prometheus text" contains "$out" 'cairn_http_requests_total{method="GET",route="/api/v1/ready",status="200"} 1'
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
check "log lines are JSON objects" python3 -c '
import json, sys
lines = [json.loads(l) for l in open("site.log") if l.strip()]
assert lines and all({"time", "level", "message"} <= l.keys() for l in lines)
assert any(l.get("path") == "/api/v1/ready" and l.get("status") == 200 for l in lines)'
out=$("$cairn" --db t.db serve --host 0.0.0.0 --port 0 2>&1)
check "plain HTTP off loopback is refused" contains "$out" "refusing to serve on 0.0.0.0 without TLS"
printf '[server]\nhost = "0.0.0.0"\n' > public.toml
out=$("$cairn" --db t.db --config public.toml serve --port 0 2>&1)
check "also when the host comes from the file" contains "$out" "refusing to serve on 0.0.0.0 without TLS"
"$cairn" --db t.db --config public.toml serve --port 0 --behind-tls-proxy --web-dir "$work/none" >proxy.log 2>&1 &
server_pid=$!
for _ in $(seq 50); do grep -q "serving on" proxy.log && break; sleep 0.1; done
check "behind a TLS proxy it serves off loopback" contains "$(cat proxy.log)" "behind a TLS proxy"
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""

# Retention: a dry run lists every rule and changes nothing; a run is audited only if it did something.
before=$(sqlite3 t.db "SELECT COUNT(*) FROM audit_log")
out=$("$cairn" --db t.db retention --dry-run 2>&1)
check "retention --dry-run lists the rules" contains "$out" "closed_divert"
check "retention --dry-run says the audit log is kept" contains "$out" "audit_log.*kept indefinitely"
check "retention --dry-run changes nothing" test "$(sqlite3 t.db "SELECT COUNT(*) FROM audit_log")" = "$before"
out=$("$cairn" --db t.db retention 2>&1)
check "retention runs" contains "$out" "Retention applied"

# Record linkage on any CSV: good rows load, bad rows are reported with their line.
cat > people.csv <<'CSV'
id, first, last, born, postcode
a1, John, Smith, 1970-03-01, PA1 1AA
a2, Jon, Smith, 01/03/1970, pa11aa
a3, Aileen, McLeod, 1985-07-12, G2 3AB
a4, "broken"quote, x, 1990-01-01, EH1 1AA
a5, only, three
a6, Ailene, Mcleod, 1985-07-12, G2 3AB
CSV
printf 'a7, Big, %s, 1990-01-01, EH1 1AA\n' "$(head -c 70000 /dev/zero | tr '\0' x)" >> people.csv
out=$("$cairn" dedupe --in people.csv --id id --field given_name=first --field surname=last \
  --field dob=born --field postcode=postcode --out clusters.csv 2>&1)
check "dedupe runs" test -s clusters.csv
check "dedupe reports broken quoting by line" contains "$out" "people.csv line 5: broken quoting"
check "dedupe reports a short row by line" contains "$out" "people.csv line 6: 3 columns where the header has 5"
check "dedupe reports a row too long to link by line" contains "$out" \
  "people.csv line 8: the fields come to more than 65535 bytes"
check "dedupe counts what it read" contains "$out" "4 records read, 3 rejected"
check "dedupe writes id,cluster_id" test "$(head -1 clusters.csv)" = "id,cluster_id"
check "dedupe writes every good record" test "$(wc -l < clusters.csv)" = 5
out=$("$cairn" dedupe --in people.csv --id id --field surname=nosuch --out x.csv 2>&1)
check "a missing column is named" contains "$out" "no column named 'nosuch'"
out=$("$cairn" dedupe --in people.csv --id id --field shoe_size=last --out x.csv 2>&1)
check "an unknown role is named" contains "$out" "unknown role 'shoe_size'"
out=$("$cairn" link --left people.csv --right people.csv --id id --field surname=last --field dob=born --out pairs.csv 2>&1)
check "link writes left_id,right_id,probability" test "$(head -1 pairs.csv)" = "left_id,right_id,probability"

# Synthetic people: the asked-for rows, the Febrl header, the same file for the same seed.
"$cairn" synth persons --rows 500 --seed 4 --out s1.csv 2>/dev/null
"$cairn" synth persons --rows 500 --seed 4 --out s2.csv 2>/dev/null
"$cairn" synth persons --rows 500 --seed 5 --out s3.csv 2>/dev/null
check "synth writes header and rows" test "$(wc -l < s1.csv)" = 501
check "synth uses the Febrl columns" contains "$(head -1 s1.csv)" "^rec_id, given_name, surname, street_number"
check "synth is deterministic" cmp -s s1.csv s2.csv
check "synth depends on the seed" test "$(cmp -s s1.csv s3.csv; echo $?)" = 1
check "synth writes duplicates with their truth" contains "$(cat s1.csv)" "rec-[0-9]*-dup-0"

# Ingest: counts, rejects by line, nothing changed the second time, a clear error otherwise.
companies="$here/../testdata/companies/basic_company_data.csv"
out=$("$cairn" --db i.db ingest "$companies" 2>&1)
check "ingest counts" contains "$out" "read 7, loaded 3, unchanged 0, rejected 4"
check "ingest names rejected lines" contains "$out" "basic_company_data.csv line 4: IncorporationDate"
out=$("$cairn" --db i.db ingest --format companies_house_companies "$companies" 2>&1)
check "re-ingest changes nothing" contains "$out" "read 7, loaded 0, unchanged 3, rejected 4"
out=$("$cairn" --db i.db ingest people.csv 2>&1)
check "an unknown format is a clear error" contains "$out" "format not recognised"
out=$("$cairn" --db i.db ingest --format nonsense "$companies" 2>&1)
check "an unknown --format is refused" contains "$out" "nonsense"
out=$("$cairn" --db i.db ingest "$here/../testdata/companies/psc.jsonl" "$here/../testdata/companies/officers.jsonl" 2>&1)
check "ingest detects PSC JSON lines" contains "$out" "(companies_house_psc): read 6, loaded 3, unchanged 0, rejected 3"
check "ingest detects officers JSON lines" contains "$out" "(companies_house_officers): read 6, loaded 3, unchanged 0, rejected 3"
csvdata="$here/../testdata/cairn_csv"
out=$("$cairn" --db i.db ingest "$csvdata/licences.csv" "$csvdata/inspections.csv" 2>&1)
check "ingest licence register" contains "$out" "(licences): read 7, loaded 3, unchanged 0, rejected 4"
check "ingest inspection reports" contains "$out" "(inspections): read 5, loaded 3, unchanged 0, rejected 2"
out=$("$cairn" --db i.db ingest "$csvdata/intelligence.csv" 2>&1)
check "intelligence needs its owner" contains "$out" "restricted to the organisation"
"$cairn" --db i.db init >/dev/null 2>&1
out=$("$cairn" --db i.db ingest --organisation police-scotland "$csvdata/intelligence.csv" 2>&1)
check "ingest intelligence subjects" contains "$out" "(intelligence_subjects): read 5, loaded 3, unchanged 0, rejected 2"
check "intelligence is stored restricted" test "$(sqlite3 i.db "SELECT COUNT(*) FROM source_records WHERE restricted = 1")" = 3
out=$("$cairn" --db i.db ingest --format licences --mapping "$csvdata/council_mapping.toml" "$csvdata/council_export.csv" 2>&1)
check "a column mapping loads a council export" contains "$out" "read 1, loaded 1"
out=$("$cairn" --db i.db ingest "$here/../testdata/ocds/package.json" "$here/../testdata/ocds/compiled.jsonl" 2>&1)
check "ingest an OCDS release package" contains "$out" "package.json (ocds): read 3, loaded 2, unchanged 0, rejected 1"
check "ingest OCDS compiled releases" contains "$out" "compiled.jsonl (ocds): read 3, loaded 1, unchanged 0, rejected 2"
out=$("$cairn" --db i.db ingest "$here/../testdata/ftm/entities.jsonl" 2>&1)
check "ingest FollowTheMoney entities" contains "$out" "(ftm): read 6, loaded 3, unchanged 0, rejected 3"
out=$("$cairn" --db i.db resolve 2>&1)
check "resolve reports what it built" contains "$out" "records [0-9]*, mentions [0-9]*, links [0-9]*"
check "resolve finds organisations" contains "$out" "organisation: [0-9]* entities"
out=$("$cairn" --db i.db resolve 2>&1)
n=$(sqlite3 i.db "SELECT COUNT(*) FROM entities")
check "a second resolve keeps every id" contains "$out" "entity ids kept from the last run: $n"
out=$("$cairn" --db i.db export ftm --out network.ftm.jsonl 2>&1)
check "export ftm reports what it wrote" contains "$out" "exported [0-9]* entities and [0-9]* links; [0-9]* restricted left out"
out=$("$cairn" --db i.db ingest network.ftm.jsonl 2>&1)
check "the export reads back as FollowTheMoney" contains "$out" "(ftm): read [0-9]*, loaded [0-9]*, unchanged 0, rejected 0"
out=$("$cairn" --db i.db mail send 2>&1)
check "mail send without SMTP keeps the outbox" contains "$out" "SMTP is not configured (\[smtp\] url): [0-9]* emails kept in the outbox, unsent"
out=$("$cairn" --db i.db tasks remind 2>&1)
check "tasks remind reports what it did" contains "$out" "reminded the owners of [0-9]* overdue tasks"
out=$("$cairn" --db i.db export 360giving --format csv 2>&1)
check "export 360giving writes the standard's columns" contains "$out" "^Identifier,Title,Description,Currency,Amount Applied For"
out=$("$cairn" --db i.db export 360giving 2>&1)
check "export 360giving writes a JSON package" contains "$out" '"grants": \['
out=$("$cairn" --db i.db export 360giving --format xlsx 2>&1) && r=0 || r=$?
check "export 360giving asks for a file for a spreadsheet" contains "$out$r" "needs\|--out is needed"
out=$("$cairn" --db i.db audit verify)
check "audit chain intact after ingest" contains "$out" "audit chain intact"

# A synthetic world, from the command line: generate, load, resolve, measure.
out=$("$cairn" synth --out world --scale demo --seed 3 2>&1)
check "synth --scale writes every format" contains "$out" "world/intel.csv: [0-9]* rows"
check "synth reports the planted patterns" contains "$out" "[0-9]* planted patterns (scale demo, seed 3)"
check "synth writes the truth" test -s world/truth.json
out=$("$cairn" synth --scale demo 2>&1)
check "synth without --out says what is missing" contains "$out" "--out"
out=$("$cairn" synth --out world2 --scale mars 2>&1)
check "synth names a bad scale" contains "$out" "mars"
"$cairn" --db w.db init >/dev/null 2>&1
"$cairn" --db w.db ingest --quiet-rejects world/companies.csv world/psc.jsonl world/officers.jsonl world/ocds.jsonl \
  world/licences.csv world/inspections.csv >/dev/null 2>&1
"$cairn" --db w.db ingest --organisation police-scotland world/intel.csv >/dev/null 2>&1
out=$("$cairn" --db w.db resolve 2>&1)
check "resolve uses the Fellegi-Sunter model for thousands of people" contains "$out" "joined by the Fellegi-Sunter model"
check "resolve times its stages" contains "$out" "analytics: communities: [0-9.]* s"
check "resolve times the people stage's steps" contains "$out" "    comparing: [0-9.e+-]* s (resident"
check "resolve gives each stage's memory" contains "$out" "write: [0-9.e+-]* s (resident [0-9]* MiB, peak [0-9]* MiB)"
check "resolve draws no bar when not on a terminal" bash -c '! grep -q "reading records" <<<"$1"' _ "$out"
# On a terminal (script(1) gives it one) the long steps draw a bar as they go; a re-run writes
# nothing new but ends each bar all the same.
out=$(script -qec "'$cairn' --db w.db resolve" /dev/null 2>&1 | tr '\r' '\n')
check "resolve on a terminal shows reading the records" contains "$out" "\] 100%  reading records"
check "resolve on a terminal shows writing the mentions" contains "$out" "\] 100%  writing mentions"
check "resolve on a terminal still ends with its report" contains "$out" "rows written: 0 inserted"
out=$("$cairn" --db w.db evaluate --truth world/truth.json 2>&1)
check "evaluate reports person precision and recall" contains "$out" "people    precision 0\.9[5-9][0-9]*  recall 0\.9[5-9]"
check "evaluate reports company precision and recall" contains "$out" "companies precision [01]\.[09][0-9]*  recall 0\.9[5-9]"
out=$("$cairn" --db w.db evaluate --truth world/intel.csv 2>&1)
check "evaluate refuses a file that is not a truth" contains "$out" "not a truth.json"

# A bad store URL is a clear error, not a crash.
out=$("$cairn" --db "postgresql://nobody@127.0.0.1:1/none" user list 2>&1)
code=$?
check "unreachable PostgreSQL is a clear error" contains "$out" "cannot open database"
check "unreachable PostgreSQL exits 1" test "$code" = 1

# Detection over the synthetic world: findings with their records, a ranking, determinism,
# and settings mistakes refused before anything is read.
printf '[C1]\nmin_changes = -2\n' >bad.toml
out=$("$cairn" --db w.db detect --config bad.toml 2>&1)
check "detect refuses a negative threshold with file, line and key" contains "$out" "bad.toml line 2: C1.min_changes must not be negative"
printf '[C12]\nweight = 0.5\n' >bad.toml
out=$("$cairn" --db w.db detect --config bad.toml 2>&1)
check "detect refuses an unknown indicator" contains "$out" "bad.toml line 1: C12 is not an indicator Cairn knows"
printf '[N2]\nweight = "high"\n' >bad.toml
out=$("$cairn" --db w.db detect --config bad.toml 2>&1)
check "detect refuses a weight of the wrong type" contains "$out" "N2.weight must be a number"
check "a refused configuration wrote no findings" test "$(sqlite3 w.db 'SELECT COUNT(*) FROM findings')" = 0
out=$("$cairn" --db w.db detect --as-of 30/06/2026 2>&1)
check "detect names a bad --as-of" contains "$out" "30/06/2026"
out=$("$cairn" --db w.db detect --as-of 2026-06-30 2>&1)
check "detect reports findings per indicator" contains "$out" "C1: [0-9]* findings"
check "detect times its stages" contains "$out" "indicators: [0-9.]* s"
out=$("$cairn" --db w.db detect --as-of 2026-06-30 2>&1)
check "detect again on the same data changes nothing" contains "$out" " 0 new, 0 changed, 0 reopened (evidence changed since dismissed), 0 gone"
out=$("$cairn" --db w.db findings --format json --top 3 2>&1)
check "findings --format json lists indicator, entity, score and evidence" python3 -c '
import json, sys
f = json.loads(sys.argv[1])
assert len(f) == 3 and all({"indicator", "entity", "score", "evidence"} <= set(x) for x in f)
assert all(e["file"] and e["line"] > 0 for x in f for e in x["evidence"])
assert f[0]["score"] >= f[1]["score"] >= f[2]["score"]' "$out"
"$cairn" --db w.db findings --format json >all.json 2>&1
check "findings leaves out restricted ones by default" python3 -c '
import json, sys
f = json.load(open("all.json"))
assert len(f) > 100 and not any(x["restricted"] for x in f)' 
out=$("$cairn" --db w.db findings --indicator N1 --include-restricted --top 1 2>&1)
check "findings --include-restricted shows intelligence-based ones" contains "$out" ",N1,.*,1,"
check "reading restricted findings is audited" test "$(sqlite3 w.db "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'findings'")" = 1
out=$("$cairn" --db w.db risk --kind organisation --top 5 2>&1)
check "risk ranks organisations" contains "$out" "^1,O"
out=$("$cairn" --db w.db evaluate --truth world/truth.json --detection 2>&1)
check "evaluate --detection reports each indicator and the ranking" contains "$out" "ranking: P = [0-9]* planted SOC-group businesses"

# Red flags (cairn redflags): init, a settings error that names the key, a Cardinal case through
# standard input, bad lines warned about by number while good lines still flag, and coverage.
cases="$here/../../../shared/data/cardinal/indicators"
out=$("$cairn" redflags init rf.ini 2>&1)
check "redflags init writes a settings file" contains "$out" "wrote rf.ini"
check "redflags init enables R058" grep -q '^\[R058\]' rf.ini
out=$("$cairn" redflags init rf.ini 2>&1)
check "redflags init refuses to overwrite" contains "$out" "exists; use --force"
printf '[R003]\nthreshhold = 3\n' > bad.ini
out=$("$cairn" redflags --settings bad.ini "$cases/R003.jsonl" 2>&1)
check "an unknown setting is named with its line" contains "$out" "bad.ini line 2: unknown setting \[R003\] threshhold"
out=$("$cairn" redflags --settings rf.ini --no-meta - < "$cases/R018.jsonl" 2>/dev/null)
check "R018 case through standard input" test "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]) == json.load(open(sys.argv[2])))' "$out" "$cases/R018.expected")" = True
{ head -1 "$cases/R003.jsonl"; echo '{"ocid": "broken"'; printf '{"ocid":"\xff"}\n'; echo '{"tender":{}}'; } > mixed.jsonl
out=$("$cairn" redflags --no-meta mixed.jsonl 2>err.txt)
check "good lines still flag beside bad ones" contains "$out" '"open":{"R003":1.0}'
check "invalid JSON is warned about by line" grep -q "warning: line 2: invalid JSON" err.txt
check "bad UTF-8 is warned about by line" grep -q "warning: line 3: invalid JSON" err.txt
check "a missing ocid is warned about by line" grep -q "warning: line 4: ocid is missing" err.txt
check "the run reports its counts" grep -q "4 lines: 1 processes read, 3 skipped as invalid" err.txt
out=$("$cairn" redflags coverage "$cases/R035.jsonl")
check "coverage counts processes" contains "$out" "^12 processes"
check "coverage says R035 is supported" contains "$out" "^R035 *yes"
check "coverage says R003 is not" contains "$out" "R003 *no .*missing: tender/tenderPeriod/startDate"
out=$("$cairn" redflags coverage --format json "$cases/R035.jsonl")
check "coverage as JSON" test "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print([i["supported"] for i in d["indicators"] if i["code"]=="R035"][0])' "$out")" = True
out=$("$cairn" redflags absent.jsonl 2>&1)
check "a missing file is an error" contains "$out" "cannot read absent.jsonl"

# Blind screening: the police side publishes its keyed set; a bad --remote is refused.
"$cairn" --db bs.db init >/dev/null 2>&1
out=$("$cairn" --db bs.db watchlist publish --organisation police-scotland --out set.json 2>&1)
check "watchlist publish reports its size" contains "$out" "published 0 keyed identifiers for police-scotland"
check "watchlist publish writes the set" grep -q '"elements"' set.json
out=$("$cairn" --db bs.db watchlist publish --organisation nobody 2>&1)
check "an unknown organisation is refused" contains "$out" "no organisation with slug nobody"
out=$(echo pw | "$cairn" --db bs.db screen --remote ftp://x --tender 1 --user u --password-stdin 2>&1)
check "screen wants http://host:port" contains "$out" "give the police deployment as http://host:port"

# The same against PostgreSQL, when the test server is up.
if [ -n "${CAIRN_TEST_PG:-}" ]; then
  db="cli_$$"
  psql -q "$CAIRN_TEST_PG" -c "CREATE DATABASE $db" >/dev/null
  pg="${CAIRN_TEST_PG%/*}/$db"
  out=$(CAIRN_DB=$pg "$cairn" init 2>&1)
  check "postgres: init" contains "$out" "seeded 47 organisations"
  out=$("$cairn" --db "$pg" audit verify)
  check "postgres: audit verify passes" contains "$out" "audit chain intact"
  psql -q "$pg" -c "UPDATE audit_log SET actor = 'mallory' WHERE seq = 5" >/dev/null
  out=$("$cairn" --db "$pg" audit verify 2>&1)
  check "postgres: tampered entry is named" contains "$out" "broken at entry 5"
  psql -q "$CAIRN_TEST_PG" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
elif [ "${CAIRN_REQUIRE_PG:-}" = 1 ]; then
  echo "FAIL: CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset"; failed=$((failed + 1))
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
