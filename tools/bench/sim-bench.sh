#!/usr/bin/env bash
# Simulator benchmark: builds tools/bench/sim in Release and runs 1,024 channels through a 24-hour formation in
# virtual time with the full cell model; prints simulated channel-seconds per wall-second and per CPU-second.
# Extra arguments go to the harness (e.g. --threads 2, --hours 2, --channels 256).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/tools/bench/sim/FormationControl.SimBench.csproj" -c Release -o "$out" -nologo -clp:ErrorsOnly >&2
dotnet "$out/fc-sim-bench.dll" "$@"
