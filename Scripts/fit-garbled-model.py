#!/usr/bin/env python3
"""Fit Lector's garbled-sentence model (logistic regression per language pair).

Steps, all reproducible from the public WMT21 critical-error data:
  1. lector eval ced --features /tmp/feat/PAIR-SPLIT.jsonl ../shared/data/ced/PAIR/SPLIT.tsv
     (for each pair and split; the signals are computed by Lector itself)
  2. python3 Scripts/fit-garbled-model.py /tmp/feat > Sources/LectorRules/Resources/Garbled/model.json

The model is fitted on the train split only; the threshold of each pair is then chosen for the
best MCC on the dev split. Features are the names in GarbledSignals.featureNames; the length
features are recomputed here from the raw log length ratio with the train split's mean and
deviation, which the model file carries for Lector to do the same.
"""
import json
import math
import os
import sys

import numpy as np

FEATURES = [
    "negation.mismatch", "negation.difference", "numbers.unmatched", "length.too_short", "length.too_long",
    "toxicity.mismatch", "toxicity.source", "repetition.target", "copy.ratio", "source.oov",
    "source.shouting", "source.elongation", "target.oov", "source.oov_dropped",
]
# Set by hand, see GarbledModel.fixedWeights: the relative-clause signal cannot be learnt from
# WMT21 (English sources only), and loops of repeated words are too rare there to weigh.
FIXED = {"clause.relative_added": 8.0, "repetition.target": 3.0}
L2 = 1.0


def load(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    return rows


def length_model(rows):
    ratios = [r["features"].get("length.log_ratio", 0.0) for r in rows]
    mean = float(np.mean(ratios))
    deviation = float(max(np.std(ratios), 0.05))
    return mean, deviation


def matrix(rows, mean, deviation):
    x = np.zeros((len(rows), len(FEATURES)))
    y = np.zeros(len(rows))
    for i, row in enumerate(rows):
        f = dict(row["features"])
        z = (f.get("length.log_ratio", 0.0) - mean) / deviation
        f["length.too_short"] = max(0.0, -z)
        f["length.too_long"] = max(0.0, z)
        x[i] = [f.get(name, 0.0) for name in FEATURES]
        y[i] = row["label"]
    return x, y


def fit(x, y, iterations=400):
    """Newton's method for L2-regularised logistic regression (bias not regularised)."""
    n, d = x.shape
    a = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    penalty = np.eye(d + 1) * L2
    penalty[0, 0] = 0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-a @ w))
        gradient = a.T @ (p - y) + penalty @ w
        hessian = a.T @ (a * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def mcc(y, flagged):
    tp = float(np.sum((flagged == 1) & (y == 1)))
    fp = float(np.sum((flagged == 1) & (y == 0)))
    fn = float(np.sum((flagged == 0) & (y == 1)))
    tn = float(np.sum((flagged == 0) & (y == 0)))
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return 0.0 if denominator == 0 else (tp * tn - fp * fn) / denominator


def best_threshold(scores, y):
    best = (0.5, -1.0)
    for threshold in np.unique(np.round(scores, 4)):
        value = mcc(y, (scores >= threshold).astype(int))
        if value > best[1]:
            best = (float(threshold), value)
    return best


def main(folder):
    pairs = sorted({name.rsplit("-", 1)[0] for name in os.listdir(folder) if name.endswith(".jsonl")})
    model = {"pairs": {}, "fixedWeights": FIXED}
    notes = []
    all_train, all_dev = [], []
    for pair in pairs:
        train = load(os.path.join(folder, f"{pair}-train.jsonl"))
        dev = load(os.path.join(folder, f"{pair}-dev.jsonl"))
        all_train += train
        all_dev += dev
        model["pairs"][pair], note = fit_pair(pair, train, dev)
        notes.append(note)
    model["pairs"]["default"], note = fit_pair("default (all pairs)", all_train, all_dev)
    notes.append(note)
    # Without a source only the translation's own signals exist; no labelled data for that case.
    model["pairs"]["target-only"] = {
        "bias": -4.0, "weights": {"repetition.target": 2.5}, "threshold": 0.5, "lengthMean": 0.0, "lengthDeviation": 1.0,
    }
    model["comment"] = (
        "Logistic regression per language pair, fitted by Scripts/fit-garbled-model.py (Newton's method, L2 = "
        f"{L2}) on the train split of WMT21 QE task 3 critical-error data (CC0, sheffieldnlp/mlqe-pe); thresholds "
        "chose the best MCC on the dev split. Dev results: " + "; ".join(notes) + ". fixedWeights are set by hand; "
        "target-only is a hand-set rule (a repeated word pair) for text without source."
    )
    json.dump(model, sys.stdout, indent=1, sort_keys=True)
    print()
    print("\n".join(notes), file=sys.stderr)


def fit_pair(name, train, dev):
    mean, deviation = length_model(train)
    x, y = matrix(train, mean, deviation)
    w = fit(x, y)
    xd, yd = matrix(dev, mean, deviation)
    scores = 1 / (1 + np.exp(-(w[0] + xd @ w[1:])))
    threshold, value = best_threshold(scores, yd)
    entry = {
        "bias": round(float(w[0]), 5),
        "weights": {feature: round(float(weight), 5) for feature, weight in zip(FEATURES, w[1:])},
        "threshold": round(threshold, 4), "lengthMean": round(mean, 5), "lengthDeviation": round(deviation, 5),
    }
    return entry, f"{name} MCC {value:.3f}"


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/feat")
