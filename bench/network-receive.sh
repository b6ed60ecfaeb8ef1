#!/usr/bin/env bash
# Benchmark (not a test): dcmtk storescu sends the GE head CT series copied to N instances over loopback to
#   (a) `isl-agent receive`: our SCP into the durable spool (file and folder fsynced before Success),
#   (b) `isl-agent run`: the same plus the agent's catalogue (StudyStore) and assembly scheduling (stable age 1 h,
#       so nothing is scored during the run),
#   (c) dcmtk storescp (--fork; writes files, no fsync),
#   (d) Orthanc's C-STORE SCP (its own SQLite index and storage),
#   (e) `isl-agent receive` under eatmydata, which turns the file's fsync (.NET's flush to disk) into a no-op: not
#       durable, a diagnostic of what the receiver costs apart from the flush of the instance's data (the directory's
#       fsync, bound by our P/Invoke to libc itself, still runs); what is left against storescp is then the disk,
# all in the same run, once with 1 association and once with P concurrent associations (P storescu processes
# sending N/P files each). Every round gives the instances new SOP Instance UIDs (dcmodify -gin, untimed) and
# times the receivers one after the other in alternating order, after one untimed warm-up round each; the table shows
# the median of the rounds. Then
# one untimed round per receiver under `strace -f -c -w` counts its fsync/fdatasync calls per instance and the wall time spent
# in them (the device's flush latency, which bounds any receiver that acknowledges only what is on disk).
# BASELINE=DIR adds the receivers of another checkout (e.g. `git worktree add DIR REV`; built here in Release) as
# "receive@base" and "run@base", timed in the same alternating rounds, for a before/after under the same load.
# Usage: [BASELINE=DIR] bench/network-receive.sh [N=336] [ROUNDS=5] [P=4]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-336}
ROUNDS=${2:-5}
P=${3:-4}
DATA=${ISL_SHARED_DATA:-$(cd .. && pwd)/shared/data}
SERIES="$DATA/head-ct-ge-tilt"
[ -d "$SERIES" ] || { echo "missing $SERIES (set ISL_SHARED_DATA)"; exit 1; }
. bench/common.sh
require_tools "dcmtk strace bc eatmydata" storescu storescp echoscu dcmodify strace bc eatmydata

echo "building isl-agent (Release)..."
dotnet build src/Isl.PacsAgent -c Release -v q -nologo >/dev/null
agent=src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll
if [ -n "${BASELINE:-}" ]; then
  echo "building the baseline $BASELINE (Release)..."
  dotnet build "$BASELINE/src/Isl.PacsAgent" -c Release -v q -nologo >/dev/null
fi

echo "preparing $N instances..."
mkdir -p "$work/in"
copies=$(( (N + 27) / 28 ))
for i in $(seq 1 $copies); do
  for f in "$SERIES"/*.dcm; do cp "$f" "$work/in/c${i}_$(basename "$f")"; done
done
ls "$work/in"/*.dcm | tail -n +$((N + 1)) | xargs -r rm -f
count=$(ls "$work/in"/*.dcm | wc -l)
bytes=$(du -cb "$work/in"/*.dcm | tail -1 | cut -f1)
mapfile -t files < <(ls "$work/in"/*.dcm)

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_echo() { for _ in $(seq 1 300); do echoscu -aet ECHOSCU -aec "$1" 127.0.0.1 "$2" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "peer $1 on $2 did not come up"; exit 1; }

names=(receive run nosync storescp orthanc)
[ -n "${BASELINE:-}" ] && names=(receive run receive@base run@base nosync storescp orthanc)
declare -A aet port pid
aet[receive]=ISL; aet[run]=ISL_AGENT; aet[receive@base]=ISL; aet[run@base]=ISL_AGENT; aet[nosync]=ISL; aet[storescp]=STORESCP; aet[orthanc]=ORTHANC
for n in "${names[@]}"; do port[$n]=$(freeport); mkdir -p "$work/$n"; done
p_http=$(freeport)

# start_receive NAME DLL [WRAPPER...]: `isl-agent receive` of one build into $work/NAME, optionally under a wrapper command.
start_receive() {
  local n=$1 dll=$2; shift 2
  "$@" dotnet "$dll" receive --port "${port[$n]}" --aet ISL --out "$work/$n" --allow STORESCU@127.0.0.1 --allow ECHOSCU@127.0.0.1 >"$work/$n.log" 2>&1 &
  pid[$n]=$!; pids+=($!)
}

# start_agents SUFFIX DLL: `receive` and `run` (stable age 1 h: nothing is scored) of one build.
start_agents() {
  local a=run$1 http
  http=$(freeport)
  start_receive "receive$1" "$2"
  cat >"$work/$a.json" <<JSON
{ "Logging": { "LogLevel": { "Default": "Warning" } },
  "Dicom": { "Enabled": true, "Port": ${port[$a]}, "BindAddress": "127.0.0.1", "AllowAnyCaller": true, "AeTitle": "ISL_AGENT" },
  "Http": { "Address": "127.0.0.1", "Port": $http },
  "Assembly": { "StableAgeSeconds": 3600 },
  "Scoring": { "BundlePath": "$PWD/samples/models/head-ct-demo", "Device": "cpu" },
  "Storage": { "SpoolPath": "$work/$a/spool", "DatabasePath": "$work/$a/agent.db",
               "SchedulerDatabasePath": "$work/$a/scheduler.db", "OutputPath": "$work/$a/outputs" } }
JSON
  dotnet "$2" run --config "$work/$a.json" >"$work/$a.log" 2>&1 &
  pid[$a]=$!; pids+=($!)
}
start_agents "" "$agent"
start_receive nosync "$agent" eatmydata
[ -n "${BASELINE:-}" ] && start_agents @base "$BASELINE/src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll"
storescp --fork -aet STORESCP -od "$work/storescp" "${port[storescp]}" >"$work/storescp.log" 2>&1 &
pid[storescp]=$!; pids+=($!)
cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "DicomAet": "ORTHANC", "DicomPort": ${port[orthanc]}, "HttpPort": $p_http,
  "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc", "RemoteAccessAllowed": false,
  "DicomCheckCalledAet": false, "Plugins": [] }
JSON
/usr/sbin/Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 &
pid[orthanc]=$!; pids+=($!)
for n in "${names[@]}"; do wait_echo "${aet[$n]}" "${port[$n]}"; done

# send NAME PARALLEL: P storescu processes, each with every P-th file; prints the seconds taken.
send() {
  local name=$1 parallel=$2 start end k senders=()
  start=$(date +%s.%N)
  for k in $(seq 0 $((parallel - 1))); do
    local part=()
    for ((i = k; i < count; i += parallel)); do part+=("${files[$i]}"); done
    storescu -aet STORESCU -aec "${aet[$name]}" 127.0.0.1 "${port[$name]}" "${part[@]}" >"$work/$name.storescu.$k.log" 2>&1 &
    senders+=($!)
  done
  for s in "${senders[@]}"; do
    wait "$s" || { echo "storescu to $name failed:" >&2; tail -5 "$work/$name.storescu."*.log >&2; exit 1; }
  done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
label() {
  case $1 in
    receive) echo "isl-agent receive (fsync file+dir)" ;;
    run) echo "isl-agent run (+ catalogue)" ;;
    receive@base) echo "  baseline isl-agent receive" ;;
    run@base) echo "  baseline isl-agent run" ;;
    nosync) echo "  receive, no file fsync (eatmydata)" ;;
    storescp) echo "dcmtk storescp --fork (no fsync)" ;;
    orthanc) echo "Orthanc $(/usr/sbin/Orthanc --version | head -1 | awk '{print $NF}')" ;;
  esac
}

# One untimed warm-up round per receiver and association count, as a PACS meets them after minutes of uptime: the .NET
# receivers' JIT tiering, Orthanc's index and the page cache of the input files settle before anything is timed.
for parallel in 1 "$P"; do
  dcmodify -nb -q -gin "${files[@]}"
  for n in "${names[@]}"; do send "$n" "$parallel" >/dev/null; done
done
echo "load before the rounds: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
declare -A secs
for parallel in 1 "$P"; do
  for r in $(seq 1 "$ROUNDS"); do
    dcmodify -nb -q -gin "${files[@]}"
    order=("${names[@]}")
    (( r % 2 == 0 )) && order=($(printf '%s\n' "${names[@]}" | tac))
    for n in "${order[@]}"; do secs[$n,$parallel]+="$(send "$n" "$parallel") "; done
  done
done

# fsyncs: one more round per receiver (4 associations), untimed, under strace.
declare -A fsyncs fsync_ms
dcmodify -nb -q -gin "${files[@]}"
for n in "${names[@]}"; do
  strace -f -c -w -e trace=fsync,fdatasync -p "${pid[$n]}" -o "$work/$n.strace" 2>/dev/null &
  tracer=$!
  sleep 1
  send "$n" "$P" >/dev/null
  sleep 0.5
  kill -INT "$tracer"; wait "$tracer" 2>/dev/null || true
  fsyncs[$n]=$(awk '$NF == "fsync" || $NF == "fdatasync" {c += $4} END {print c + 0}' "$work/$n.strace")
  fsync_ms[$n]=$(awk '$NF == "fsync" || $NF == "fdatasync" {t += $2} END {print t * 1000 + 0}' "$work/$n.strace")
done
echo "load after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "storescu -> SCP over loopback: $count instances of $(echo "$bytes/$count/1000" | bc) KB, $(echo "$bytes/1000000" | bc -l | xargs printf '%.1f') MB, median of $ROUNDS alternating rounds (TCP_NODELAY=1)"
for parallel in 1 "$P"; do
  ref=$(median ${secs[storescp,$parallel]})
  orth=$(median ${secs[orthanc,$parallel]})
  echo
  echo "$parallel association(s) at once:"
  printf '%-36s %8s %8s %12s %12s %12s %11s %11s\n' "receiver" "seconds" "MB/s" "instances/s" "fsyncs/inst" "fsync ms/inst" "vs storescp" "vs Orthanc"
  for n in "${names[@]}"; do
    s=$(median ${secs[$n,$parallel]})
    printf '%-36s %8.2f %8.1f %12.1f %12.2f %12.2f %10.2fx %10.2fx\n' "$(label "$n")" "$s" "$(echo "$bytes/1000000/$s" | bc -l)" "$(echo "$count/$s" | bc -l)" \
      "$(echo "${fsyncs[$n]}/$count" | bc -l)" "$(echo "${fsync_ms[$n]}/$count" | bc -l)" "$(echo "$ref/$s" | bc -l)" "$(echo "$orth/$s" | bc -l)"
  done
done
echo
echo "(fsyncs/inst, fsync ms/inst: fsync+fdatasync calls and the wall time in them, by strace -f -c -w over one extra round of"
echo " $P associations, summed over the associations' threads; under eatmydata only the directory's fsync is left)"
stored=$(find "$work/receive" -name '*.dcm' -not -path '*/.incoming/*' | wc -l)
echo "instances in the receive spool: $stored (expected $(( count * (2 * ROUNDS + 3) )))"
