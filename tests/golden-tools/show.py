#!/usr/bin/python3
"""Prints the golden results of run/ corpus files, one line per case (for review).

    /usr/bin/python3 tests/golden-tools/show.py [stem ...]
"""
import glob
import json
import os
import sys

RUN_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                        "..", "src", "test", "resources", "run"))


def fmt(r):
    if r is None:
        return "None"
    if isinstance(r, list):
        return "(" + ", ".join(fmt(e) for e in r) + ")"
    if "value" in r:
        return "%s:%s" % (r["dtype"], r["value"])
    return "%s%s[%s]" % (r["dtype"], r["shape"], r["npy"])


def main():
    stems = sys.argv[1:] or sorted(os.path.basename(p)[:-11]
                                   for p in glob.glob(os.path.join(RUN_DIR, "*.cases.json")))
    for stem in stems:
        with open(os.path.join(RUN_DIR, stem + ".cases.json"), encoding="utf-8") as fh:
            m = json.load(fh)
        for c in m["cases"]:
            if c["raises"]:
                out = "raises %s: %s" % (c["raises"], c["message"])
            else:
                out = fmt(c.get("result"))
                if c.get("mutated"):
                    out += "  mutates " + ",".join("arg%d" % x["arg"] for x in c["mutated"])
            tags = "".join([" ulp=%d" % c["ulp"] if c["ulp"] else "",
                            " unspecified" if c["unspecified"] else ""])
            print("%-20s %-52s -> %s%s" % (stem, c["call"], out, tags))


if __name__ == "__main__":
    main()
