#!/usr/bin/env bash
# Prepares the GPU device check of the onnx engine (issue 17, item 5) on THIS machine (no GPU needed):
# a self-contained, trimmed (framework only), xz-compressed (~300 MB) publish of isl-bench built with ONNX Runtime's CUDA 13
# provider (-p:IslOnnxBackend=cuda) plus the shipped bundles, split into parts small enough for one device call each.
#
#   bench/gpu/prepare.sh            writes .device-carry/isl-gpu/part-NN (git-ignored) and prints the device calls
#
# The device machine has CUDA 13 and PyTorch's CUDA libraries but no .NET, and takes at most 64 MiB per call with the
# working tree, so each part is carried in its own call while the machine stays warm; bench/gpu/device-check.sh
# reassembles them under /tmp there and runs the check. Run from the checkout whose tree the device tool sends.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
carry=$repo/.device-carry/isl-gpu
part_mib=${PART_MIB:-40}
work=$(mktemp -d -t isl-gpu-publish.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Publish from a copy of the tracked files, so the CUDA restore never touches this checkout's obj/ folders.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work"
dotnet publish "$work/bench/Isl.Bench" -c Release -r linux-x64 --self-contained -nologo -v quiet \
  -p:IslOnnxBackend=cuda -p:PublishTrimmed=true -p:TrimMode=partial \
  -p:JsonSerializerIsReflectionEnabledByDefault=true -p:SuppressTrimAnalysisWarnings=true -p:TreatWarningsAsErrors=false \
  -o "$work/isl-gpu/bin"

# libtorch's test, Python and mobile libraries are never loaded by TorchSharp, nor ONNX Runtime's TensorRT provider.
(cd "$work/isl-gpu/bin" && rm -f libtorch_python.so libtorchbind_test.so libnnapi_backend.so libaoti_custom_ops.so \
  libbackend_with_compiler.so libjitbackend_test.so libshm.so libonnxruntime_providers_tensorrt.so *.pdb)
mkdir -p "$work/isl-gpu/bundles"
cp -r "$repo/samples/models/head-ct" "$repo/samples/models/head-ct-demo" "$work/isl-gpu/bundles/"
du -sh "$work/isl-gpu/bin"
ls -la "$work/isl-gpu/bin" | sort -k5 -n -r | head -8

rm -rf "$carry" && mkdir -p "$carry"
# xz -2: CUDA fatbins and libtorch barely compress further at -6 (measured: ~300 MB either way) and -6 takes 5× longer.
tar -C "$work" -cf - isl-gpu | xz -T0 -"${XZ_LEVEL:-2}" > "$work/isl-gpu.tar.xz"
(cd "$work" && sha256sum isl-gpu.tar.xz | cut -d' ' -f1) > "$carry/sha256"
split -b "${part_mib}m" -d -a 2 "$work/isl-gpu.tar.xz" "$carry/part-"
parts=$(ls "$carry" | grep -c '^part-')
echo
echo "$(du -sh "$work/isl-gpu.tar.xz" | cut -f1) compressed, in $parts part(s) of ≤ ${part_mib} MiB under $carry"
echo "Device calls (each one while the machine is still warm; see bench/gpu/README.md):"
for p in $(ls "$carry" | grep '^part-'); do
  echo "  run carry=[\".device-carry/isl-gpu/$p\", \".device-carry/isl-gpu/sha256\"] command=\"bash bench/gpu/device-check.sh receive $p\""
done
echo "  run command=\"bash bench/gpu/device-check.sh run\" timeout_s=420"
