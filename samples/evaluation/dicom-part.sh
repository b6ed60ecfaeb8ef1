#!/usr/bin/env bash
# The evaluation's DICOM part (issue 12 item 8): the real DICOM series of ../shared/data through the agent itself
# (`isl-agent run`, C-STORE in by storescu, the agent's series selection, scoring and SR/SC writing) with a bundle,
# reporting per study the selection reasons, the state, the scan score, the flag and the per-slice scores (from the
# heatmap SC series' ImageComments).
#
#   samples/evaluation/dicom-part.sh OUT_DIR [BUNDLE]        (BUNDLE default: samples/models/head-ct)
#
# Runs: A, the agent's defaults except SeriesSelection:MinSlices=1 (so the one-slice CQ500 hemorrhage case is scored
# rather than refused for too few slices): head-ct-ge-tilt, cq500-ct0-thin-contrast (expected: not analysed,
# contrast) and cq500-ct1-hemorrhage-slice; B, with SeriesSelection:AllowContrast=true, the thin contrast series
# scored as 5 mm slabs (outside the intended use; it shows the slabbing). Writes OUT_DIR/dicom.md and dicom.json.
# Needs dcmtk (storescu, dcmdump), curl, python3. AGENT=path/to/isl-agent.dll skips the Release build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:?usage: dicom-part.sh OUT_DIR [BUNDLE]}" && cd "$1" && pwd)
bundle=$(cd "${2:-$repo/samples/models/head-ct}" && pwd)
data=${DATA:-$repo/../shared/data}
export TCP_NODELAY=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in storescu dcmdump curl python3; do command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y dcmtk curl python3" >&2; exit 1; }; done
if [[ -z ${AGENT:-} ]]; then
  dotnet build "$repo/src/Isl.PacsAgent" -c Release -v q -nologo >/dev/null
  AGENT="$repo/src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll"
fi
work=$(mktemp -d -t isl-dicom-part.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# run_agent NAME SELECTION_JSON FOLDER...: one agent process, every folder sent by storescu, results collected.
run_agent() {
  local name=$1 selection=$2; shift 2
  local dir="$work/$name" p_dicom p_http
  p_dicom=$(freeport); p_http=$(freeport)
  mkdir -p "$dir"
  cat >"$dir/agent.json" <<JSON
{ "Logging": { "LogLevel": { "Default": "Warning" } },
  "Dicom": { "Enabled": true, "Port": $p_dicom, "BindAddress": "127.0.0.1", "AllowAnyCaller": true },
  "Http": { "Address": "127.0.0.1", "Port": $p_http },
  "Assembly": { "StableAgeSeconds": 3 },
  "SeriesSelection": $selection,
  "Scoring": { "BundlePath": "$bundle", "Device": "cpu" },
  "Storage": { "SpoolPath": "$dir/spool", "DatabasePath": "$dir/agent.db", "SchedulerDatabasePath": "$dir/scheduler.db", "OutputPath": "$dir/outputs" } }
JSON
  dotnet "$AGENT" run --config "$dir/agent.json" >"$dir/agent.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p_http/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$p_http/health" >/dev/null || { echo "the agent did not start:" >&2; tail -20 "$dir/agent.log" >&2; exit 1; }
  local uids=()
  for folder in "$@"; do
    # Only the DICOM files (the data folders also hold a LICENSE); JPEG Lossless is sent as it is.
    mapfile -t files < <(find "$folder" -type f -name '*.dcm' | sort)
    storescu -aet EVALUATION -aec ISL_AGENT -xs 127.0.0.1 "$p_dicom" "${files[@]}" >"$dir/storescu.log" 2>&1 \
      || { echo "storescu failed for $folder" >&2; tail -5 "$dir/storescu.log" >&2; exit 1; }
    uids+=("$(dcmdump -q +P 0020,000d "${files[0]}" | sed -E 's/.*\[([^]]*)\].*/\1/')")
  done
  local i=0
  for uid in "${uids[@]}"; do
    local label; label=$(basename "${@:$((i + 1)):1}")
    i=$((i + 1))
    for _ in $(seq 1 900); do
      state=$(curl -sf "http://127.0.0.1:$p_http/api/studies/$uid" | python3 -c 'import json,sys; print(json.load(sys.stdin)["study"]["state"])' 2>/dev/null || echo none)
      [[ $state == Done || $state == NotAnalysed || $state == Failed || $state == DeadLettered ]] && break
      sleep 1
    done
    curl -sf "http://127.0.0.1:$p_http/api/studies/$uid" >"$out/$name-$label.study.json"
    : >"$out/$name-$label.slices.tsv"
    for sc in $(find "$dir/outputs" -path "*$uid*" -path "*/sc/*" -name '*.dcm' | sort); do
      printf '%s\t%s\n' "$(dcmdump -q +P 0020,0013 "$sc" | sed -E 's/.*\[([^]]*)\].*/\1/')" "$(dcmdump -q +P 0020,4000 "$sc" | sed -E 's/.*\[([^]]*)\].*/\1/')" >>"$out/$name-$label.slices.tsv"
    done
    echo "$name $label: $state"
  done
}

run_agent defaults '{ "MinSlices": 1 }' "$data/head-ct-ge-tilt" "$data/cq500-ct0-thin-contrast" "$data/cq500-ct1-hemorrhage-slice"
run_agent contrast-allowed '{ "MinSlices": 1, "AllowContrast": true }' "$data/cq500-ct0-thin-contrast"
python3 "$repo/samples/evaluation/dicom_report.py" "$out" "$bundle"
echo "wrote $out/dicom.md"
