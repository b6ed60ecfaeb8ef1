#!/usr/bin/env python3
"""Summarises dicom-part.sh's per-study JSON and per-slice TSV files into OUT/dicom.md and OUT/dicom.json.

  dicom_report.py OUT BUNDLE
"""
import glob
import json
import os
import re
import sys


def main(out, bundle):
    with open(os.path.join(bundle, "manifest.json")) as f:
        manifest = json.load(f)
    md = ["# DICOM part: real series through the agent", "",
          f"- bundle: `{bundle}` ({manifest['modelId']} {manifest['modelVersion']}, threshold {manifest['thresholds'].get('scan')})",
          "- run `defaults`: the agent's configuration except SeriesSelection:MinSlices=1; run `contrast-allowed`: "
          "also SeriesSelection:AllowContrast=true (outside the intended use, to show the thin-slice slabbing)", ""]
    summary = []
    for path in sorted(glob.glob(os.path.join(out, "*.study.json"))):
        name = os.path.basename(path)[: -len(".study.json")]
        with open(path) as f:
            doc = json.load(f)
        study, series = doc["study"], doc.get("series", [])
        triage = study.get("triage") or {}
        slices = []
        tsv = os.path.join(out, name + ".slices.tsv")
        if os.path.exists(tsv):
            for line in open(tsv):
                number, comment = (line.rstrip("\n").split("\t") + [""])[:2]
                m = re.search(r"slice score ([0-9.eE+-]+)", comment)
                if m:
                    slices.append((int(number or 0), float(m.group(1))))
        slices.sort()
        entry = {"case": name, "state": study["state"], "reason": study.get("reason"), "score": triage.get("score"),
                 "threshold": triage.get("threshold"), "flag": triage.get("flag") if triage else None,
                 "slicesScored": triage.get("slicesScored"), "slicesNotScored": triage.get("slicesNotScored"),
                 "notes": triage.get("notes"), "scoringSeconds": triage.get("scoringSeconds"),
                 "series": [{"description": s.get("description"), "selected": s.get("selected"), "reason": s.get("reason")} for s in series],
                 "sliceScores": [s for _, s in slices]}
        summary.append(entry)
        md += [f"## {name}", "", f"- state: **{entry['state']}**" + (f" — {entry['reason']}" if entry["reason"] else "")]
        if triage:
            md.append(f"- scan score {entry['score']:.4f} vs threshold {entry['threshold']:.4f}: **{entry['flag']}**; "
                      f"slices scored {entry['slicesScored']}, not scored {entry['slicesNotScored']}; scoring {entry['scoringSeconds']:.1f} s")
        if entry["notes"]:
            md.append(f"- notes: {entry['notes']}")
        for s in entry["series"]:
            md.append(f"- series '{s['description']}': {'selected' if s['selected'] else 'not selected'} — {s['reason']}")
        if slices:
            md.append("- per-slice scores (heatmap SC order): " + ", ".join(f"{v:.3f}" for _, v in slices))
        md.append("")
    with open(os.path.join(out, "dicom.md"), "w") as f:
        f.write("\n".join(md))
    with open(os.path.join(out, "dicom.json"), "w") as f:
        json.dump(summary, f, indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
