#!/usr/bin/env bash
# Benchmark (not a test; FuzzSuiteTests is the bounded CI run): seeded hostile network cases (random bytes, absurd PDU
# lengths, truncated requests, bad PDVs, C-STOREs of mutated CT data sets and hostile SOP Instance UIDs, idle sockets)
# against `isl-agent receive`. Prints cases/s, crashes, hangs, the receiver's RSS and open fds before and after, then
# checks that storescu still stores and that every spooled file reads with dcmdump. Takes CASES/8 s plus 66 s of waits.
# Usage: bench/network-fuzz.sh [CASES=5000] [SEED=16]
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-5000}
SEED=${2:-16}
DATA=${ISL_SHARED_DATA:-$(cd .. && pwd)/shared/data}
SERIES="$DATA/head-ct-ge-tilt"
[ -d "$SERIES" ] || { echo "missing $SERIES (set ISL_SHARED_DATA)"; exit 1; }
. bench/common.sh
require_tools dcmtk storescu echoscu dcmdump

echo "building isl-agent (Release)..."
dotnet build src/Isl.PacsAgent -c Release -v q -nologo >/dev/null
agent=src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$work/spool"
dotnet "$agent" receive --port "$port" --aet ISL --out "$work/spool" --allow STORESCU@127.0.0.1 --allow ECHOSCU@127.0.0.1 >"$work/receive.log" 2>&1 &
pid=$!
pids+=($pid)
for _ in $(seq 1 100); do echoscu -aec ISL 127.0.0.1 "$port" >/dev/null 2>&1 && break; sleep 0.1; done
sample=$(ls "$SERIES"/*.dcm | head -1)
storescu -aec ISL 127.0.0.1 "$port" "$sample" >/dev/null

probe() { echo "rss $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status), fds $(ls /proc/$pid/fd | wc -l)"; }
echo "before: $(probe)"
status=0
python3 bench/network-fuzz.py "$port" ISL "$sample" "$CASES" "$SEED" || status=$?
sleep 6 # the request timer (5 s) closes what the fuzzer left idle
echo "after 6 s: $(probe)"
sleep 60 # the idle timeout (60 s) closes associations left in the middle of a message; what is still open then hangs
if kill -0 "$pid" 2>/dev/null; then echo "crashes 0"; echo "after:  $(probe)"; else echo "crashes 1 (the receiver exited)"; tail -20 "$work/receive.log"; exit 1; fi

storescu -aec ISL 127.0.0.1 "$port" $(ls "$SERIES"/*.dcm | head -3) >"$work/storescu.log" 2>&1 && echo "storescu after the run: ok" || { echo "storescu after the run FAILED"; cat "$work/storescu.log"; status=1; }
bad=0
while IFS= read -r f; do dcmdump -q "$f" >/dev/null 2>&1 || { echo "unreadable: $f"; bad=$((bad + 1)); }; done < <(find "$work/spool" -name '*.dcm' -not -path '*/.incoming/*')
echo "spooled files $(find "$work/spool" -name '*.dcm' -not -path '*/.incoming/*' | wc -l), unreadable $bad, partial $(find "$work/spool/.incoming" -type f | wc -l)"
echo "refusals logged: $(grep -c 'answered 0x' "$work/receive.log" || true)"
[ "$bad" -eq 0 ] || status=1
exit "$status"
