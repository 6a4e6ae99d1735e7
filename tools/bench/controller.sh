#!/usr/bin/env bash
# Controller benchmark: builds the CLI (for `fc sim`) and tools/bench/controller in Release, then runs the controller
# in real time against simulated units in another process over loopback Modbus TCP. Default scenarios:
#   16 units x 64 channels (1,024) polled every 1 s, and 4 units x 64 channels (256) polled every 100 ms,
# each 10 s of warm-up and 60 s measured, every channel running tools/bench/controller/bench-cycling.json
# (C/5 legs, a sample logged every second). Prints poll-cycle latency p50/p99/max, controller CPU, memory,
# samples per second into LiteDB, bytes per stored sample and the time to read one cell's curve.
# Extra arguments go to the harness, e.g.
#   tools/bench/controller.sh --duration 120
#   tools/bench/controller.sh --scenario 16x64@1s --profile tools/bench/controller/bench-transitions.json
#   tools/bench/controller.sh --json
# See docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "building (Release) ..." >&2
dotnet build "$root/src/FormationControl.Cli/FormationControl.Cli.csproj" -c Release -o "$out/fc" -nologo -clp:ErrorsOnly >&2
dotnet build "$root/tools/bench/controller/FormationControl.ControllerBench.csproj" -c Release -o "$out/bench" -nologo -clp:ErrorsOnly >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$out/bench/fc-controller-bench.dll" --fc "$out/fc/fc.dll" "$@"
