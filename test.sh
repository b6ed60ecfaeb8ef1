#!/usr/bin/env bash
# The project's test command: installs what the tests need on a fresh Debian 12 machine
# (only what is missing), then runs every test project of the solution.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category!=Integration]
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests drive as real peers. Command -> package.
declare -A need=(
  [dcmdump]=dcmtk
  [dciodvfy]=dicom3tools
  [Orthanc]=orthanc
  [chromium]=chromium
)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${need[$cmd]}")
done
[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ] || missing+=(python3-pydicom)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing+=(orthanc-dicomweb)
[ -f /usr/share/java/pixelmed.jar ] || missing+=(pixelmed-apps)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# dcmtk and Orthanc wait ~45 ms per C-STORE on Nagle + delayed ACK without this.
export TCP_NODELAY=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Isl.PacsAgent.sln -c Release
log=$(mktemp)
status=0
dotnet test Isl.PacsAgent.sln -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?
# One closing line for the whole solution, summed over the per-project summaries.
awk '/(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
