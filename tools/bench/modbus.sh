#!/usr/bin/env bash
# Modbus benchmark: our master and slave against libmodbus, side by side, on loopback and on a pty pair.
#
#   tools/bench/modbus.sh        defaults: N=20000 ROUNDS=15 RTU_N=20000 RTU_ROUNDS=3 (override in the environment)
#
# Each round runs ours and theirs back to back, alternating who goes first, N reads of 125 holding registers on one
# connection each, so load from other processes hits both about equally. Scenarios:
#   tcp-master: our ModbusTcpMaster vs libmodbus_client, both against one libmodbus_server (TCP)
#   tcp-slave:  our ModbusTcpSlave  vs libmodbus_server, both under libmodbus_client (TCP)
#   rtu-master: our ModbusRtuMaster vs libmodbus_client, both against one libmodbus_server (RTU, socat ptys, 115200 8N1)
# Printed per round: requests/s of each, their ratio (ours / libmodbus), and the CPU time each side used per request
# (the client's own measurement for masters; the server process's utime+stime for slaves). The summary gives the
# median requests/s, the median ratio with its spread (min..max over the rounds), and the median CPU per request.
# On a machine shared with other work the requests/s swing widely; CPU per request is the steadier measure of cost.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${N:-20000}
ROUNDS=${ROUNDS:-15}
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

for tool in gcc pkg-config socat dotnet awk; do
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
ticks=$(getconf CLK_TCK)

# Starts a program in the background and waits (bounded) until it has printed its first line.
start() {
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    [ -s "$log" ] && return
    sleep 0.1
  done
  echo "modbus.sh: $* did not start: $(cat "$log")" >&2; exit 1
}

rate() { sed -n 's/.*: \([0-9]*\) requests\/s.*/\1/p' | tail -n 1; }
cpu_of_line() { sed -n 's/.*cpu \([0-9.]*\) us\/request.*/\1/p' | tail -n 1; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
results="$work/results"
touch "$results"

record() { # scenario round ours theirs ours_cpu theirs_cpu
  echo "$*" >>"$results"
  awk -v s="$1" -v r="$2" -v o="$3" -v t="$4" -v oc="$5" -v tc="$6" \
    'BEGIN { printf "  %-10s round %2d: ours %6d  libmodbus %6d  ratio %.2f   cpu/request ours %5.1f us  libmodbus %5.1f us\n", s, r, o, t, o / t, oc, tc }'
}

# One master run: prints "rate cpu".
master_run() { local out; out=$("$@"); echo "$(rate <<<"$out") $(cpu_of_line <<<"$out")"; }

# One slave run under libmodbus_client against PORT, server process PID: prints "rate cpu_us_per_request".
slave_run() {
  local port=$1 pid=$2 n=$3 before after out
  before=$(cpu_ticks "$pid")
  out=$("$client" tcp 127.0.0.1 "$port" 1 bench "$n")
  after=$(cpu_ticks "$pid")
  awk -v r="$(rate <<<"$out")" -v b="$before" -v a="$after" -v t="$ticks" -v n="$n" 'BEGIN { printf "%d %.1f\n", r, (a - b) * 1e6 / t / n }'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --version), libmodbus $(pkg-config --modversion libmodbus)"

echo "tcp-master: $N reads of 125 registers per run, $ROUNDS rounds"
start "$work/server.log" "$server" tcp 0 1 10000
port=$(head -n 1 "$work/server.log" | cut -d' ' -f2)
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r o oc < <(master_run "${bench[@]}" tcp-master 127.0.0.1 "$port" "$N"); read -r t tc < <(master_run "$client" tcp 127.0.0.1 "$port" 1 bench "$N")
  else
    read -r t tc < <(master_run "$client" tcp 127.0.0.1 "$port" 1 bench "$N"); read -r o oc < <(master_run "${bench[@]}" tcp-master 127.0.0.1 "$port" "$N")
  fi
  record tcp-master "$round" "$o" "$t" "$oc" "$tc"
done

echo "tcp-slave: $N reads of 125 registers per run, $ROUNDS rounds"
server_pid=${pids[0]}
mkfifo "$work/slave.in"
"${bench[@]}" tcp-slave <"$work/slave.in" >"$work/slave.log" 2>&1 &
pids+=($!)
slave_pid=$!
exec 3>"$work/slave.in"
for _ in $(seq 1 100); do [ -s "$work/slave.log" ] && break; sleep 0.1; done
ours_port=$(head -n 1 "$work/slave.log" | cut -d' ' -f2)
"$client" tcp 127.0.0.1 "$ours_port" 1 bench 20000 >/dev/null # warm-up (tiered JIT), as our master warms up before measuring
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r o oc < <(slave_run "$ours_port" "$slave_pid" "$N"); read -r t tc < <(slave_run "$port" "$server_pid" "$N")
  else
    read -r t tc < <(slave_run "$port" "$server_pid" "$N"); read -r o oc < <(slave_run "$ours_port" "$slave_pid" "$N")
  fi
  record tcp-slave "$round" "$o" "$t" "$oc" "$tc"
done
exec 3>&-

echo "rtu-master: $RTU_N reads of 125 registers per run over a socat pty pair (115200 8N1), $RTU_ROUNDS rounds"
start "$work/socat.log" socat -d -d "pty,raw,echo=0,link=$work/ttyA" "pty,raw,echo=0,link=$work/ttyB"
for _ in $(seq 1 100); do [ -e "$work/ttyB" ] && break; sleep 0.1; done
start "$work/rtu.log" "$server" rtu "$work/ttyA" 115200 N 1 1 10000
for round in $(seq 1 "$RTU_ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r o oc < <(master_run "${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 "$RTU_N" 0); read -r t tc < <(master_run "$client" rtu "$work/ttyB" 115200 N 1 1 bench "$RTU_N")
  else
    read -r t tc < <(master_run "$client" rtu "$work/ttyB" 115200 N 1 1 bench "$RTU_N"); read -r o oc < <(master_run "${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 "$RTU_N" 0)
  fi
  record rtu-master "$round" "$o" "$t" "$oc" "$tc"
done
spec=$("${bench[@]}" rtu-master "$work/ttyB" 115200 N 1 1 $((RTU_N / 10)) spec)
echo "  rtu-master keeping the spec's 1.75 ms inter-frame delay before each request: $(rate <<<"$spec") requests/s ($((RTU_N / 10)) reads)"

echo
echo "summary: median requests/s; ratio ours/libmodbus per round, median (min..max); median CPU per request"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for scenario in tcp-master tcp-slave rtu-master; do
  rows=$(awk -v s="$scenario" '$1 == s { print $3, $4, $3 / $4, $5, $6 }' "$results")
  [ -n "$rows" ] || continue
  col() { cut -d' ' -f"$1" <<<"$rows"; }
  awk -v s="$scenario" -v mo="$(col 1 | median)" -v mt="$(col 2 | median)" -v mr="$(col 3 | median)" \
      -v lo="$(col 3 | sort -g | head -n 1)" -v hi="$(col 3 | sort -g | tail -n 1)" -v n="$(wc -l <<<"$rows")" \
      -v oc="$(col 4 | median)" -v tc="$(col 5 | median)" \
    'BEGIN { printf "  %-10s ours %6d req/s  libmodbus %6d req/s  ratio %.2f (%.2f..%.2f, %d rounds)  cpu/request ours %.1f us  libmodbus %.1f us\n", s, mo, mt, mr, lo, hi, n, oc, tc }'
done
