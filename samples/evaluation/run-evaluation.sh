#!/usr/bin/env bash
# The evaluation of issue 7: the paper's ablation on real and on synthetic head CT, one command.
#
#   samples/evaluation/run-evaluation.sh [OUT_DIR]        (default: ./evaluation-out)
#
# Real data (1-channel PNG mode, slice level): k-fold over the normals of kaggle-head-ct-dev. Fold i trains DeDN
# and DRN on the normals outside fold i and scores the normals of fold i plus every k-th hemorrhage slice, so every
# slice is scored exactly once, by a model that never saw it; the pooled scores give the AUROC.
# Synthetic data (3-window DICOM mode, scan level): DeDN and DRN train on phantom normals; thresholds are calibrated
# on a labelled phantom calibration set; a separate phantom test set gives AUROC overall, per lesion type, per size
# class and the pointing game.
# Each part compares: DeDN+DRN (exact K² grid and the fast grid), the D-score (pixel sum of x_dif), the DRN on
# the raw image and a plain autoencoder (same generator trained without holes; score = pixel sum of |x − AE(x)|). Writes OUT/report.md, OUT/summary.json, OUT/<part>/<config>/{metrics.json,report.md,roc-*.png}.
#
# Presets (EVAL_PRESET): tiny (for CI: it proves the pipeline, not the model; 2.5 min on a busy 2-core box) and
# default (64², cpu profile, 1200 DeDN and 200 + 400 DRN steps per model; about 50 min on a 2-core box, see
# docs/evaluation/report.md).
# Every size below can be overridden from the environment.
#   PARTS="real ich synthetic"  CONFIGS="isl-exact isl-fast dscore-exact dscore-fast raw-drn ae-dscore"  REAL_DATA  FOLDS  SIZE  PROFILE  BATCH  DEDN_STEPS  DRN_PRETRAIN_STEPS  DRN_STEPS
#   DEDN_LR (default: the trainer's 1e-4, EdgeConnect's)   AE_STEPS (the autoencoder baseline's steps; default DEDN_STEPS)
#   TRAIN_NORMALS CAL_NORMALS CAL_ABNORMAL TEST_NORMALS TEST_ABNORMAL SLICES  BOOTSTRAP  THREADS
#   FOLD_LIST (e.g. "1": run only these folds; the pooled step pools the folds found in WORK_DIR)
#   TRAINER (an isl-trainer binary; default: build src/Isl.Trainer in Release and run a private copy)
#   WORK_DIR (scratch; default: a temp folder, removed at the end unless KEEP_WORK=1)
#   ICH_DATA ICH_WINDOW (the ich part: ct-ich-dev scan folders and the window their JPEGs were made with)
#   ICH_BUNDLE_OUT (also train the shipped model on ALL ct-ich-dev normal scans, e.g. samples/models/head-ct;
#     ICH_MODEL_ID, ICH_MODEL_VERSION; ICH_CONFIG (dscore-exact) and ICH_POOLING (topk, k = 3): the score it ships with)
#   HEATMAP_OPTIONS (calibrate-heatmap's choices; default "--polarity brighter --reference area --exclude-bone true", the
#     best measured; the paper's residual with per-pixel statistics: "--polarity absolute --reference position --exclude-bone false")
#   PNG_BUNDLE_OUT (also train on ALL real normals and export that bundle here, e.g. samples/models/head-ct-png)
#   DEMO_BUNDLE_OUT (also rebuild the agent's demo bundle here with samples/models/make-demo-bundle.sh and its
#     defaults, e.g. samples/models/head-ct-demo; its phantom evaluation lands in OUT/demo-bundle)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
here="$repo/samples/evaluation"
out=$(mkdir -p "${1:-evaluation-out}" && cd "${1:-evaluation-out}" && pwd)
work=${WORK_DIR:-$(mktemp -d -t isl-evaluation.XXXXXX)}
mkdir -p "$work"

EVAL_PRESET=${EVAL_PRESET:-default}
case $EVAL_PRESET in
  tiny)
    : "${FOLDS:=2}" "${SIZE:=32}" "${PROFILE:=tiny}" "${BATCH:=4}" "${DEDN_STEPS:=2}" "${DRN_PRETRAIN_STEPS:=2}" "${DRN_STEPS:=2}"
    : "${TRAIN_NORMALS:=1}" "${CAL_NORMALS:=1}" "${CAL_ABNORMAL:=1}" "${TEST_NORMALS:=1}" "${TEST_ABNORMAL:=2}" "${SLICES:=4}" "${BOOTSTRAP:=50}"
    : "${REAL_LIMIT:=9}" "${CONFIGS:=isl-exact dscore-fast raw-drn ae-dscore}" ;;
  default)
    : "${FOLDS:=2}" "${SIZE:=64}" "${PROFILE:=cpu}" "${BATCH:=8}" "${DEDN_STEPS:=1200}" "${DRN_PRETRAIN_STEPS:=200}" "${DRN_STEPS:=400}"
    : "${TRAIN_NORMALS:=8}" "${CAL_NORMALS:=3}" "${CAL_ABNORMAL:=4}" "${TEST_NORMALS:=6}" "${TEST_ABNORMAL:=12}" "${SLICES:=12}" "${BOOTSTRAP:=1000}"
    : "${REAL_LIMIT:=0}" ;;
  *) echo "EVAL_PRESET must be tiny or default, not '$EVAL_PRESET'" >&2; exit 2 ;;
esac
PARTS=${PARTS:-real ich synthetic}
REAL_DATA=${REAL_DATA:-$repo/../shared/data/kaggle-head-ct-dev}
ICH_DATA=${ICH_DATA:-$repo/../shared/data/ct-ich-dev}
ICH_WINDOW=${ICH_WINDOW:-40/120}
THREADS=${THREADS:-2}
DEDN_LR=${DEDN_LR:-0.0001}
runtime=(--device cpu --threads "$THREADS")

start=$(date +%s)
step() { echo; echo "== [$(( $(date +%s) - start ))s] $*"; }

if [[ -z ${TRAINER:-} ]]; then
  step "build isl-trainer (Release) and copy it, so a rebuild elsewhere cannot change it mid-run"
  dotnet build "$repo/src/Isl.Trainer" -c Release -nologo -v quiet
  rm -rf "$work/trainer" && cp -r "$repo/src/Isl.Trainer/bin/Release/net10.0" "$work/trainer"
  TRAINER="$work/trainer/isl-trainer"
fi
trainer() { "$TRAINER" "$@"; }

# The configurations of the ablation: name, bundle kind (isl = DeDN+DRN, raw = DRN on the raw image), score, grid.
all_configs=("isl-exact isl Drn Exact" "isl-fast isl Drn Fast" "dscore-exact isl DScore Exact" "dscore-fast isl DScore Fast" "apds-exact isl Apds Exact" "raw-drn raw Drn Exact" "ae-dscore ae DScore Autoencoder")
CONFIGS=${CONFIGS:-isl-exact isl-fast dscore-exact dscore-fast apds-exact raw-drn ae-dscore}
configs=()
for c in "${all_configs[@]}"; do [[ " $CONFIGS " == *" ${c%% *} "* ]] && configs+=("$c"); done
[[ ${#configs[@]} -gt 0 ]] || { echo "CONFIGS names none of: isl-exact isl-fast dscore-exact dscore-fast apds-exact raw-drn ae-dscore" >&2; exit 2; }
wants() { [[ " $CONFIGS " == *" $1 "* ]]; }
heatmap_options=${HEATMAP_OPTIONS:---polarity brighter --reference area --exclude-bone true}

# train_models CACHE RUNS SEED: DeDN, DRN on x_dif, DRN on the raw image, the autoencoder (bundles in RUNS/{isl,raw,ae}/bundle).
train_models() {
  local cache=$1 runs=$2 seed=$3
  if wants isl-exact || wants isl-fast || wants dscore-exact || wants dscore-fast || wants apds-exact; then
    # The trainer restarts a diverged run itself; should it give up, try afresh with other seeds.
    local attempt
    for attempt in 0 1 2; do
      rm -rf "$runs/dedn"
      trainer train dedn --data "$cache" --out "$runs/dedn" --profile "$PROFILE" --steps "$DEDN_STEPS" --batch "$BATCH" \
        --lr "$DEDN_LR" --checkpoint-every 0 --seed $((seed + 1000 * attempt)) "${runtime[@]}" >> "$runs.dedn.log" && break
      [[ $attempt == 2 ]] && { echo "DeDN training failed 3 times, see $runs.dedn.log" >&2; return 1; }
    done
    trainer train drn --data "$cache" --dedn "$runs/dedn" --out "$runs/isl" --pretrain-steps "$DRN_PRETRAIN_STEPS" \
      --steps "$DRN_STEPS" --batch "$BATCH" --checkpoint-every 0 --seed "$seed" "${runtime[@]}" > "$runs.drn.log"
    # Calibrated heatmaps (and so APDS): the per-pixel normal residual of the training slices.
    # shellcheck disable=SC2086 # HEATMAP_OPTIONS is a list of options
    trainer calibrate-heatmap --bundle "$runs/isl/bundle" --data "$cache" $heatmap_options "${runtime[@]}" > "$runs.heatmap.log"
  fi
  if wants raw-drn; then
    trainer train drn --data "$cache" --input Raw --profile "$PROFILE" --out "$runs/raw" --pretrain-steps "$DRN_PRETRAIN_STEPS" \
      --steps "$DRN_STEPS" --batch "$BATCH" --checkpoint-every 0 --seed "$seed" "${runtime[@]}" > "$runs.raw.log"
  fi
  if wants ae-dscore; then
    # The baseline: the same generator and losses, trained without holes. Only its D-score is evaluated; the DRN
    # trained on it (2 + 2 steps) exists because a bundle needs one.
    trainer train dedn --autoencoder --data "$cache" --out "$runs/ae-dedn" --profile "$PROFILE" --steps "${AE_STEPS:-$DEDN_STEPS}" --batch "$BATCH" \
      --lr "$DEDN_LR" --checkpoint-every 0 --seed "$seed" "${runtime[@]}" > "$runs.ae.log"
    trainer train drn --data "$cache" --dedn "$runs/ae-dedn" --out "$runs/ae" --pretrain-steps 2 --steps 2 --batch "$BATCH" \
      --checkpoint-every 0 --seed "$seed" "${runtime[@]}" >> "$runs.ae.log"
  fi
}

# score CONFIG RUNS DATA OUT [extra evaluate options]: evaluate one configuration on a labelled folder.
score() {
  local name kind kindscore grid
  read -r name kind kindscore grid <<< "$1"
  local runs=$2 data=$3 dest=$4; shift 4
  trainer evaluate --bundle "$runs/$kind/bundle" --data "$data" --out "$dest" --score "$kindscore" --grid-mode "$grid" \
    --bootstrap "$BOOTSTRAP" "${runtime[@]}" "$@" > "$dest.log"
  rm -rf "$dest/cache"
}

threshold_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["threshold"])' "$1"; }

# kfold_part NAME DATA CAL_LEVEL [prepare options]: k-fold by labels.csv row over the normals of DATA. A row is a scan
# (an image, or a folder of slices); fold i trains on the normal scans outside fold i and scores fold i's normal scans
# plus every FOLDS-th disorder scan, so every scan is scored exactly once by a model that never saw it.
kfold_part() {
  local name=$1 source=$2 level=$3; shift 3
  [[ -f $source/labels.csv ]] || { echo "no labelled data at $source" >&2; exit 2; }
  local data="$work/$name/data"
  mkdir -p "$data"
  # A private view of the data set (symlinks), optionally limited to REAL_LIMIT rows for the tiny preset.
  ln -sfn "$(cd "$source" && pwd)" "$data/source"
  python3 "$here/real_folds.py" source-labels "$source/labels.csv" "$data/labels.csv" "$REAL_LIMIT"
  for ((fold = 0; fold < FOLDS; fold++)); do
    [[ " ${FOLD_LIST:-$(seq -s ' ' 0 $((FOLDS - 1)))} " == *" $fold "* ]] || continue
    local f="$work/$name/fold$fold"
    mkdir -p "$f"
    step "$name, fold $((fold + 1))/$FOLDS: prepare ${SIZE}² 1-channel caches"
    trainer prepare --data "$data" --out "$f/train" --size "$SIZE" --select Normals --folds "$FOLDS" --fold "$fold" "$@" > "$f/prepare.log"
    trainer prepare --data "$data" --out "$f/held-out-normals" --size "$SIZE" --select Normals --folds "$FOLDS" --fold "$fold" --held-out "$@" >> "$f/prepare.log"
    # The fold's test set: its held-out normal scans and every FOLDS-th disorder scan.
    mkdir -p "$f/test" && ln -sfn "$data/source" "$f/test/source"
    python3 "$here/real_folds.py" fold-labels "$data/labels.csv" "$f/held-out-normals/cache.json" "$f/test/labels.csv" "$FOLDS" "$fold"
    step "$name, fold $((fold + 1))/$FOLDS: train DeDN ($PROFILE, $DEDN_STEPS steps), DRN and raw DRN"
    train_models "$f/train" "$f/runs" $((fold + 1))
    for config in "${configs[@]}"; do
      step "$name, fold $((fold + 1))/$FOLDS: score ${config%% *}"
      score "$config" "$f/runs" "$f/test" "$f/${config%% *}"
    done
  done
  for config in "${configs[@]}"; do
    local config_name=${config%% *} dest="$out/$name/${config%% *}"
    step "$name: pooled evaluation of $config_name"
    mkdir -p "$dest"
    python3 "$here/real_folds.py" pool "$dest/pooled-scores.csv" "$work/$name"/fold*/"$config_name"/scores.csv
    # The threshold is chosen on the same pooled scores (no labelled disorder is left for a separate
    # calibration set): sensitivity/specificity here are optimistic; the AUROC is not affected.
    trainer calibrate --scores "$dest/pooled-scores.csv" --level "$level" --out "$dest/threshold.json" > "$dest.calibrate.log"
    trainer evaluate --scores "$dest/pooled-scores.csv" --out "$dest" --threshold "$(threshold_of "$dest/threshold.json")" \
      --bootstrap "$BOOTSTRAP" > "$dest.log"
  done
}

real_part() { kfold_part real "$REAL_DATA" slice; }

# ct-ich-dev: brain-window JPEG scans (level 40 / width 120, recorded so the bundles score DICOM too), only the
# intracranial region counts; scan-level labels, so the threshold is calibrated on scan scores.
ich_options=(--source-window "$ICH_WINDOW" --effective-area Intracranial)
ich_part() { kfold_part ich "$ICH_DATA" scan "${ich_options[@]}"; }

synthetic_part() {
  local p="$work/phantoms"
  step "phantoms: $TRAIN_NORMALS training normals, $CAL_NORMALS+$CAL_ABNORMAL calibration, $TEST_NORMALS+$TEST_ABNORMAL test ($SLICES slices each)"
  trainer phantoms --normal "$TRAIN_NORMALS" --seed 1000 --slices "$SLICES" --out "$p/train" > "$p.train.log"
  trainer phantoms --normal "$CAL_NORMALS" --abnormal "$CAL_ABNORMAL" --seed 2000 --slices "$SLICES" --out "$p/calibrate" > "$p.calibrate.log"
  trainer phantoms --normal "$TEST_NORMALS" --abnormal "$TEST_ABNORMAL" --seed 3000 --slices "$SLICES" --out "$p/test" > "$p.test.log"
  for set in train calibrate test; do trainer phantoms labels --data "$p/$set"; done
  step "phantoms: prepare the 3-window DICOM cache (${SIZE}²)"
  trainer prepare --data "$p/train" --out "$work/synthetic/train" --format dicom --size "$SIZE" --select Normals > "$work/synthetic.prepare.log"
  step "phantoms: train DeDN ($PROFILE, $DEDN_STEPS steps), DRN and raw DRN"
  train_models "$work/synthetic/train" "$work/synthetic/runs" 1
  for config in "${configs[@]}"; do
    local name=${config%% *} dest="$out/synthetic/${config%% *}"
    step "phantoms: calibrate and evaluate $name"
    mkdir -p "$dest"
    score "$config" "$work/synthetic/runs" "$p/calibrate" "$work/synthetic/calibrate-$name"
    trainer calibrate --scores "$work/synthetic/calibrate-$name/scores.csv" --level scan --out "$dest/threshold.json" > "$dest.calibrate.log"
    score "$config" "$work/synthetic/runs" "$p/test" "$dest" --threshold "$(threshold_of "$dest/threshold.json")" --pointing
  done
}

png_bundle() {
  local cache="$work/png-bundle/cache" runs="$work/png-bundle/runs"
  mkdir -p "$work/png-bundle"
  step "real-data bundle: train on all normals of $REAL_DATA -> $PNG_BUNDLE_OUT"
  trainer prepare --data "$REAL_DATA" --out "$cache" --size "$SIZE" --select Normals > "$work/png-bundle/prepare.log"
  CONFIGS=isl-exact train_models "$cache" "$runs" 1
  rm -rf "$PNG_BUNDLE_OUT"
  trainer export --run "$runs/isl" --out "$PNG_BUNDLE_OUT" --model-id isl-head-ct-png --model-version 1.0.0
  # Threshold: the pooled k-fold DeDN+DRN scores of the real part (every normal scored by a model that never saw it).
  if [[ -f $out/real/isl-exact/pooled-scores.csv ]]; then
    trainer calibrate --bundle "$PNG_BUNDLE_OUT" --scores "$out/real/isl-exact/pooled-scores.csv" --level slice > "$work/png-bundle/calibrate.log" || true
  fi
}

# The shipped model (samples/models/head-ct): all disorder-free ct-ich-dev scans, thresholded on the pooled k-fold
# DeDN+DRN scan scores of the ich part (every normal scan scored by a model that never saw it).
ich_bundle() {
  local cache="$work/ich-bundle/cache" runs="$work/ich-bundle/runs"
  mkdir -p "$work/ich-bundle"
  step "shipped bundle: train on all normal scans of $ICH_DATA -> $ICH_BUNDLE_OUT"
  trainer prepare --data "$ICH_DATA" --out "$cache" --size "$SIZE" --select Normals "${ich_options[@]}" > "$work/ich-bundle/prepare.log"
  CONFIGS=isl-exact train_models "$cache" "$runs" 1
  rm -rf "$ICH_BUNDLE_OUT"
  trainer export --run "$runs/isl" --out "$ICH_BUNDLE_OUT" --model-id "${ICH_MODEL_ID:-isl-head-ct-ich}" --model-version "${ICH_MODEL_VERSION:-2.0.0}" --onnx
  # shellcheck disable=SC2086 # HEATMAP_OPTIONS is a list of options
  trainer calibrate-heatmap --bundle "$ICH_BUNDLE_OUT" --data "$cache" $heatmap_options "${runtime[@]}" > "$work/ich-bundle/heatmap.log"
  # The shipped score: ICH_CONFIG's slice score (default the D-score) pooled by ICH_POOLING (top-3), the best measured
  # on the k-fold; the paper's DRN + mean stays selectable (calibrate --score Drn --pooling mean).
  local chosen=${ICH_CONFIG:-dscore-exact} kind
  kind=$(for c in "${all_configs[@]}"; do read -r n _ k _ <<< "$c"; [[ $n == "$chosen" ]] && echo "$k"; done)
  if [[ -f $out/ich/$chosen/pooled-scores.csv ]]; then
    trainer calibrate --bundle "$ICH_BUNDLE_OUT" --scores "$out/ich/$chosen/pooled-scores.csv" --level scan --score "$kind" \
      --pooling "${ICH_POOLING:-topk}" --top-k 3 > "$work/ich-bundle/calibrate.log"
  fi
}

for part in $PARTS; do
  case $part in
    real) real_part ;;
    ich) ich_part ;;
    synthetic) synthetic_part ;;
    *) echo "unknown part '$part' (real, ich, synthetic)" >&2; exit 2 ;;
  esac
done
[[ -n ${PNG_BUNDLE_OUT:-} ]] && png_bundle
[[ -n ${ICH_BUNDLE_OUT:-} ]] && ich_bundle
if [[ -n ${DEMO_BUNDLE_OUT:-} ]]; then
  step "demo bundle -> $DEMO_BUNDLE_OUT (samples/models/make-demo-bundle.sh, its own sizes)"
  # The evaluation's sizes must not leak into the demo script's defaults.
  env -u TRAIN_NORMALS -u CAL_NORMALS -u CAL_ABNORMAL -u SLICES -u PROFILE -u SIZE -u BATCH -u DEDN_STEPS \
    -u DRN_PRETRAIN_STEPS -u DRN_STEPS BUNDLE_OUT="$DEMO_BUNDLE_OUT" TRAINER="$TRAINER" THREADS="$THREADS" \
    "$repo/samples/models/make-demo-bundle.sh" "$work/demo-bundle" > "$work/demo-bundle.log"
  rm -rf "$out/demo-bundle" && cp -r "$work/demo-bundle/evaluation" "$out/demo-bundle" && rm -rf "$out/demo-bundle/cache"
fi

seconds=$(( $(date +%s) - start ))
step "report"
python3 "$here/make_report.py" "$out" "$seconds" "EVAL_PRESET=$EVAL_PRESET FOLDS=$FOLDS SIZE=$SIZE PROFILE=$PROFILE BATCH=$BATCH DEDN_STEPS=$DEDN_STEPS DEDN_LR=$DEDN_LR DRN_PRETRAIN_STEPS=$DRN_PRETRAIN_STEPS DRN_STEPS=$DRN_STEPS TRAIN_NORMALS=$TRAIN_NORMALS CAL=$CAL_NORMALS+$CAL_ABNORMAL TEST=$TEST_NORMALS+$TEST_ABNORMAL SLICES=$SLICES BOOTSTRAP=$BOOTSTRAP REAL_LIMIT=$REAL_LIMIT"
[[ ${KEEP_WORK:-0} == 1 || -n ${WORK_DIR:-} ]] || rm -rf "$work"
echo "done in ${seconds}s: $out/report.md"
