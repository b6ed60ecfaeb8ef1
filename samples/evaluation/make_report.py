#!/usr/bin/env python3
"""Collects run-evaluation.sh's per-configuration metrics.json into OUT/report.md and OUT/summary.json.

  make_report.py OUT SECONDS SETTINGS
"""
import json
import os
import sys

CONFIGS = [
    ("isl-exact", "DeDN + DRN (exact K² grid) — the method"),
    ("isl-fast", "DeDN + DRN (fast grid)"),
    ("dscore-exact", "D-score: pixel sum of x_dif (exact grid)"),
    ("dscore-fast", "D-score (fast grid)"),
    ("apds-exact", "APDS of the calibrated heatmap (exact grid)"),
    ("raw-drn", "DRN on the raw image (no DeDN)"),
    ("ae-dscore", "plain autoencoder: pixel sum of abs(x − AE(x))"),
]
PAPER = "paper (retrospective head CT): DeDN+DRN 0.868 > D-score 0.752 > raw DRN 0.657"


def load(out, part, name):
    path = os.path.join(out, part, name, "metrics.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def level(group, name):
    return group.get(name + "Level") or group.get(name + "_level")


def fmt_auc(m):
    if not m or not m.get("auroc"):
        return "n/a", "n/a"
    a = m["auroc"]
    return f"{a['estimate']:.3f}", f"{a['lower']:.3f}–{a['upper']:.3f}"


def pct(m, key):
    if not m:
        return "n/a"
    n = m.get("disorders") if key == "sensitivity" else m.get("normals")
    counts = m.get("atThreshold")
    if not counts or not n:
        return "n/a"
    v = counts.get(key)
    return "n/a" if v is None else f"{100 * v:.1f} %"


def row_figures(m):
    est, ci = fmt_auc(m)
    return {"n": m["count"] if m else 0, "normal": m["normals"] if m else 0, "disorder": m["disorders"] if m else 0,
            "auroc": est, "ci": ci, "sens": pct(m, "sensitivity"), "spec": pct(m, "specificity")}


def table(md, rows):
    md.append("| configuration | n (normal/disorder) | AUROC | 95% CI | sensitivity | specificity |")
    md.append("|---|---:|---:|---|---:|---:|")
    for label, m in rows:
        f = row_figures(m)
        md.append(f"| {label} | {f['n']} ({f['normal']}/{f['disorder']}) | {f['auroc']} | {f['ci']} | {f['sens']} | {f['spec']} |")


def main(out, seconds, settings):
    md = ["# ISL evaluation: the paper's ablation on real and synthetic head CT", ""]
    md.append(f"- settings: `{settings}`")
    md.append(f"- wall time: {int(seconds)} s ({int(seconds) / 60:.1f} min) on this machine")
    md.append(f"- {PAPER}")
    md.append("- AUROC 95% CI: bootstrap of stratified 30 % subsamples (the paper's method); sensitivity/specificity at the "
              "threshold that maximises their harmonic mean on the calibration scores (see each part)")
    md.append("- plain autoencoder baseline (`ae-dscore`): the same generator and losses trained with no holes "
              "(`train dedn --autoencoder`), score = pixel sum of abs(x − AE(x))")
    summary = {"seconds": int(seconds), "settings": settings, "parts": {}}

    real = {name: load(out, "real", name) for name, _ in CONFIGS}
    if any(real.values()):
        md += ["", "## Real data: kaggle-head-ct-dev, slice level (k-fold over the normals, pooled scores)", "",
               "Every normal is scored by the fold model that did not train on it; hemorrhage slices are spread over the "
               "folds. The threshold is chosen on the same pooled scores (no separate labelled set exists), so "
               "sensitivity/specificity are optimistic; the AUROC is not.", ""]
        rows = []
        for name, label in CONFIGS:
            m = real[name]
            if m:
                g = m["groups"][0]
                rows.append((label, level(g, "slice") or level(g, "scan")))
        table(md, rows)
        summary["parts"]["real"] = {name: m and {"auroc": m.get("auroc"), "ci95": m.get("aurocCi95"), "threshold": m.get("threshold")} for name, m in real.items()}
        for name, _ in CONFIGS:
            if real[name] and os.path.exists(os.path.join(out, "real", name, "roc-slice.png")):
                md.append(f"\n![ROC real {name}](real/{name}/roc-slice.png)")

    ich = {name: load(out, "ich", name) for name, _ in CONFIGS}
    if any(ich.values()):
        md += ["", "## Real scans: ct-ich-dev, scan level (k-fold by scan over the normal scans, pooled scores)", "",
               "Each row of labels.csv is one patient's scan (a folder of brain-window JPEG slices); a scan's score pools "
               "the scores of its slices that have enough intracranial area (mean, the paper). Every normal scan is scored "
               "by the fold model that did not train on it; hemorrhage scans are spread over the folds. The threshold is "
               "chosen on the same pooled scan scores, so sensitivity/specificity are optimistic; the AUROC is not.", ""]
        rows = [(label, ich[name]["groups"][0]["scanLevel"]) for name, label in CONFIGS if ich[name]]
        table(md, rows)
        present = [name for name, _ in CONFIGS if ich[name]]
        labels = [g["label"] for g in ich[present[0]]["groups"][1:]]
        if labels:
            md += ["", "### AUROC per label column (that label's scans vs all normal scans; 95% CI)", ""]
            md.append("| label | " + " | ".join(present) + " |")
            md.append("|---|" + "---|" * len(present))
            for label in labels:
                cells = []
                for name in present:
                    found = next((x for x in ich[name]["groups"] if x["label"] == label), None)
                    s = found and found["scanLevel"]
                    est, ci = fmt_auc(s)
                    cells.append(f"{est} [{ci}] (n+={s['disorders'] if s else 0})")
                md.append(f"| {label} | " + " | ".join(cells) + " |")
        summary["parts"]["ich"] = {name: m and {"auroc": m.get("auroc"), "ci95": m.get("aurocCi95"), "threshold": m.get("threshold"),
                                                "groups": {g["label"]: (g["scanLevel"].get("auroc") or {}).get("estimate") for g in m["groups"]}}
                                   for name, m in ich.items()}
        for name in present:
            if os.path.exists(os.path.join(out, "ich", name, "roc-scan.png")):
                md.append(f"\n![ROC ct-ich {name}](ich/{name}/roc-scan.png)")

    synth = {name: load(out, "synthetic", name) for name, _ in CONFIGS}
    if any(synth.values()):
        md += ["", "## Synthetic phantoms: scan level (separate test set; threshold calibrated on a separate phantom set)", ""]
        rows = [(label, synth[name]["groups"][0]["scanLevel"]) for name, label in CONFIGS if synth[name]]
        table(md, rows)
        groups = []
        for m in synth.values():
            for g in (m or {}).get("groups", [])[1:]:
                if g["label"] not in groups:
                    groups.append(g["label"])
        present = [name for name, _ in CONFIGS if synth[name]]
        for title, keep in (("per lesion type", lambda g: not g.startswith("size-")), ("per size class", lambda g: g.startswith("size-"))):
            chosen = [g for g in groups if keep(g)]
            if not chosen:
                continue
            md += ["", f"### AUROC {title} (that group's scans vs all normals; 95% CI)", ""]
            md.append("| group | " + " | ".join(present) + " |")
            md.append("|---|" + "---|" * len(present))
            for g in chosen:
                cells = []
                for name in present:
                    found = next((x for x in synth[name]["groups"] if x["label"] == g), None)
                    s = found and found["scanLevel"]
                    est, ci = fmt_auc(s)
                    cells.append(f"{est} [{ci}] (n+={s['disorders'] if s else 0})")
                md.append(f"| {g} | " + " | ".join(cells) + " |")
        pointing = [(name, synth[name]["pointing"]["groups"]) for name in present if synth[name].get("pointing")]
        if pointing:
            md += ["", "### Pointing game: is the heatmap maximum inside the lesion mask?", "",
                   "Scan: the maximum over all slices of a lesion-bearing scan; slice: each lesion-bearing slice's own maximum. "
                   "The heatmap comes from x_dif, so it is the same for every score of one bundle; on the raw-DRN bundle it is "
                   "the raw image and means nothing.", ""]
            md.append("| configuration | group | scans hit | slices hit |")
            md.append("|---|---|---:|---:|")
            for name, tallies in pointing:
                if name not in ("isl-exact", "isl-fast"):
                    continue
                for t in tallies:
                    sr = f"{t['scanHits']}/{t['scans']} ({100 * t['scanHits'] / t['scans']:.0f} %)" if t["scans"] else "n/a"
                    lr = f"{t['sliceHits']}/{t['slices']} ({100 * t['sliceHits'] / t['slices']:.0f} %)" if t["slices"] else "n/a"
                    md.append(f"| {name} | {t['group']} | {sr} | {lr} |")
        summary["parts"]["synthetic"] = {name: m and {"auroc": m.get("auroc"), "ci95": m.get("aurocCi95"), "threshold": m.get("threshold"),
                                                      "groups": {g["label"]: g["scanLevel"].get("auroc") for g in m["groups"]},
                                                      "pointing": m.get("pointing")} for name, m in synth.items()}
        for name in present:
            if os.path.exists(os.path.join(out, "synthetic", name, "roc-scan.png")):
                md.append(f"\n![ROC synthetic {name}](synthetic/{name}/roc-scan.png)")

    md.append("")
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write("\n".join(md))
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3])
