#!/usr/bin/env bash
# Rebuilds the demo model bundle samples/models/head-ct-demo that `isl-agent demo` uses:
# phantom normals (3-window DICOM mode, `tiny` profile at 64² slices, which trains in minutes on a busy 2-core box) -> DeDN -> DRN -> calibrated
# threshold on held-out labelled phantoms -> exported bundle, then an AUROC check on a third,
# separate phantom set. Deterministic seeds; the work folder is scratch and is not committed.
#
#   samples/models/make-demo-bundle.sh [WORK_DIR]      (default: a fresh temp folder)
#
# Sizes can be overridden from the environment (defaults keep it to minutes on 2 cores):
#   TRAIN_NORMALS CAL_NORMALS CAL_ABNORMAL EVAL_NORMALS EVAL_ABNORMAL SLICES
#   PROFILE SIZE BATCH DEDN_STEPS DRN_PRETRAIN_STEPS DRN_STEPS THREADS SKIP_EVALUATE=1
#   EFFECTIVE_AREA (Head, the paper and the default, or Intracranial: only the brain is scored and coloured)
#   BUNDLE_OUT (default samples/models/head-ct-demo)  TRAINER (an isl-trainer binary; default: build it)
# samples/evaluation/run-evaluation.sh runs this script when DEMO_BUNDLE_OUT is set.
# (e.g. PROFILE=cpu SIZE=128 DEDN_STEPS=2000 for a stronger model when more CPU time is available)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
bundle=${BUNDLE_OUT:-$repo/samples/models/head-ct-demo}
work=${1:-$(mktemp -d -t isl-demo-bundle.XXXXXX)}
mkdir -p "$work"

TRAIN_NORMALS=${TRAIN_NORMALS:-16}
CAL_NORMALS=${CAL_NORMALS:-4}
CAL_ABNORMAL=${CAL_ABNORMAL:-4}
EVAL_NORMALS=${EVAL_NORMALS:-6}
EVAL_ABNORMAL=${EVAL_ABNORMAL:-10}
SLICES=${SLICES:-12}
PROFILE=${PROFILE:-tiny}
SIZE=${SIZE:-64}
BATCH=${BATCH:-4}
DEDN_STEPS=${DEDN_STEPS:-800}
DRN_PRETRAIN_STEPS=${DRN_PRETRAIN_STEPS:-200}
DRN_STEPS=${DRN_STEPS:-400}
THREADS=${THREADS:-2}

start=$(date +%s)
step() { echo; echo "== [$(( $(date +%s) - start ))s] $*"; }

if [[ -n ${TRAINER:-} ]]; then
  trainer=$TRAINER
else
  step "build isl-trainer (Release)"
  dotnet build "$repo/src/Isl.Trainer" -c Release -nologo -v quiet
  trainer="$repo/src/Isl.Trainer/bin/Release/net10.0/isl-trainer"
fi

# labels.csv (path,disorder) for a folder of phantom studies, from the generator's folder names.
write_labels() {
  local dir=$1
  { echo "path,disorder"
    for study in "$dir"/*/; do
      name=$(basename "$study")
      case $name in abnormal-*) echo "$name,1" ;; *) echo "$name,0" ;; esac
    done; } > "$dir/labels.csv"
}

step "phantoms: $TRAIN_NORMALS training normals, $CAL_NORMALS+$CAL_ABNORMAL calibration, $EVAL_NORMALS+$EVAL_ABNORMAL evaluation ($SLICES slices each)"
"$trainer" phantoms --normal "$TRAIN_NORMALS" --seed 1000 --slices "$SLICES" --out "$work/phantoms/train" > "$work/phantoms-train.log"
write_labels "$work/phantoms/train"
"$trainer" phantoms --normal "$CAL_NORMALS" --abnormal "$CAL_ABNORMAL" --seed 2000 --slices "$SLICES" --out "$work/phantoms/calibrate" > "$work/phantoms-calibrate.log"
write_labels "$work/phantoms/calibrate"
if [[ ${SKIP_EVALUATE:-0} != 1 ]]; then
  "$trainer" phantoms --normal "$EVAL_NORMALS" --abnormal "$EVAL_ABNORMAL" --seed 3000 --slices "$SLICES" --out "$work/phantoms/evaluate" > "$work/phantoms-evaluate.log"
  write_labels "$work/phantoms/evaluate"
fi

step "prepare: 3-window DICOM slice cache, ${SIZE}²"
"$trainer" prepare --data "$work/phantoms/train" --out "$work/cache/train" --format dicom --size "$SIZE" --select Normals \
  --effective-area "${EFFECTIVE_AREA:-Head}"

step "train dedn: $PROFILE profile, $DEDN_STEPS steps"
"$trainer" train dedn --data "$work/cache/train" --out "$work/runs/dedn" --profile "$PROFILE" \
  --steps "$DEDN_STEPS" --batch "$BATCH" --checkpoint-every 0 --seed 1 --device cpu --threads "$THREADS"

step "train drn: $DRN_PRETRAIN_STEPS MoCo + $DRN_STEPS compactness/discrimination steps"
"$trainer" train drn --data "$work/cache/train" --out "$work/runs/drn" --dedn "$work/runs/dedn" \
  --pretrain-steps "$DRN_PRETRAIN_STEPS" --steps "$DRN_STEPS" --batch "$BATCH" --checkpoint-every 0 --seed 1 \
  --device cpu --threads "$THREADS"

step "export -> $bundle"
rm -rf "$bundle"
"$trainer" export --run "$work/runs/drn" --out "$bundle" --model-id isl-head-ct-demo --model-version 1.0.0 --onnx

step "calibrate the threshold on the held-out labelled phantoms (scan level)"
"$trainer" calibrate --bundle "$bundle" --data "$work/phantoms/calibrate" --level scan \
  --work "$work/cache/calibrate" --out "$work/calibration.json" --device cpu --threads "$THREADS"

step "calibrate the heatmap on the training normals (brighter residual, one mean/spread over the area, bone excluded, only inside the skull)"
"$trainer" calibrate-heatmap --bundle "$bundle" --data "$work/phantoms/train" --work "$work/cache/heatmap" \
  --polarity brighter --reference area --exclude-bone --intracranial-only --device cpu --threads "$THREADS"

if [[ ${SKIP_EVALUATE:-0} != 1 ]]; then
  step "evaluate on a separate phantom set"
  "$trainer" evaluate --bundle "$bundle" --data "$work/phantoms/evaluate" --out "$work/evaluation" \
    --device cpu --threads "$THREADS" --bootstrap 1000
  grep -o '"auroc"[^,}]*' "$work/evaluation/metrics.json" || true
fi

step "done: bundle $(du -sh "$bundle" | cut -f1) in $bundle (work folder: $work)"
