"""Scores loaders' outputs with Pollock's own evaluation (its pollock/metrics.py through its
evaluate.py's evaluate_single_run), then aggregates as evaluate.py's main and paper_tables.py do:
simple = the sum of the ten per-file means (success and precision/recall/F1 of header, record and
cell), weighted = each file's sum of the ten measures times its normalised weight from
pollock_weights.json. Prints one JSON object per SUT on stdout.

usage: python3 score.py POLLOCK_DIR WORK_DIR SUT [SUT ...]
  WORK_DIR holds polluted_files (a link to POLLOCK_DIR/polluted_files) and
  results/<sut>/polluted_files/loading/<file>_converted.csv, as evaluate.py expects; each SUT's
  per-file measures are written to results/<sut>/polluted_files/<sut>_results.csv there.
Missing PyPI packages (multiset, pqdm, price_parser) come from ./shims (see each one's docstring).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
pollock_dir, work_dir, suts = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3:]
sys.path.insert(0, os.path.join(HERE, "shims"))
sys.path.insert(0, pollock_dir)
os.chdir(work_dir)

import pandas as pd  # noqa: E402
import evaluate  # noqa: E402  Pollock's evaluate.py

MEASURES = ["success", "header_precision", "header_recall", "header_f1", "record_precision",
            "record_recall", "record_f1", "cell_precision", "cell_recall", "cell_f1"]
dataset = "polluted_files"
files = [f for f in os.listdir(dataset + "/csv") if f.endswith("csv")]
if os.environ.get("POLLOCK_FILES"):  # run.ts --files: a subset, for a quick look only
    files = [f for f in files if re.search(os.environ["POLLOCK_FILES"], f)]
with open(os.path.join(pollock_dir, "pollock_weights.json")) as f:
    weights = json.load(f)

for sut in suts:
    result_file = f"results/{sut}/{dataset}/{sut}_results.csv"
    evaluate.evaluate_single_run(files=files, dataset=dataset, result_file=result_file, sut=sut, n_jobs=1)
    df = pd.read_csv(result_file).set_index("file")
    cols = [f"{sut}_{m}" for m in MEASURES]
    means = df[cols].mean()
    simple = float(means.sum())
    w = pd.Series([weights.get(x, -1) for x in df.index], index=df.index)
    weighted = float((df[cols].sum(axis=1) * (w / w.sum())).sum())
    out = {"sut": sut, "files": len(df), "simple": simple, "weighted": weighted}
    out.update({m: float(means[f"{sut}_{m}"]) for m in MEASURES})
    for subset, rx in evaluate.SUB_MEASURES.items():
        sub = df.loc[[f for f in df.index if re.search(rx, f)]]
        v = float(sub[f"{sut}_cell_f1"].mean()) if len(sub) else None
        out[subset + "_cell_f1"] = v if v == v else None
    print(json.dumps(out), flush=True)
