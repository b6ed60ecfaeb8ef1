#!/usr/bin/env bash
# Generates a few synthetic head CT studies and sends them to a DICOM node (the agent, Orthanc, ...)
# with dcmtk's storescu.
#
#   samples/send-phantoms.sh [HOST] [PORT] [CALLED_AE]        (defaults: localhost 11112 ISL_AGENT)
#
# Environment: NORMAL (2), ABNORMAL (3), SEED (1000), SLICES (empty = whole head), OUT (a temp dir),
# CALLING_AE (STORESCU: the agent's default Dicom:AllowedCallers accept STORESCU from 127.0.0.1; sending from
# another machine, add "STORESCU@<its address>" there), TRAINER (the command that runs isl-trainer; default:
# dotnet run of src/Isl.Trainer in Release). Only the DICOM files are sent (not the phantoms' labels.json).
# Needs the .NET SDK and dcmtk (apt-get install -y dcmtk).
set -euo pipefail

host="${1:-localhost}"
port="${2:-11112}"
called="${3:-ISL_AGENT}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$(mktemp -d -t isl-phantoms-XXXXXX)}"

command -v storescu >/dev/null || { echo "storescu not found: apt-get install -y dcmtk" >&2; exit 2; }

slices=()
if [[ -n "${SLICES:-}" ]]; then slices=(--slices "$SLICES"); fi

read -r -a trainer <<< "${TRAINER:-dotnet run --project $root/src/Isl.Trainer -c Release --}"
"${trainer[@]}" phantoms \
  --normal "${NORMAL:-2}" --abnormal "${ABNORMAL:-3}" --seed "${SEED:-1000}" --out "$out" "${slices[@]}"

# dcmtk waits ~45 ms per C-STORE on Nagle + delayed ACK unless told otherwise (see DESIGN.md).
export TCP_NODELAY=1
for study in "$out"/*/; do
  echo "sending $(basename "$study") to $called@$host:$port"
  storescu -aet "${CALLING_AE:-STORESCU}" -aec "$called" +sd +r +sp '*.dcm' "$host" "$port" "$study"
done
echo "sent $(find "$out" -name '*.dcm' | wc -l) instances from $out"
