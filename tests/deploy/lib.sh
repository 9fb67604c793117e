# Shared by the tests in tests/deploy: counting checks, and driving a `cairn serve` over HTTP.
# Source it after setting `cairn` (the binary) and `work` (a scratch folder, the current one).

passed=0
failed=0
# check NAME COMMAND...: the command must succeed.
check() {
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
# contains TEXT PATTERN: grep for PATTERN in TEXT.
contains() { grep -q -- "$2" <<<"$1"; }
# sql URL QUERY: one value from the store at URL (SQLite file or postgresql:// URL).
sql() {
  case "$1" in
    postgresql://*) psql -qtA "$1" -c "$2" ;;
    *) sqlite3 "$1" "$2" ;;
  esac
}
# start_server LABEL URL: `cairn serve` on a free port, logging to serve-LABEL.log; sets
# server_pid and base.
start_server() {
  "$cairn" --db "$2" serve --port 0 --web-dir "$work/none" >"serve-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do grep -q "serving on" "serve-$1.log" && break; sleep 0.1; done
  base="http://127.0.0.1:$(sed -n 's|.*serving on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "serve-$1.log" | tail -1)"
}
# sign_in LABEL USERNAME: signs in with the tests' password, keeping the cookie in jar-LABEL;
# sets csrf.
sign_in() {
  csrf=$(curl -s -c "jar-$1" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"a long enough passphrase\"}" "$base/api/v1/session/login" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])' 2>/dev/null)
}
# create_org LABEL NAME: creates an organisation as the signed-in LABEL; prints the HTTP status.
create_org() {
  curl -s -o /dev/null -w '%{http_code}' -b "jar-$1" -H 'Content-Type: application/json' \
    -H "X-CSRF-Token: $csrf" -d "{\"name\":\"$2\",\"type\":\"council\"}" "$base/api/v1/organisations"
}
# finish NAME: prints the counts and exits non-zero if any check failed.
finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}
