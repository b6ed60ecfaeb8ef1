#!/usr/bin/env python3
"""Small file glue for run-evaluation.sh's real-data k-fold (labels.csv and scores.csv rows; no model work).

  source-labels SRC_LABELS DEST_LABELS LIMIT      rows of SRC prefixed with 'source/' (LIMIT>0: 2/3 normals, 1/3 disorders)
  fold-labels LABELS HELD_OUT_CACHE_JSON DEST FOLDS FOLD
                                                  the fold's test set: its held-out normals + every FOLDS-th disorder
  pool DEST_SCORES SCORES...                      concatenate scores.csv files (one header)
"""
import csv
import json
import sys


def read_rows(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [r for r in rows[1:] if r]


def is_disorder(row):
    return any(v.strip() == "1" for v in row[1:])


def write_rows(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def source_labels(src, dest, limit):
    header, rows = read_rows(src)
    rows = [["source/" + r[0]] + r[1:] for r in rows]
    limit = int(limit)
    if limit > 0:
        normals = [r for r in rows if not is_disorder(r)][: max(2, limit * 2 // 3)]
        disorders = [r for r in rows if is_disorder(r)][: max(1, limit - len(normals))]
        rows = normals + disorders
    write_rows(dest, header, rows)


def fold_labels(labels, cache_json, dest, folds, fold):
    header, rows = read_rows(labels)
    with open(cache_json) as f:
        # A labels row is one scan: an image (its own scan) or a folder of slices; the cache names each slice's scan.
        held_out = {s["scan"] for s in json.load(f)["slices"]}
    normals = [r for r in rows if not is_disorder(r) and r[0] in held_out]
    disorders = sorted((r for r in rows if is_disorder(r)), key=lambda r: r[0])
    picked = [r for i, r in enumerate(disorders) if i % int(folds) == int(fold)]
    if not normals or not picked:
        sys.exit(f"fold {fold} of {folds} has {len(normals)} normals and {len(picked)} disorders: use fewer folds")
    write_rows(dest, header, normals + picked)


def pool(dest, *sources):
    header, rows = None, []
    for path in sources:
        h, r = read_rows(path)
        header = header or h
        rows.extend(r)
    write_rows(dest, header, rows)


if __name__ == "__main__":
    commands = {"source-labels": source_labels, "fold-labels": fold_labels, "pool": pool}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
