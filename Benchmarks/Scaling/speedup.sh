#!/usr/bin/env bash
# The 1 → 2 core speed-up of one large file (issue 14's "all cores": ≥ 1.8× wall on 2 cores, no
# finding changed): runs `lector check --jobs 1` and `--jobs 2` alternately RUNS times (default 5),
# prints each run and the medians of wall and CPU (user + system) seconds, their ratio, the load
# average before each run, and whether the two outputs are byte-identical. Only a quiet machine
# gives a meaningful wall ratio: look at the load column.
#
#   Benchmarks/Scaling/speedup.sh FILE [RUNS] [-- EXTRA LECTOR ARGUMENTS]
#   python3 Benchmarks/generate-news.py --units 20000 --format xliff /tmp/news.xlf
#   Benchmarks/Scaling/speedup.sh /tmp/news.xlf 5 -- --source-lang de --target-lang en
#
# $LECTOR is the binary (default .build/release/lector); the shipped glossary and --format jsonl.
# With TIMELINE=1, one more `--jobs 2` run under LECTOR_PROFILE (not timed: the profile's clock
# reads cost system time) prints the run's wall-clock timeline: the serial part before the first
# chunk is checked (start-up, and the first pass over a streamed bilingual file).
set -euo pipefail
cd "$(dirname "$0")/../.."
file=$1; shift
runs=5
if [ $# -gt 0 ] && [ "$1" != "--" ]; then runs=$1; shift; fi
[ "${1:-}" = "--" ] && shift
lector=${LECTOR:-.build/release/lector}
out=$(mktemp -d)
for run in $(seq "$runs"); do
    for jobs in 1 2; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -o "$out/time" -f "%e %U %S" "$lector" check --no-config --glossary Glossaries/ukraine-war.tbx \
            --format jsonl --quiet --jobs "$jobs" "$@" "$file" >"$out/jobs$jobs.jsonl" 2>/dev/null || true
        times=$(tail -1 "$out/time")
        echo "run $run jobs $jobs: wall/user/sys $times load $load"
        echo "$jobs $times" >>"$out/times"
    done
done
python3 - "$out/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def medians(jobs):
    picked = [r for r in rows if r[0] == jobs]
    return statistics.median(float(r[1]) for r in picked), statistics.median(float(r[2]) + float(r[3]) for r in picked)
(w1, c1), (w2, c2) = medians("1"), medians("2")
print(f"median jobs 1: wall {w1:.2f} s, CPU {c1:.2f} s; jobs 2: wall {w2:.2f} s, CPU {c2:.2f} s; "
      f"speed-up {w1 / w2:.2f}x, CPU ratio {c2 / c1:.2f}")
PY
if [ "${TIMELINE:-0}" = 1 ]; then
    LECTOR_PROFILE=1 "$lector" check --no-config --glossary Glossaries/ukraine-war.tbx --format jsonl --quiet --jobs 2 \
        "$@" "$file" 2>&1 >/dev/null | sed -n '/^lector timeline/,$p' || true
fi
if cmp -s "$out/jobs1.jsonl" "$out/jobs2.jsonl"; then echo "outputs identical ($(grep -c '"rule":' "$out/jobs1.jsonl") findings)"
else echo "OUTPUTS DIFFER"; exit 1; fi
rm -r "$out"
