"""Per pollution kind: the mean of the ten measures' sum (a file's contribution to the simple score
is this / number of files) and the files that lose most. Reads score.py's per-file results.
usage: python3 kinds.py RESULTS_CSV [N_WORST]"""
import re
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1]).set_index("file")
cols = [c for c in df.columns if c != "file"]
df["total"] = df[cols].sum(axis=1)
df["kind"] = [re.sub(r"\d+", "#", f) for f in df.index]
g = df.groupby("kind")["total"].agg(["count", "mean"])
g["loss"] = (10 - g["mean"]) * g["count"] / len(df)
print(g.sort_values("loss", ascending=False).to_string())
print("simple", df[cols].mean().sum())
n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
print(df.sort_values("total")[["total"]].head(n).to_string())
