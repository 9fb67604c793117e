#!/usr/bin/env bash
# The binary carries the hardening CMakeLists.txt asks for (docs/security.md, V14): a
# position-independent executable, relocations made read-only and bound at start-up, stack
# canaries, and glibc's checked buffer functions (_FORTIFY_SOURCE).
# Usage: hardening_test.sh PATH/TO/cairn
set -uo pipefail
cairn=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

header=$(readelf -hW "$cairn")
segments=$(readelf -lW "$cairn")
dynamic=$(readelf -dW "$cairn")
symbols=$(nm -D --undefined-only "$cairn")
check "position-independent executable" contains "$header" 'Type: *DYN'
check "read-only relocations (RELRO)" contains "$segments" 'GNU_RELRO'
check "bound at start-up (BIND_NOW)" contains "$dynamic" 'BIND_NOW'
check "stack canaries" contains "$symbols" '__stack_chk_fail'
check "checked buffer functions" contains "$symbols" '__[a-z0-9_]*_chk@'
finish "hardening"
