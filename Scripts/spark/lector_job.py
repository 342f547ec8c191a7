#!/usr/bin/env python3
"""Lector as a PySpark job: JSON Lines records in, one JSON Lines finding per line out.

Each partition is piped through one `lector check` process. Three things make that work on Spark:

- `RDD.pipe` starts the command with an empty environment (no PATH), so the binary is named by
  its absolute path (and `env=` gives it a PATH all the same).
- `--fail-on never` makes lector exit 0 whatever it finds, so `checkCode=True` can fail the task
  (and the job) exactly when lector exits 2: a bad record, a glossary missing on the worker.
- Glossaries travel with the job (`SparkContext.addFile`, like `spark-submit --files`). On a
  cluster an executor finds them in its working directory, where the command runs, so their bare
  file names are given; in local mode they are in the driver's SparkFiles directory.

Standard input is one record per document (`--document per-record`, lector's default for JSON
Lines on standard input), so a record's findings do not depend on how the corpus is partitioned,
and every finding names its record in `unit` (the record's `id`).

    python3 Scripts/spark/lector_job.py --lector "$PWD/.build/release/lector" \
        --glossary Glossaries/ukraine-war.tbx --master 'local[2]' corpus.jsonl findings/

writes Spark's part files to findings/ (`cat findings/part-*` is the JSON Lines of all findings).
"""
import argparse
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext, SparkFiles


def lector_command(lector, glossaries, source_lang, target_lang, local):
    command = [lector, "check", "--no-config"]
    for glossary in glossaries:
        name = os.path.basename(glossary)
        command += ["--glossary", SparkFiles.get(name) if local else name]
    command += ["--source-lang", source_lang, "--target-lang", target_lang, "--stdin-format", "jsonl",
                "--document", "per-record", "--format", "jsonl", "--fail-on", "never", "--quiet", "-"]
    return shlex.join(command)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lector", required=True, help="the lector binary (the same path on every worker)")
    parser.add_argument("--glossary", action="append", default=[], help="a glossary to ship with the job; repeatable")
    parser.add_argument("--source-lang", default="de")
    parser.add_argument("--target-lang", default="en")
    parser.add_argument("--master", help="Spark master (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=4, help="at least this many partitions of the input")
    parser.add_argument("input", help="JSON Lines records, one per line")
    parser.add_argument("output", help="a new folder for the findings (Spark part files)")
    args = parser.parse_args(argv)

    lector = os.path.abspath(args.lector)
    if not os.access(lector, os.X_OK):
        parser.error(f"{lector}: not an executable")
    conf = SparkConf().setAppName("lector").set("spark.ui.enabled", "false")
    if args.master:
        conf.setMaster(args.master)
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    try:
        for glossary in args.glossary:
            context.addFile(os.path.abspath(glossary))
        command = lector_command(lector, args.glossary, args.source_lang, args.target_lang,
                                 context.master.startswith("local"))
        records = context.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        findings = records.pipe(command, env={"PATH": os.path.dirname(lector) + ":/usr/bin:/bin"}, checkCode=True)
        findings.saveAsTextFile(os.path.abspath(args.output))
    finally:
        context.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
