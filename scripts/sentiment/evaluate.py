#!/usr/bin/env python3
"""Evaluates the shipped sentiment classifier and prints the figures of docs/sentiment.md.

Test sets (never trained or tuned on):
- ru-opencorpora.csv and en-tweeteval.csv, the fixed 20 % split of common.is_test;
- data/handlabelled-test.csv: 301 short comments written and labelled by the smmkpi authors
  before any tuning (classified with --lang auto, as the product does).
For each: the model, a majority-class baseline (the most frequent class of the training part)
and a lexicon-only baseline (the same lexicon and rules, no trained weights), with accuracy,
macro-F1 over the three classes, per-class F1 and the confusion matrix.

    python3 scripts/sentiment/evaluate.py [--bench] [--release]

--bench builds the release sentiment-tool and measures texts per second on one core.
"""
import argparse
import csv
import datetime
import os
import platform
import re
import subprocess
from collections import Counter

from common import CLASSES, HERE, REPO, SCRATCH, build_tool, is_test, read_corpus, tool


def metrics(gold, pred):
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    f1 = {}
    for c in CLASSES:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    macro = sum(f1.values()) / 3
    confusion = [[sum(g == a and p == b for g, p in zip(gold, pred)) for b in CLASSES] for a in CLASSES]
    return acc, macro, f1, confusion


def test_sets():
    sets = []
    ru = read_corpus("ru-opencorpora.csv")
    en = read_corpus("en-tweeteval.csv")
    for name, rows, lang in (("ru: OpenSentimentCorpus, held-out 20 %", ru, "ru"),
                             ("en: TweetEval, held-out 20 %", en, "en")):
        train = Counter(r["label"] for r in rows if not is_test(r["text"]))
        test = [(r["text"], r["label"]) for r in rows if is_test(r["text"])]
        sets.append((name, test, lang, train.most_common(1)[0][0]))
    with open(os.path.join(HERE, "data", "handlabelled-test.csv"), encoding="utf-8", newline="") as f:
        hand = list(csv.DictReader(f))
    for lang, title in (("ru", "ru: hand-labelled comments"), ("en", "en: hand-labelled comments")):
        rows = [(r["text"], r["label"]) for r in hand if r["lang"] == lang]
        sets.append((title, rows, "auto", "neutral"))
    sets.append(("all hand-labelled comments", [(r["text"], r["label"]) for r in hand], "auto", "neutral"))
    return sets


def table(name, n, results):
    out = [f"### {name} ({n} texts)", "",
           "| method | accuracy | macro-F1 | F1 negative | F1 neutral | F1 positive |",
           "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for method, (acc, macro, f1, _) in results:
        out.append(f"| {method} | {acc:.3f} | **{macro:.3f}** | {f1['negative']:.3f} | {f1['neutral']:.3f} | {f1['positive']:.3f} |"
                   if method == "model" else
                   f"| {method} | {acc:.3f} | {macro:.3f} | {f1['negative']:.3f} | {f1['neutral']:.3f} | {f1['positive']:.3f} |")
    confusion = dict(results)["model"][3]
    out += ["", "Model confusion matrix (rows: true label, columns: predicted):", "",
            "| true \\ predicted | negative | neutral | positive |", "| --- | ---: | ---: | ---: |"]
    for c, row in zip(CLASSES, confusion):
        out.append(f"| {c} | {row[0]} | {row[1]} | {row[2]} |")
    return "\n".join(out) + "\n"


def bench():
    build_tool(release=True)
    texts = [r["text"] for r in read_corpus("ru-opencorpora.csv")] + [r["text"] for r in read_corpus("en-tweeteval.csv")]
    with open(os.path.join(HERE, "data", "handlabelled-test.csv"), encoding="utf-8", newline="") as f:
        short = [r["text"] for r in csv.DictReader(f)]
    lines = []
    for name, sample, repeat in (("corpus sentences and tweets", texts, 3), ("short comments", short, 200)):
        out = tool("bench", "--repeat", str(repeat), stdin_lines=sample, release=True)
        lines.append(f"- {name}: {out[0]}")
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return cpu, lines


def model_size():
    weights = os.path.join(REPO, "Sources", "SMMCore", "Sentiment", "SentimentWeightsData.swift")
    lexicon = os.path.join(REPO, "Sources", "SMMCore", "Sentiment", "SentimentLexiconData.swift")
    text = open(weights).read()
    b64 = "".join(re.findall(r'"([A-Za-z0-9+/=]{100,})"', text))
    return len(b64) * 3 // 4, os.path.getsize(weights), os.path.getsize(lexicon)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", action="store_true")
    a = ap.parse_args()
    build_tool()
    weights = open(os.path.join(REPO, "Sources", "SMMCore", "Sentiment", "SentimentWeightsData.swift")).read()
    version = re.search(r'version = "([^"]+)"', weights).group(1)
    print(f"Evaluated {datetime.date.today().isoformat()} on {platform.node() or 'this machine'} "
          f"({platform.system()} {platform.machine()}), model {version}.\n")
    for name, rows, lang, majority in test_sets():
        texts = [t for t, _ in rows]
        gold = [g for _, g in rows]
        model = tool("classify", "--lang", lang, stdin_lines=texts)
        lexicon = tool("classify", "--lang", lang, "--lexicon-only", stdin_lines=texts)
        # A text without letters gets no label; it counts as neutral here (the test sets have none).
        model = [p or "neutral" for p in model]
        lexicon = [p or "neutral" for p in lexicon]
        results = [("model", metrics(gold, model)),
                   (f"majority class ({majority})", metrics(gold, [majority] * len(gold))),
                   ("lexicon only", metrics(gold, lexicon))]
        print(table(name, len(rows), results))
    binary, weights_source, lexicon_source = model_size()
    print(f"Model size: {binary / 1e6:.2f} MB of weights ({weights_source / 1e6:.2f} MB as base64 Swift source), "
          f"lexicon {lexicon_source / 1e6:.2f} MB of Swift source.\n")
    if a.bench:
        cpu, lines = bench()
        print(f"Throughput, release build, one thread, on {cpu}:")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
