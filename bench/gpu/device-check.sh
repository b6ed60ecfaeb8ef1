#!/usr/bin/env bash
# The GPU device check of the onnx engine (issue 17, item 5), run ON the device machine from the repository root:
#
#   bash bench/gpu/device-check.sh receive part-NN   keeps one carried part under /tmp/isl-gpu-parts
#   bash bench/gpu/device-check.sh run               reassembles, checks the SHA-256, unpacks under /tmp and runs:
#       isl-bench model --engines onnx --device cuda on random `paper` (256²) and `cpu` (128²) networks, 32 slices,
#       and on the shipped bundles, exact and fast grid: the provider, slices/s, and the largest relative |Δ| of the
#       DRN and D-scores against ONNX Runtime on the CPU over the first slices; % of peak is against the H200's
#       67 TFLOP/s of plain float32 (cuDNN may use TF32 tensor cores, so more than 100 % is possible).
#
# No .NET there: the publish is self-contained. ONNX Runtime's CUDA provider links CUDA 13 (libcudart.so.13,
# libcublas.so.13) and cuDNN 9, taken from the PyTorch wheel's nvidia/*/lib folders via LD_LIBRARY_PATH.
set -euo pipefail

parts=/tmp/isl-gpu-parts
root=/tmp/isl-gpu-run
case ${1:-} in
  receive)
    mkdir -p "$parts"
    cp ".device-carry/isl-gpu/$2" "$parts/$2"
    cp .device-carry/isl-gpu/sha256 "$parts/sha256"
    echo "kept $2 ($(du -h "$parts/$2" | cut -f1)); now holding: $(ls "$parts" | grep -c '^part-') part(s)"
    ;;
  run)
    set -o pipefail
    rm -rf "$root" && mkdir -p "$root"
    cat "$parts"/part-* > "$root/isl-gpu.tar.xz"
    echo "$(cat "$parts/sha256")  $root/isl-gpu.tar.xz" | sha256sum -c -
    if command -v xz >/dev/null; then
      xz -dc "$root/isl-gpu.tar.xz" | tar -xf - -C "$root"
    else
      python3 -c "import sys, tarfile; tarfile.open(sys.argv[1], 'r:xz').extractall(sys.argv[2])" "$root/isl-gpu.tar.xz" "$root"
    fi
    nvidia=$(python3 -c "import nvidia; print(list(nvidia.__path__)[0])" 2>/dev/null || true)
    libs=""
    if [[ -n $nvidia ]]; then
      libs=$(find "$nvidia" -maxdepth 3 -type d -name lib | sort | paste -sd: -)
      echo "CUDA libraries from $nvidia: $(echo "$libs" | tr ':' '\n' | wc -l) folder(s)"
    else
      echo "warning: python3 has no nvidia/ wheels (PyTorch's CUDA libraries); the CUDA provider will not load" >&2
    fi
    export LD_LIBRARY_PATH="$root/isl-gpu/bin:$libs:${LD_LIBRARY_PATH:-}"
    export DOTNET_gcServer=0
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
    bench=$root/isl-gpu/bin/isl-bench
    chmod +x "$bench"
    out=${OUT:-/tmp}
    # Random networks: the paper profile (the issue's goal: 32 slices at 256², exact grid, ≤ 0.5 s) and the cpu profile.
    "$bench" model --engines onnx --device cuda --threads 16 --max-batch 128 --profiles paper,cpu --paper-slices 32 --cpu-slices 32 \
      --bundles "$root/isl-gpu/bundles/head-ct,$root/isl-gpu/bundles/head-ct-demo" --bundle-slices 32 --reference-slices 2 \
      --peak-gflops 67000 2>&1 | tee "$out/device-check.txt"
    ;;
  *)
    echo "usage: bash bench/gpu/device-check.sh receive part-NN | run" >&2
    exit 2
    ;;
esac
