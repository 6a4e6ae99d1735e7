#!/usr/bin/env bash
# Installs what the tests need (when run as root), builds, runs every test assembly and ends with
# one line "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# --- test peers: independent Modbus implementations and virtual serial lines (see docs/testing.md)
missing=()
command -v socat >/dev/null 2>&1 || missing+=(socat)
command -v mbpoll >/dev/null 2>&1 || missing+=(mbpoll)
/usr/bin/python3 -c 'import pymodbus' >/dev/null 2>&1 || missing+=(python3-pymodbus)
pkg-config --exists libmodbus 2>/dev/null || missing+=(libmodbus-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test.sh: installing test peers: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "test.sh: apt-get could not install ${missing[*]}; the tests that need them will fail and say so"
  else
    echo "test.sh: missing test peers (${missing[*]}); run as root to install them"
  fi
fi

# --- native peers compiled from tools/peers/*.c (libmodbus programs for interop and benchmarks)
if compgen -G "tools/peers/*.c" >/dev/null; then
  mkdir -p tools/peers/bin
  for c in tools/peers/*.c; do
    exe="tools/peers/bin/$(basename "${c%.c}")"
    if [ ! -x "$exe" ] || [ "$c" -nt "$exe" ]; then
      gcc -O2 -o "$exe" "$c" $(pkg-config --cflags --libs libmodbus) || echo "test.sh: could not compile $c"
    fi
  done
fi

# --- build and test
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
echo "test.sh: building"
if ! dotnet build FormationControl.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The benchmark harnesses are not in the solution; they must still build against today's sources.
for bench in tools/bench/*/*.csproj; do
  if ! dotnet build "$bench" -c Release -nologo -clp:ErrorsOnly; then
    echo "benchmark $bench does not build"
    echo "0 passed, 1 failed"
    exit 1
  fi
done

projects=(tests/*/*.Tests.csproj)
echo "test.sh: running ${#projects[@]} test assemblies"
dotnet test FormationControl.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 5m
status=$?

passed=0; failed=0; reported=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); reported=$((reported + 1))
done
if [ "$reported" -lt "${#projects[@]}" ]; then
  echo "test.sh: only $reported of ${#projects[@]} test assemblies reported results"
  failed=$((failed + ${#projects[@]} - reported))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited $status without a failing test; counted as one failure"
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
