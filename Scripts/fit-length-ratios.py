#!/usr/bin/env python3
"""Fit the expected length ratio of each language pair of the perturbation suite, on its tune split only.

    python3 Scripts/fit-length-ratios.py ../shared/data > Sources/LectorRules/Resources/Meaning/length-ratios.txt

`meaning.omission` and `meaning.addition` ask whether a translation is as much shorter (or longer)
than its source as an unaligned span would make it. That needs, per pair, the usual log ratio of
translation length to source length and how far it strays. Lengths are in the comparable units of
`GarbledConditions.comparableLength` (characters other than white space; a CJK character counts 3),
so the tokenized post-edits of MLQE-PE measure the same as running text.

The rows are those of `lector eval perturb --split tune` (PerturbationEvaluation.samples): MLQE-PE
dev for ru/et/ro-en, and the terminology rows whose FNV-1a id hash is even, WMT23 rows with a
character ratio within 0.6-1.6. The centre is the median and the spread 1.4826 x the median absolute
deviation, so that the few misaligned rows left do not widen it.
"""
import csv
import math
import statistics
import sys

csv.field_size_limit(1 << 30)


def fnv1a(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value ^= byte
        value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def dense(ch):
    c = ord(ch)
    return (0x1100 <= c <= 0x11FF or 0x3040 <= c <= 0x30FF or 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF
            or 0xAC00 <= c <= 0xD7AF or 0xF900 <= c <= 0xFAFF)


def comparable_length(text):
    return sum(3 if dense(ch) else 1 for ch in text if not ch.isspace())


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def main(data):
    pairs = {}
    for pair in ("ru-en", "et-en", "ro-en"):
        pairs[pair] = [(row["source"], row["pe_tokenized"]) for row in rows(f"{data}/mlqe-pe/{pair}/dev.tsv")]
    for pair, path, source, target in (("en-fr", "terminology/wmt21-en-fr-dev/dev.tsv", "source_en", "reference_fr"),
                                       ("de-en", "terminology/wmt23-de-en/test.tsv", "source_de", "reference_en")):
        kept = []
        for row in rows(f"{data}/{path}"):
            ratio = len(row[target]) / max(1, len(row[source]))
            if fnv1a(row["id"]) % 2 == 0 and 0.6 < ratio < 1.6:
                kept.append((row[source], row[target]))
        pairs[pair] = kept
    print("# Expected log(translation length / source length) per language pair, in comparable units, and its")
    print("# spread (1.4826 x median absolute deviation). Written by Scripts/fit-length-ratios.py from the")
    print("# perturbation suite's tune split; read by meaning.omission and meaning.addition.")
    print("# pair\tcentre\tspread\tsentences")
    for pair in sorted(pairs):
        logs = []
        for source, target in pairs[pair]:
            s, t = comparable_length(source), comparable_length(target)
            if s >= 20 and t > 0:
                logs.append(math.log(t / s))
        centre = statistics.median(logs)
        spread = 1.4826 * statistics.median(abs(x - centre) for x in logs)
        print(f"{pair}\t{centre:.4f}\t{spread:.4f}\t{len(logs)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
