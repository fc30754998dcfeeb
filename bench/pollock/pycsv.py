"""Python's csv module as Pollock's sut/pycsv/pycsv.py runs it (one repetition, no timing): the
file opened in the encoding its parameters file names, csv.Sniffer().sniff() on the whole text,
csv.reader with that dialect, csv.writer back; an exception writes "Application Error".

usage: python3 pycsv.py POLLUTED_FILES_DIR OUT_LOADING_DIR
"""
import csv
import json
import os
import sys

in_dir, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
for f in sorted(os.listdir(os.path.join(in_dir, "csv"))):
    in_path = os.path.join(in_dir, "csv", f)
    out_path = os.path.join(out_dir, f"{f}_converted.csv")
    with open(os.path.join(in_dir, "parameters", f"{f}_parameters.json")) as pf:
        encoding = json.load(pf)["encoding"]
    try:
        with open(in_path, newline="", encoding=encoding) as in_csvfile:
            dialect = csv.Sniffer().sniff(in_csvfile.read())
            in_csvfile.seek(0)
            rows = list(csv.reader(in_csvfile, dialect))
        with open(out_path, "w", newline="") as out_csvfile:
            csv.writer(out_csvfile).writerows(rows)
    except Exception as e:
        with open(out_path, "w") as out_csvfile:
            out_csvfile.write("Application Error\n")
            out_csvfile.write(str(e))
