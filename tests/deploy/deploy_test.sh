#!/usr/bin/env bash
# docs/deploy.md, followed by a script: install into a prefix as `make install` does, create the
# PostgreSQL role and database, write /etc/cairn/cairn.toml from the installed example, run
# `cairn init` and `cairn serve` with the settings and secrets the systemd unit gives it, and
# check that it is ready, serves the web UI, signs the administrator in, answers metrics and
# logs JSON lines. The unit file is checked with systemd-analyze where systemd is installed.
# Needs CAIRN_TEST_PG (scripts/with-test-postgres). Usage: deploy_test.sh BUILD_DIR
set -uo pipefail
build=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=""
db=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  [ -n "$db" ] && psql -q "$CAIRN_TEST_PG" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

source "$here/lib.sh"

if [ -z "${CAIRN_TEST_PG:-}" ]; then
  if [ "${CAIRN_REQUIRE_PG:-}" = 1 ]; then echo "FAIL: CAIRN_REQUIRE_PG=1 but CAIRN_TEST_PG is unset"; exit 1; fi
  echo "deploy: skipped (no CAIRN_TEST_PG; run under scripts/with-test-postgres)"
  exit 0
fi

# Step 2 of docs/deploy.md: make install (here into a prefix rather than /usr/local).
prefix=$work/usr/local
cmake --install "$build" --prefix "$prefix" >install.log 2>&1
check "make install puts the binary in bin" test -x "$prefix/bin/cairn"
check "and the web UI in share/cairn/web" test -f "$prefix/share/cairn/web/index.html"
for f in cairn.toml cairn.service cairn.env.example nginx-cairn.conf; do
  check "and deploy/$f in share/cairn/deploy" test -f "$prefix/share/cairn/deploy/$f"
done
check "and this guide in share/doc/cairn" test -f "$prefix/share/doc/cairn/deploy.md"

# Step 3: a role and a database in PostgreSQL.
db="cairn_deploy_$$"
pg_hostport=$(sed -n 's|^postgresql://[^@]*@\([^/]*\)/.*|\1|p' <<<"$CAIRN_TEST_PG")
psql -q -v ON_ERROR_STOP=1 "$CAIRN_TEST_PG" -c "CREATE ROLE $db LOGIN PASSWORD 'deploy-test-password'" \
  -c "CREATE DATABASE $db OWNER $db" >/dev/null
check "the role and database exist" psql -q "$CAIRN_TEST_PG" -c "SELECT 1 FROM pg_database WHERE datname = '$db'"

# Step 4: /etc/cairn/cairn.toml from the installed example, and the secrets file.
mkdir -p etc/cairn
python3 - "$prefix/share/cairn/deploy/cairn.toml" etc/cairn/cairn.toml "postgresql://$db@$pg_hostport/$db" \
  "$prefix/share/cairn/web" <<'PY'
import sys
src, dst, url, web = sys.argv[1:]
text = open(src).read()
for old, new in [('# url = "/var/lib/cairn/cairn.db"', f'url = "{url}"'),
                 ('web_dir = "web/dist"', f'web_dir = "{web}"'),
                 ('format = "text"', 'format = "json"')]:
    assert old in text, old
    text = text.replace(old, new, 1)
open(dst, "w").write(text)
PY
sed 's|^PGPASSWORD=.*|PGPASSWORD=deploy-test-password|' "$prefix/share/cairn/deploy/cairn.env.example" > etc/cairn/cairn.env
check "the secrets file sets PGPASSWORD" grep -q '^PGPASSWORD=deploy-test-password' etc/cairn/cairn.env

# The environment the systemd unit gives the service: CAIRN_CONFIG and the secrets file.
mapfile -t secrets < <(grep -v '^#' etc/cairn/cairn.env | grep '=')
service_env=(env -i PATH="$PATH" HOME="$work" CAIRN_CONFIG="$work/etc/cairn/cairn.toml" "${secrets[@]}")

# Step 5: cairn init, then cairn serve (here on a free port: CAIRN_PORT wins over the file's 8080).
out=$("${service_env[@]}" "$prefix/bin/cairn" init 2>&1)
check "init creates the store in PostgreSQL" contains "$out" "store ready: postgresql://$db@"
password=$(sed -n 's/^one-time password: //p' <<<"$out")
check "init prints the administrator's one-time password" test -n "$password"
check "init never logs the database password" test -z "$(grep -- deploy-test-password <<<"$out")"
"${service_env[@]}" CAIRN_PORT=0 "$prefix/bin/cairn" serve >serve.log 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "serving on" serve.log && break; sleep 0.1; done
port=$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' serve.log)
check "serve starts from the settings file" test -n "$port"
base="http://127.0.0.1:$port"
out=$(curl -s "$base/api/v1/ready")
check "ready: PostgreSQL reachable and fully migrated" contains "$out" '"status":"ready"'
out=$(curl -s "$base/api/v1/health")
check "health names the backend" contains "$out" '"database":"postgresql"'
out=$(curl -s "$base/")
check "the web UI is served from the installed folder" contains "$out" "<html"
out=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$password\"}" \
  "$base/api/v1/session/login")
check "the administrator signs in with the one-time password" contains "$out" '"must_change_password":true'
out=$(curl -s "$base/api/v1/metrics")
check "metrics answer on the host" contains "$out" "cairn_database_up 1"
kill -TERM "$server_pid"; wait "$server_pid"
check "serve stops cleanly on SIGTERM (systemctl stop)" test $? = 0
server_pid=""
check "the log is JSON lines" python3 -c '
import json
lines = [json.loads(l) for l in open("serve.log") if l.strip()]
assert lines and all("time" in l and "level" in l for l in lines)
assert any(l.get("path") == "/api/v1/session/login" and l.get("status") == 200 for l in lines)'
check "the log never holds the database password" test -z "$(grep -- deploy-test-password serve.log)"

# Step 6: the systemd unit, pointed at this prefix, passes systemd's own checks.
if command -v systemd-analyze >/dev/null 2>&1; then
  sed "s|/usr/local/bin/cairn|$prefix/bin/cairn|" "$prefix/share/cairn/deploy/cairn.service" > cairn.service
  out=$(systemd-analyze verify "$work/cairn.service" 2>&1)
  check "systemd-analyze verify accepts the unit: $out" test -z "$out"
else
  echo "deploy: systemd-analyze is not installed here; the unit file was not verified"
fi

finish deploy
