#!/usr/bin/env python3
"""Replays the documented behaviour of Translate Toolkit's pofilter checks on Lector.

The cases (Scripts/pofilter-cases.jsonl) are the pass/fail examples of pofilter's own test suite
for the checks that have a Lector counterpart: one JSON object per case with the pofilter check,
the checker profile it ran under, the target language and accelerator markers, the source, the
translation, what pofilter's tests document ("expect": "pass" or "fail"), and what the installed
pofilter actually answered when the cases were extracted ("pofilter").

    python3 Scripts/compare-pofilter-checks.py                 # agreement per check, overall
    python3 Scripts/compare-pofilter-checks.py --verbose       # and every disagreement
    python3 Scripts/compare-pofilter-checks.py --extract tests/translate/filters/test_checks.py

--extract rebuilds the case file from a copy of translate-toolkit's test_checks.py: its assertions
are run with recording stand-ins for passes()/fails()/fails_serious(), and each case is also run
through the real pofilter check. It needs translate-toolkit importable: the script re-runs itself
with /tmp/ttk-venv/bin/python (`python3 -m venv /tmp/ttk-venv && /tmp/ttk-venv/bin/pip install
translate-toolkit`) when that exists and the current Python lacks it. Comparing needs only the case
file and a built lector (`swift build`; --lector PATH for another binary).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CASES = os.path.join(HERE, "pofilter-cases.jsonl")
VENV_PYTHON = "/tmp/ttk-venv/bin/python"

# pofilter check -> the Lector rules that cover it.
RULES = {
    "accelerators": ["accelerator.mismatch"],
    "blank": ["untranslated.blank"],
    "brackets": ["punctuation.brackets"],
    "doublequoting": ["punctuation.quotes"],
    "doublespacing": ["whitespace.double"],
    "doublewords": ["words.doubled"],
    "endpunc": ["punctuation.end"],
    "endwhitespace": ["whitespace.edges"],
    "startwhitespace": ["whitespace.edges"],
    "escapes": ["escapes.mismatch"],
    "newlines": ["whitespace.newlines"],
    "tabs": ["whitespace.newlines"],
    "numbers": ["numbers.mismatch"],
    "printf": ["markup.mismatch"],
    "pythonbraceformat": ["markup.mismatch"],
    "variables": ["markup.mismatch"],
    "xmltags": ["markup.mismatch", "markup.invalid"],
    "emails": ["markup.mismatch"],
    "urls": ["markup.mismatch"],
    "startcaps": ["capitalization.start"],
    "startpunc": ["punctuation.start"],
    "unchanged": ["untranslated.unchanged", "untranslated.text"],
    "untranslated": ["untranslated.text"],
    "validxml": ["markup.invalid"],
}

# Lines between two cases in the JSON Lines file given to Lector: a case's translation may hold
# line breaks, and a finding after one is reported on a later line.
SPACING = 20


def extract(test_file):
    try:
        from translate.filters import checks  # noqa: F401
    except ImportError:
        if os.path.exists(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(os.path.dirname(os.path.dirname(VENV_PYTHON))):
            os.execv(VENV_PYTHON, [VENV_PYTHON] + sys.argv)
        sys.exit("translate-toolkit is not importable; see the docstring for the venv")
    from translate.filters import checks

    cases = []

    def normalize(text):
        return unicodedata.normalize("NFC", text) if isinstance(text, str) else text

    def record(expect):
        def helper(function, str1, str2, message=None):
            str1, str2 = normalize(str1), normalize(str2)
            checker = function.__self__
            try:
                function(str1, str2)
                live = "pass"
            except checks.FilterFailure:
                live = "fail"
            config = checker.config
            cases.append({
                "check": function.__name__,
                "checker": type(checker).__name__,
                "target_lang": config.targetlanguage or "af",
                "accelerators": list(config.accelmarkers or []),
                "source": str1,
                "target": str2,
                "expect": expect,
                "pofilter": live,
            })
            return True
        return helper

    namespace = {"__name__": "pofilter_cases"}
    with open(test_file, encoding="utf-8") as handle:
        code = compile(handle.read(), test_file, "exec")
    exec(code, namespace)
    namespace.update(passes=record("pass"), fails=record("fail"), fails_serious=record("fail"))
    for name, test in list(namespace.items()):
        if not name.startswith("test_") or not callable(test):
            continue
        before = len(cases)
        try:
            test()
        except Exception as error:  # a test that needs what this replay does not set up
            del cases[before:]
            print(f"skipped {name}: {error}", file=sys.stderr)
    cases = [case for case in cases if case["check"] in RULES]
    with open(CASES, "w", encoding="utf-8") as handle:
        handle.write("# pofilter's documented check behaviour (translate-toolkit tests/translate/filters/"
                     "test_checks.py), extracted by Scripts/compare-pofilter-checks.py --extract\n")
        for case in cases:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(CASES, ROOT)}")


def load_cases():
    with open(CASES, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip() and not line.startswith("#")]


def lector_binary(explicit):
    if explicit:
        return explicit
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "lector")
        if os.path.exists(path):
            return path
    sys.exit("no lector binary: run `swift build` first, or pass --lector PATH")


def run_lector(binary, cases, settings=True):
    """Lector's verdict per case: "fail" when a rule that covers the case's check reports on it."""
    verdicts = [None] * len(cases)
    groups = collections.defaultdict(list)
    for index, case in enumerate(cases):
        groups[(case["target_lang"], tuple(case["accelerators"]) or ("&",))].append(index)
    with tempfile.TemporaryDirectory() as folder:
        for (language, markers), indices in sorted(groups.items()):
            data = os.path.join(folder, f"cases-{language}.jsonl")
            config = os.path.join(folder, ".lector.yml")
            with open(config, "w", encoding="utf-8") as handle:
                handle.write("strings:\n  accelerator_markers: [" + ", ".join(json.dumps(m) for m in markers) + "]\n")
            with open(data, "w", encoding="utf-8") as handle:
                for slot, index in enumerate(indices):
                    case = cases[index]
                    record = {"id": str(index), "source": case["source"], "target": case["target"],
                              "source_lang": "en", "target_lang": language}
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n" * SPACING)
            options = ["--config", config] if settings else ["--no-config"]
            result = subprocess.run([binary, "check", *options, "--format", "json", "--quiet",
                                     "--fail-on", "error", data], capture_output=True, text=True)
            if result.returncode not in (0, 1):
                sys.exit(f"lector failed on {language}: {result.stderr.strip()}")
            found = collections.defaultdict(set)
            for finding in json.loads(result.stdout)["diagnostics"]:
                found[(finding["line"] - 1) // SPACING].add(finding["rule"])
            for slot, index in enumerate(indices):
                rules = RULES[cases[index]["check"]]
                verdicts[index] = "fail" if found[slot] & set(rules) else "pass"
    return verdicts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extract", metavar="TEST_CHECKS_PY", help="rebuild the cases from pofilter's test_checks.py")
    parser.add_argument("--lector", metavar="PATH", help="the lector binary (default: .build/release or .build/debug)")
    parser.add_argument("--without-settings", action="store_true",
                        help="give Lector no `strings:` settings (accelerator markers), for builds that predate them")
    parser.add_argument("--verbose", action="store_true", help="list every case where Lector and pofilter's tests differ")
    parser.add_argument("--markdown", action="store_true", help="print the table for the README")
    arguments = parser.parse_args()
    if arguments.extract:
        extract(arguments.extract)
        return

    cases = load_cases()
    verdicts = run_lector(lector_binary(arguments.lector), cases, settings=not arguments.without_settings)
    per_check = collections.defaultdict(lambda: [0, 0, 0])  # agree, total, pofilter agrees with its tests
    for case, verdict in zip(cases, verdicts):
        entry = per_check[case["check"]]
        entry[0] += verdict == case["expect"]
        entry[1] += 1
        entry[2] += case["pofilter"] == case["expect"]
        if arguments.verbose and verdict != case["expect"]:
            print(f"{case['check']:<18} expected {case['expect']}, Lector {verdict}: "
                  f"{case['source']!r} -> {case['target']!r} ({case['target_lang']})")
    agree = sum(entry[0] for entry in per_check.values())
    total = sum(entry[1] for entry in per_check.values())
    own = sum(entry[2] for entry in per_check.values())
    if arguments.markdown:
        print("| pofilter check | Lector rule | cases | Lector agrees |")
        print("|---|---|---:|---:|")
        for check in sorted(per_check):
            entry = per_check[check]
            rules = ", ".join(f"`{rule}`" for rule in RULES[check])
            print(f"| {check} | {rules} | {entry[1]} | {100 * entry[0] / entry[1]:.0f} % |")
        print(f"| **all** | | **{total}** | **{100 * agree / total:.1f} %** |")
        return
    for check in sorted(per_check):
        entry = per_check[check]
        print(f"{check:<18} {entry[0]:>3}/{entry[1]:<3} {100 * entry[0] / entry[1]:5.1f} %")
    print(f"{'all':<18} {agree:>3}/{total:<3} {100 * agree / total:5.1f} %  "
          f"(pofilter itself agrees with its tests on {own}/{total})")


if __name__ == "__main__":
    main()
