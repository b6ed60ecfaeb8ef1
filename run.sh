#!/usr/bin/env bash
# Builds the agent and runs it. With no arguments it runs the main job on its embedded defaults:
# `isl-agent demo` (phantom studies in, triage SR + heatmaps out, under ./isl-demo).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Isl.PacsAgent/Isl.PacsAgent.csproj -c Release -v quiet -nologo >/dev/null
agent=(dotnet src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll)
if [ $# -eq 0 ]; then
  if "${agent[@]}" demo --help >/dev/null 2>&1; then set -- demo; else set -- --help; fi
fi
exec "${agent[@]}" "$@"
