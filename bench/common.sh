# Sourced by the bench scripts: a scratch folder, background processes stopped on exit, tool checks.
# Callers append the PIDs they start to `pids`.
export TCP_NODELAY=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# require_tools "apt package hint" TOOL...: exits with the install hint when a tool is missing; Orthanc is checked too.
require_tools() {
  local hint=$1; shift
  for tool in "$@"; do command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y $hint"; exit 1; }; done
  [ -x /usr/sbin/Orthanc ] || { echo "missing Orthanc: apt-get install -y orthanc"; exit 1; }
}

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
