"""Shared paths and helpers of the sentiment tooling (scripts/sentiment/)."""
import csv
import hashlib
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# The labelled corpora live outside the repository (../shared/data/sentiment beside the clone).
DATA = os.environ.get("SMMKPI_SENTIMENT_DATA", os.path.join(os.path.dirname(REPO), "shared", "data", "sentiment"))
CACHE = os.environ.get("SMMKPI_SENTIMENT_CACHE", "/tmp/smmkpi-sentiment")
SCRATCH = os.environ.get("SMMKPI_SENTIMENT_SCRATCH", os.path.join(REPO, ".build-sentiment"))
CLASSES = ["negative", "neutral", "positive"]


def wheel(name, version, filename_prefix):
    """Downloads a PyPI wheel once (pip download, no dependencies) and unpacks it into the cache."""
    target = os.path.join(CACHE, f"{name}-{version}")
    if not os.path.isdir(target):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", CACHE,
                        f"{name}=={version}"], check=True)
        whl = [f for f in os.listdir(CACHE) if f.startswith(filename_prefix) and f.endswith(".whl")][0]
        with zipfile.ZipFile(os.path.join(CACHE, whl)) as z:
            z.extractall(target)
    return target


def read_corpus(name):
    """Rows of ru-opencorpora.csv or en-tweeteval.csv as dicts."""
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def is_test(text):
    """The fixed held-out split: 20 % of the rows, chosen by a hash of the text (never tuned on)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0


def one_line(text):
    return " ".join(text.split())


def tool(*args, stdin_lines=None, release=False):
    """Runs sentiment-tool (built with `swift build --product sentiment-tool`) over lines of text."""
    config = "release" if release else "debug"
    exe = os.path.join(SCRATCH, config, "sentiment-tool")
    data = "\n".join(one_line(t) for t in (stdin_lines or [])) + "\n"
    out = subprocess.run([exe, *args], input=data.encode("utf-8"), stdout=subprocess.PIPE, check=True)
    return out.stdout.decode("utf-8").split("\n")[:len(stdin_lines or [])]


def build_tool(release=False):
    args = ["swift", "build", "--scratch-path", SCRATCH, "--product", "sentiment-tool"]
    if release:
        args += ["-c", "release"]
    subprocess.run(args, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
