#!/usr/bin/env bash
# Modbus benchmark: our master and slave against libmodbus, side by side, on loopback and on a pty pair.
#
#   tools/bench/modbus.sh            (N=20000 ROUNDS=5 RTU_N=20000 RTU_ROUNDS=3 by default; override in the environment)
#
# Each round runs ours and theirs back to back (alternating who goes first), N reads of 125 holding registers on one
# connection each, so load from other processes hits both about equally. Prints every round, then per scenario the
# median requests/s and the median and spread (min..max) of the per-round ratio ours/libmodbus.
#   tcp master: our ModbusTcpMaster  vs libmodbus_client, both against one libmodbus_server (TCP)
#   tcp slave:  our ModbusTcpSlave   vs libmodbus_server, both under libmodbus_client (TCP)
#   rtu master: our ModbusRtuMaster  vs libmodbus_client, both against one libmodbus_server (RTU, socat pty pair, 115200 8N1)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${N:-20000}
ROUNDS=${ROUNDS:-5}
RTU_N=${RTU_N:-20000}
RTU_ROUNDS=${RTU_ROUNDS:-3}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in gcc pkg-config socat dotnet; do
  command -v "$tool" >/dev/null || { echo "modbus.sh: $tool is missing (apt-get install -y socat libmodbus-dev gcc pkg-config)"; exit 1; }
done

echo "building (Release) ..."
mkdir -p "$root/tools/peers/bin"
for c in "$root"/tools/peers/*.c; do
  gcc -O2 -o "$root/tools/peers/bin/$(basename "${c%.c}")" "$c" $(pkg-config --cflags --libs libmodbus)
done
dotnet build "$root/tools/bench/FormationControl.Bench/FormationControl.Bench.csproj" -c Release -o "$work/bench" -nologo -clp:ErrorsOnly >/dev/null
bench=(dotnet "$work/bench/fc-bench.dll")
server="$root/tools/peers/bin/libmodbus_server"
client="$root/tools/peers/bin/libmodbus_client"

# Starts a program in the background, waits for its first output line, prints it.
start() {
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    [ -s "$log" ] && { head -n 1 "$log"; return; }
    sleep 0.1
  done
  echo "modbus.sh: $* did not start: $(cat "$log")" >&2; exit 1
}

rate() { sed -n 's/.*: \([0-9]*\) requests\/s.*/\1/p' | tail -n 1; }
results="$work/results"

record() { # scenario round ours theirs
  echo "$1 $2 $3 $4" >>"$results"
  awk -v s="$1" -v r="$2" -v o="$3" -v t="$4" 'BEGIN { printf "  %-11s round %d: ours %6d  libmodbus %6d  ratio %.2f\n", s, r, o, t, o / t }'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version), libmodbus $(pkg-config --modversion libmodbus)"

echo "tcp master: $N reads of 125 registers per run, $ROUNDS rounds"
port=$(start "$work/server.log" "$server" tcp 0 1 10000 | cut -d' ' -f2)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    ours=$("${bench[@]}" tcp-master 127.0.0.1 "$port" "$N" | rate); theirs=$("$client" tcp 127.0.0.1 "$port" 1 bench "$N" | rate)
  else
    theirs=$("$client" tcp 127.0.0.1 "$port" 1 bench "$N" | rate); ours=$("${bench[@]}" tcp-master 127.0.0.1 "$port" "$N" | rate)
  fi
  record "tcp-master" "$round" "$ours" "$theirs"
done

echo "tcp slave: $N reads of 125 registers per run, $ROUNDS rounds"
exec 3> >("${bench[@]}" tcp-slave >"$work/slave.log" 2>&1)
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/slave.log" ] && break; sleep 0.1; done
ours_port=$(head -n 1 "$work/slave.log" | cut -d' ' -f2)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    ours=$("$client" tcp 127.0.0.1 "$ours_port" 1 bench "$N" | rate); theirs=$("$client" tcp 127.0.0.1 "$port" 1 bench "$N" | rate)
  else
    theirs=$("$client" tcp 127.0.0.1 "$port" 1 bench "$N" | rate); ours=$("$client" tcp 127.0.0.1 "$ours_port" 1 bench "$N" | rate)
  fi
  record "tcp-slave" "$round" "$ours" "$theirs"
done
exec 3>&-

echo "rtu master: $RTU_N reads of 125 registers per run over a socat pty pair (115200 8N1), $RTU_ROUNDS rounds"
start "$work/socat.log" socat -d -d "pty,raw,echo=0,link=$work/ttyA" "pty,raw,echo=0,link=$work/ttyB" >/dev/null
for _ in $(seq 1 100); do [ -e "$work/ttyB" ] && break; sleep 0.1; done
start "$work/rtu.log" "$server" rtu "$work/ttyA" 115200 N 1 1 10000 >/dev/null
for round in $(seq 1 "$RTU_ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    ours=$("${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 "$RTU_N" 0 | rate); theirs=$("$client" rtu "$work/ttyB" 115200 N 1 1 bench "$RTU_N" | rate)
  else
    theirs=$("$client" rtu "$work/ttyB" 115200 N 1 1 bench "$RTU_N" | rate); ours=$("${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 "$RTU_N" 0 | rate)
  fi
  record "rtu-master" "$round" "$ours" "$theirs"
done
spec=$("${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 $((RTU_N / 10)) spec | rate)
echo "  rtu-master with the spec's 1.75 ms inter-frame delay kept before each request: $spec requests/s ($((RTU_N / 10)) reads)"

echo
echo "summary (median of rounds; ratio = ours / libmodbus per round, median and min..max):"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for scenario in tcp-master tcp-slave rtu-master; do
  rows=$(awk -v s="$scenario" '$1 == s { print $3, $4, $3 / $4 }' "$results")
  [ -n "$rows" ] || continue
  mo=$(cut -d' ' -f1 <<<"$rows" | median); mt=$(cut -d' ' -f2 <<<"$rows" | median); mr=$(cut -d' ' -f3 <<<"$rows" | median)
  lo=$(cut -d' ' -f3 <<<"$rows" | sort -g | head -n 1); hi=$(cut -d' ' -f3 <<<"$rows" | sort -g | tail -n 1)
  awk -v s="$scenario" -v mo="$mo" -v mt="$mt" -v mr="$mr" -v lo="$lo" -v hi="$hi" -v n="$(wc -l <<<"$rows")" \
    'BEGIN { printf "  %-11s ours %6d req/s   libmodbus %6d req/s   ratio %.2f (%.2f..%.2f over %d rounds)\n", s, mo, mt, mr, lo, hi, n }'
done
