#!/usr/bin/env bash
# Benchmark (not a test): end-to-end latency of the agent. A 32-slice phantom head CT study is sent by dcmtk's
# storescu to `isl-agent run` with the shipped model (samples/models/head-ct: cpu profile, 128², exact grid; BUNDLE=path
# picks another, e.g. samples/models/head-ct-demo), Orthanc REST destination; the
# script times from storescu's first byte until the triage SR is stored in a real Orthanc, and splits it with the
# agent's own record (GET /api/studies/{uid}): receive, stable age + assembly, load + score (DICOM pixels + model),
# write + deliver (SR/SC building and the upload). Two studies in a row: the first pays the model load (cold), the
# second does not (warm).
# ROUTER=1 times the documented Orthanc set-up instead: storescu sends to Orthanc, whose shipped Lua router
# (orthanc-config/forward-to-agent.lua) forwards the stable study to the agent (calling AE ORTHANC, the agent's
# Assembly:StableAgeSecondsByCaller from appsettings.json); timed from the last instance stored in Orthanc to the SR
# in Orthanc, split into Orthanc's stable age + hand-over (until the agent has the last instance), the agent's wait,
# scoring and delivery. ORTHANC_STABLE_AGE (30, as orthanc-config/orthanc.json) sets Orthanc's StableAge.
# ENGINE=onnx scores with ONNX Runtime instead of TorchSharp (Scoring:Engine).
# Usage: [BUNDLE=DIR] [ENGINE=torch|onnx] [ROUTER=1] bench/agent-latency.sh [SLICES=32] [STABLE_AGE_SECONDS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
SLICES=${1:-32}
STABLE_AGE=${2:-5}
BUNDLE=$(cd "${BUNDLE:-samples/models/head-ct}" && pwd)
. bench/common.sh
require_tools "dcmtk python3 curl" storescu dcmdump curl python3

echo "building isl-agent and isl-trainer (Release)..."
dotnet build src/Isl.PacsAgent -c Release -v q -nologo >/dev/null
dotnet build src/Isl.Trainer -c Release -v q -nologo >/dev/null
agent=src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll
trainer=src/Isl.Trainer/bin/Release/net10.0/isl-trainer.dll

echo "generating two $SLICES-slice phantom studies..."
dotnet "$trainer" phantoms --normal 1 --abnormal 1 --slices "$SLICES" --spacing 5 --seed 4200 --out "$work/phantoms" >"$work/phantoms.log" 2>&1 \
  || { tail -5 "$work/phantoms.log"; exit 1; }
mapfile -t studies < <(find "$work/phantoms" -mindepth 1 -maxdepth 1 -type d | sort)

freeport() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
p_agent=$(freeport); p_agent_http=$(freeport); p_orthanc=$(freeport); p_orthanc_http=$(freeport)
mkdir -p "$work/orthanc"
cat >"$work/orthanc.json" <<JSON
{ "Name": "bench", "DicomAet": "ORTHANC", "DicomPort": $p_orthanc, "HttpPort": $p_orthanc_http,
  "StorageDirectory": "$work/orthanc", "IndexDirectory": "$work/orthanc", "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false, "Plugins": [], "UserMetadata": { "IslTriage": 1024, "IslForwarded": 1025 },
  "StableAge": ${ORTHANC_STABLE_AGE:-30}, "LuaScripts": [ "$PWD/orthanc-config/forward-to-agent.lua" ],
  "DicomModalities": { "isl-agent": [ "ISL_AGENT", "127.0.0.1", $p_agent ] } }
JSON
[ "${ROUTER:-0}" = 1 ] || sed -i 's/"LuaScripts": \[[^]]*\]/"LuaScripts": []/' "$work/orthanc.json"
/usr/sbin/Orthanc "$work/orthanc.json" >"$work/orthanc.log" 2>&1 &
pids+=($!)
cat >"$work/agent.json" <<JSON
{ "Logging": { "LogLevel": { "Default": "Warning" } },
  "Dicom": { "Enabled": true, "Port": $p_agent, "BindAddress": "127.0.0.1", "AllowAnyCaller": true, "AeTitle": "ISL_AGENT" },
  "Http": { "Address": "127.0.0.1", "Port": $p_agent_http },
  "Assembly": { "StableAgeSeconds": $STABLE_AGE },
  "Scoring": { "BundlePath": "$BUNDLE", "Device": "cpu", "Engine": "${ENGINE:-torch}" },
  "Delivery": { "PollIntervalSeconds": 0.1, "Destinations": [ { "Name": "orthanc", "Kind": "OrthancRest", "Url": "http://127.0.0.1:$p_orthanc_http/" } ] },
  "Storage": { "SpoolPath": "$work/agent/spool", "DatabasePath": "$work/agent/agent.db",
               "SchedulerDatabasePath": "$work/agent/scheduler.db", "OutputPath": "$work/agent/outputs" } }
JSON
dotnet "$agent" run --config "$work/agent.json" >"$work/agent.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$p_agent_http/health" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$p_orthanc_http/system" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$p_agent_http/health" >/dev/null || { echo "the agent did not start:"; tail -20 "$work/agent.log"; exit 1; }

if [ "${ROUTER:-0}" = 1 ]; then
  echo "cpu: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); Orthanc StableAge ${ORTHANC_STABLE_AGE:-30} s → Lua router → agent; $SLICES slices of 512x512 per study"
  printf '%-5s %-9s %12s %10s %10s %10s %10s %9s %s\n' run study orthanc+hand agent-wait load+score write+dlvr "total s" score flag
else
  echo "cpu: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); stable age ${STABLE_AGE} s; $SLICES slices of 512x512 per study"
  printf '%-5s %-9s %8s %8s %10s %10s %10s %9s %s\n' run study receive stable+asm load+score write+dlvr "total s" score flag
fi
run=0
for dir in "${studies[@]}"; do
  run=$((run + 1))
  label=$([ $run -eq 1 ] && echo cold || echo warm)
  uid=$(dcmdump -q +P 0020,000d "$(ls "$dir"/*.dcm | head -1)" | sed -E 's/.*\[([^]]*)\].*/\1/')
  if [ "${ROUTER:-0}" = 1 ]; then
    storescu -aet MODALITY -aec ORTHANC 127.0.0.1 "$p_orthanc" "$dir"/*.dcm >"$work/storescu-$run.log" 2>&1 || { echo "storescu failed"; tail -5 "$work/storescu-$run.log"; exit 1; }
    start=$(date +%s.%N) # the last instance is stored in Orthanc
  else
    start=$(date +%s.%N)
    storescu -aet STORESCU -aec ISL_AGENT 127.0.0.1 "$p_agent" "$dir"/*.dcm >"$work/storescu-$run.log" 2>&1 || { echo "storescu failed"; tail -5 "$work/storescu-$run.log"; exit 1; }
  fi
  python3 - "$uid" "$start" "$p_agent_http" "$p_orthanc_http" "$label" "$(basename "$dir")" "${ROUTER:-0}" <<'PY'
import json, sys, time, urllib.request
from datetime import datetime
uid, start, agent, orthanc, label, name, router = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7] == "1"
def get(url, data=None):
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=10) as r:
        return json.loads(r.read())
def ts(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
deadline = time.time() + 600
sr_at = None
while time.time() < deadline and sr_at is None:
    for m in get(f"http://127.0.0.1:{orthanc}/tools/lookup", uid.encode()):
        if m["Type"] == "Study":
            if any(s["MainDicomTags"].get("Modality") == "SR" for s in get(f"http://127.0.0.1:{orthanc}/studies/{m['ID']}/series")):
                sr_at = time.time()
    time.sleep(0.05)
if sr_at is None:
    sys.exit(f"no SR in Orthanc for {uid} after 600 s")
study = get(f"http://127.0.0.1:{agent}/api/studies/{uid}")["study"]
t = study["triage"]
first, last, scored = ts(study["firstReceivedUtc"]), ts(study["lastInstanceUtc"]), ts(t["scoredUtc"])
score_start = scored - t["scoringSeconds"]
if router:
    print(f"{label:<5} {name[:9]:<9} {last - start:12.2f} {score_start - last:10.2f} {t['scoringSeconds']:10.2f} {sr_at - scored:10.2f} {sr_at - start:10.2f} {t['score']:9.4f} {t['flag']}")
else:
    print(f"{label:<5} {name[:9]:<9} {last - start:8.2f} {score_start - last:8.2f} {t['scoringSeconds']:10.2f} {sr_at - scored:10.2f} {sr_at - start:10.2f} {t['score']:9.4f} {t['flag']}")
PY
done
[ "${ROUTER:-0}" = 1 ] && echo "orthanc+hand: Orthanc's stable age and its C-STORE to the agent (until the agent catalogued the last instance); agent-wait: the agent's stable age for ORTHANC and series selection."
echo "receive: storescu's first byte to the last instance catalogued; stable+asm: the stable age and series selection;"
echo "load+score: DICOM pixels and the model (cold includes loading the bundle); write+dlvr: SR/SC building and the Orthanc upload until the SR is visible."
