#!/usr/bin/env bash
# Builds the agent and runs it. With no arguments it runs the main job on its embedded defaults:
# `isl-agent demo` (two phantom studies in by C-STORE, triage SR + heatmaps out, under ./isl-demo).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Isl.PacsAgent/Isl.PacsAgent.csproj -c Release -v quiet -nologo >/dev/null
[ $# -gt 0 ] || set -- demo
exec dotnet src/Isl.PacsAgent/bin/Release/net10.0/isl-agent.dll "$@"
