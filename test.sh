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
)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${need[$cmd]}")
done
[ -d /usr/lib/python3/dist-packages/pydicom/data/test_files ] || missing+=(python3-pydicom)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing+=(orthanc-dicomweb)
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
dotnet test Isl.PacsAgent.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
