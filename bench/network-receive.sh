#!/usr/bin/env bash
# Benchmark (not a test): storescu sends the GE head CT series copied to N instances (new SOP Instance
# UIDs via dcmodify -gin) over loopback to (a) our durable `isl-agent receive`, (b) dcmtk storescp,
# (c) Orthanc's C-STORE SCP, in the same run. Prints MB/s, instances/s and the ratios.
# Usage: bench/network-receive.sh [N=336] [ROUNDS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-336}
ROUNDS=${2:-2}
DATA=${ISL_SHARED_DATA:-$(cd .. && pwd)/shared/data}
SERIES="$DATA/head-ct-ge-tilt"
[ -d "$SERIES" ] || { echo "missing $SERIES (set ISL_SHARED_DATA)"; exit 1; }
. bench/common.sh
require_tools dcmtk storescu storescp echoscu dcmodify

echo "building isl-agent (Release)..."
dotnet build src/Isl.PacsAgent -c Release -v q -nologo >/dev/null
agent=src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll

echo "preparing $N instances..."
mkdir -p "$work/in"
copies=$(( (N + 27) / 28 ))
files=()
for i in $(seq 1 $copies); do
  for f in "$SERIES"/*.dcm; do cp "$f" "$work/in/c${i}_$(basename "$f")"; done
done
ls "$work/in"/*.dcm | tail -n +$((N + 1)) | xargs -r rm -f
dcmodify -nb -q -gin "$work/in"/*.dcm
count=$(ls "$work/in"/*.dcm | wc -l)
bytes=$(du -cb "$work/in"/*.dcm | tail -1 | cut -f1)

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_echo() { for _ in $(seq 1 100); do echoscu -aec "$1" 127.0.0.1 "$2" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "peer $1 on $2 did not come up"; exit 1; }

p_ours=$(freeport); p_dcmtk=$(freeport); p_orthanc=$(freeport); p_http=$(freeport)
mkdir -p "$work/ours" "$work/storescp" "$work/orthanc"
dotnet "$agent" receive --port "$p_ours" --aet ISL --out "$work/ours" --allow STORESCU@127.0.0.1 --allow ECHOSCU@127.0.0.1 >"$work/ours.log" 2>&1 &
pids+=($!)
storescp -aet STORESCP -od "$work/storescp" "$p_dcmtk" >"$work/storescp.log" 2>&1 &
pids+=($!)
cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "DicomAet": "ORTHANC", "DicomPort": $p_orthanc, "HttpPort": $p_http,
  "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc", "RemoteAccessAllowed": false,
  "DicomCheckCalledAet": false, "Plugins": [] }
JSON
/usr/sbin/Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 &
pids+=($!)
wait_echo ISL "$p_ours"; wait_echo STORESCP "$p_dcmtk"; wait_echo ORTHANC "$p_orthanc"

declare -A best
run() { # name aet port
  local start end secs
  start=$(date +%s.%N)
  storescu -aec "$2" 127.0.0.1 "$3" "$work/in"/*.dcm >"$work/$1.storescu.log" 2>&1 || { echo "storescu to $1 failed"; tail -5 "$work/$1.storescu.log"; exit 1; }
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  if [ -z "${best[$1]:-}" ] || (( $(echo "$secs < ${best[$1]}" | bc -l) )); then best[$1]=$secs; fi
}
for r in $(seq 1 "$ROUNDS"); do
  run ours ISL "$p_ours"; run storescp STORESCP "$p_dcmtk"; run orthanc ORTHANC "$p_orthanc"
done

stored_ours=$(find "$work/ours" -name '*.dcm' -not -path '*/.incoming/*' | wc -l)
echo
echo "storescu -> SCP over loopback: $count instances, $(echo "$bytes/1000000" | bc -l | xargs printf '%.1f') MB, best of $ROUNDS rounds (TCP_NODELAY=1)"
printf '%-34s %8s %10s %12s %10s\n' "receiver" "seconds" "MB/s" "instances/s" "vs storescp"
for name in ours storescp orthanc; do
  s=${best[$name]}
  label=$name
  [ "$name" = ours ] && label="isl-agent receive (fsync file+dir)"
  [ "$name" = storescp ] && label="dcmtk storescp (no fsync)"
  [ "$name" = orthanc ] && label="Orthanc $(/usr/sbin/Orthanc --version | head -1 | awk '{print $NF}')"
  printf '%-34s %8.2f %10.1f %12.1f %10.2f\n' "$label" "$s" "$(echo "$bytes/1000000/$s" | bc -l)" "$(echo "$count/$s" | bc -l)" "$(echo "${best[storescp]}/$s" | bc -l)"
done
echo "ours/orthanc throughput ratio: $(echo "${best[orthanc]}/${best[ours]}" | bc -l | xargs printf '%.2f')"
echo "instances in our spool: $stored_ours (expected $count)"
