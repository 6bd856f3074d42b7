#!/usr/bin/env python3
"""Trains the sentiment model and writes Sources/SMMCore/Sentiment/SentimentWeightsData.swift.

Features come from the Swift code itself (`sentiment-tool features`), so training and the
product see exactly the same features. The model is a softmax regression (scikit-learn's
LogisticRegression) over hashed stems, stem bigrams, character n-grams and dense lexicon
features, with classes weighted to balance each language.

Training material: the 80 % training part of ru-opencorpora.csv and en-tweeteval.csv (the
fixed 20 % test part, common.is_test, is never used here), plus data/comments-train.csv
(written by the smmkpi authors). Run build_lexicon.py first when the lexicon changed.

    python3 scripts/sentiment/train.py [--cv] [--c 1.0] [--buckets 262144] [--grams 3-5|none]
"""
import argparse
import base64
import csv
import hashlib
import os
import struct

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from common import CLASSES, HERE, REPO, build_tool, is_test, read_corpus, tool

OUT = os.path.join(REPO, "Sources", "SMMCore", "Sentiment", "SentimentWeightsData.swift")
DENSE = 64


def training_rows():
    rows = []
    for r in read_corpus("ru-opencorpora.csv"):
        if not is_test(r["text"]):
            rows.append((r["text"], r["label"], "ru", "opencorpora"))
    for r in read_corpus("en-tweeteval.csv"):
        if not is_test(r["text"]):
            rows.append((r["text"], r["label"], "en", "tweeteval"))
    own = os.path.join(HERE, "data", "comments-train.csv")
    if os.path.exists(own):
        with open(own, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                rows.append((r["text"], r["label"], r.get("lang") or "ru", "own"))
    return rows


def features(rows, buckets, grams, bigrams):
    indptr, indices, values = [0], [], []
    for lang in ("ru", "en"):
        pass
    # One call per language keeps the dense block right; rows keep their order.
    lines = {}
    for lang in ("ru", "en"):
        texts = [(i, r[0]) for i, r in enumerate(rows) if r[2] == lang]
        if not texts:
            continue
        args = ["features", "--lang", lang, "--buckets", str(buckets), "--grams", grams]
        if not bigrams:
            args.append("--no-bigrams")
        out = tool(*args, stdin_lines=[t for _, t in texts])
        for (i, _), line in zip(texts, out):
            lines[i] = line
    for i in range(len(rows)):
        for part in lines[i].split():
            k, v = part.split(":")
            indices.append(int(k))
            values.append(float(v))
        indptr.append(len(indices))
    m = sp.csr_matrix((np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)),
                      shape=(len(rows), buckets))
    m.sum_duplicates()
    return m


OWN_WEIGHT = 3.0


def sample_weights(rows, y):
    """Each language's classes weighted to equal total weight ("balanced" within a language);
    our own comments, the product's real domain, count OWN_WEIGHT times a corpus row."""
    w = np.ones(len(rows))
    for lang in ("ru", "en"):
        idx = [i for i, r in enumerate(rows) if r[2] == lang]
        if not idx:
            continue
        counts = {c: sum(1 for i in idx if y[i] == c) for c in range(3)}
        for i in idx:
            w[i] = len(idx) / (3 * counts[y[i]])
    for i, r in enumerate(rows):
        if r[3] == "own":
            w[i] *= OWN_WEIGHT
    return w


def fit(X, y, w, c):
    model = LogisticRegression(C=c, max_iter=2000, tol=1e-4)
    model.fit(X, y, sample_weight=w)
    return model


def bias_offsets(X, y, w, rows, c):
    """Per-language class offsets that maximise macro-F1 of out-of-fold predictions (5-fold
    cross-validation on the training part only); added to each language's dense bias weight."""
    strata = np.array([f"{r[2]}{y[i]}" for i, r in enumerate(rows)])
    scores = np.zeros((len(rows), 3))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=7).split(X, strata):
        scores[te] = fit(X[tr], y[tr], w[tr], c).decision_function(X[te])
    offsets = {}
    grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
    for lang in ("ru", "en"):
        m = np.array([r[2] == lang and r[3] != "own" for r in rows])
        best = (f1_score(y[m], scores[m].argmax(1), average="macro"), 0.0, 0.0)
        base = best[0]
        for dn in grid:
            for dp in grid:
                pred = (scores[m] + np.array([dn, 0.0, dp])).argmax(1)
                f = f1_score(y[m], pred, average="macro")
                if f > best[0] + 1e-9:
                    best = (f, dn, dp)
        offsets[lang] = (best[1], best[2])
        print(f"{lang}: out-of-fold macro-F1 {base:.3f} -> {best[0]:.3f} with offsets negative {best[1]:+.1f}, positive {best[2]:+.1f}")
    return offsets


def write_model(model, buckets, grams, bigrams, offsets=None):
    coef = model.coef_.astype(np.float64)  # (3, buckets)
    for lang, (dn, dp) in (offsets or {}).items():
        base = 0 if lang == "ru" else 32  # the dense bias feature of each language (always 1)
        coef[0, base] += dn
        coef[2, base] += dp
    bias = model.intercept_.astype(np.float64)
    hashed = coef[:, DENSE:]
    scale = float(np.abs(hashed).max()) / 32767.0 or 1.0
    q = np.clip(np.round(hashed / scale), -32767, 32767).astype("<i2").T.copy()  # (buckets-64, 3)
    lo, hi = (0, 0) if grams == "none" else map(int, grams.split("-"))
    flags = (1 if bigrams else 0) | (0 if grams == "none" else 2)
    blob = b"SMS1" + struct.pack("<IIII", buckets, flags, lo, hi)
    blob += struct.pack("<3f", *bias)
    blob += struct.pack(f"<{DENSE * 3}f", *coef[:, :DENSE].T.reshape(-1))
    blob += struct.pack("<f", scale)
    blob += q.tobytes()
    version = "lr-" + hashlib.sha1(blob).hexdigest()[:12]
    b64 = base64.b64encode(blob).decode("ascii")
    chunks = [b64[i:i + 100_000] for i in range(0, len(b64), 100_000)]
    with open(OUT, "w", encoding="ascii") as f:
        f.write("// Generated by scripts/sentiment/train.py: do not edit. Sources and licences: NOTICE.\n")
        f.write("// A softmax regression trained on the training parts of OpenSentimentCorpus (CC BY-SA 3.0,\n")
        f.write("// https://github.com/yarfruct/open-sentiment-corpus, a derivative of OpenCorpora) and TweetEval,\n")
        f.write("// and on comments written by the smmkpi authors. Layout: SentimentModel.swift.\n")
        f.write("import Foundation\n\n")
        f.write("package enum SentimentWeightsData {\n")
        f.write(f'    package static let version = "{version}"\n')
        f.write("    static let chunks: [String] = [\n")
        for c in chunks:
            f.write(f'        "{c}",\n')
        f.write("    ]\n")
        f.write("    package static func bytes() -> [UInt8]? {\n")
        f.write("        guard !chunks.isEmpty, let d = Data(base64Encoded: chunks.joined()) else { return nil }\n")
        f.write("        return [UInt8](d)\n")
        f.write("    }\n}\n")
    print(f"model {version}: {len(blob) / 1e6:.2f} MB binary, {os.path.getsize(OUT) / 1e6:.2f} MB source -> {OUT}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation on the training part only")
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--cs", default="", help="comma-separated C values to compare by cross-validation")
    ap.add_argument("--buckets", type=int, default=1 << 18)
    ap.add_argument("--grams", default="3-5")
    ap.add_argument("--no-bigrams", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--no-offsets", action="store_true", help="skip the per-language class offsets")
    a = ap.parse_args()
    build_tool()
    rows = training_rows()
    y = np.array([CLASSES.index(r[1]) for r in rows])
    X = features(rows, a.buckets, a.grams, not a.no_bigrams)
    w = sample_weights(rows, y)
    print(f"{len(rows)} training rows, {X.nnz / len(rows):.0f} features a row")
    cs = [float(c) for c in a.cs.split(",")] if a.cs else [a.c]
    if a.cv or len(cs) > 1:
        langs = np.array([r[2] for r in rows])
        sources = np.array([r[3] for r in rows])
        folds = StratifiedKFold(5, shuffle=True, random_state=7)
        strata = np.array([f"{r[2]}{y[i]}" for i, r in enumerate(rows)])
        for c in cs:
            pred = np.zeros(len(rows), dtype=int)
            for tr, te in folds.split(X, strata):
                pred[te] = fit(X[tr], y[tr], w[tr], c).predict(X[te])
            report = []
            for src in ("opencorpora", "tweeteval", "own"):
                m = sources == src
                if m.any():
                    report.append(f"{src} macro-F1 {f1_score(y[m], pred[m], average='macro'):.3f}")
            print(f"C={c}: " + ", ".join(report))
    if not a.no_write:
        c = cs[0] if len(cs) == 1 else a.c
        offsets = None if a.no_offsets else bias_offsets(X, y, w, rows, c)
        write_model(fit(X, y, w, c), a.buckets, a.grams, not a.no_bigrams, offsets)


if __name__ == "__main__":
    main()
