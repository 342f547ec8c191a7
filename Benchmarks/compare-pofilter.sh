#!/usr/bin/env bash
# Lector's default bilingual check against Translate Toolkit's pofilter (default checks), side by
# side in one run, on the same generated German→English news units (Benchmarks/generate-news.py)
# as XLIFF 1.2, JSON Lines and PO. Reports the median of --runs runs of each: user+system CPU
# seconds, units per CPU-second, wall time and peak memory (GNU time), and the ratio.
#
#   Benchmarks/compare-pofilter.sh [--install] [--units N] [--runs N] [--lector PATH] [--pofilter PATH]
#
# --install   create a venv (Benchmarks/.venv-pofilter) and install translate-toolkit from PyPI;
#             without it, pofilter must already be on PATH or in that venv.
# --lector    the binary to measure (default: .build/release/lector, built as README's Install
#             builds it, with --static-swift-stdlib, if missing).
# --pofilter  the pofilter to measure, for example another worktree's venv
#             (default: $POFILTER, then the venv above, then PATH).
# --jobs      Lector's threads (default: its own, one per core). pofilter uses one core; with
#             --jobs 1 both are measured on one core.
set -euo pipefail
cd "$(dirname "$0")/.."

units=20000 runs=3 install=0 lector="" pofilter=${POFILTER:-} jobs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --install) install=1 ;;
        --units) units="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --lector) lector="$2"; shift ;;
        --pofilter) pofilter="$2"; shift ;;
        --jobs) jobs=(--jobs "$2"); shift ;;
        *) echo "usage: $0 [--install] [--units N] [--runs N] [--lector PATH] [--pofilter PATH] [--jobs N]" >&2; exit 2 ;;
    esac
    shift
done

venv=Benchmarks/.venv-pofilter
if [ "$install" = 1 ] && [ ! -x "$venv/bin/pofilter" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q translate-toolkit
fi
if [ -n "$pofilter" ]; then [ -x "$pofilter" ] || { echo "not executable: $pofilter" >&2; exit 2; }
elif [ -x "$venv/bin/pofilter" ]; then pofilter="$venv/bin/pofilter"
elif command -v pofilter >/dev/null; then pofilter=$(command -v pofilter)
else echo "pofilter not found: run with --install" >&2; exit 2
fi
if [ -z "$lector" ]; then
    lector=.build/release/lector
    [ -x "$lector" ] || swift build -c release --static-swift-stdlib --product lector >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for format in xliff jsonl po; do
    python3 Benchmarks/generate-news.py --units "$units" --format "$format" "$work/news.$format"
done
mv "$work/news.xliff" "$work/news.xlf"

# One measured run: prints "cpu_seconds wall_seconds peak_kb".
measure() {
    /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        status=$?
        # lector exits 1 when it finds something; anything else is a failed run.
        if [ "$1" != "$lector" ] || [ $status -ne 1 ]; then cat "$work/stderr" >&2; exit 2; fi
    }
    # GNU time writes "Command exited with non-zero status 1" first when the command exits 1.
    tail -1 "$work/time" | awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }'
}

# Median of --runs measurements (by CPU time), as "cpu wall peak".
median() {
    for _ in $(seq "$runs"); do measure "$@"; done | sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

echo "$(date -u +%FT%TZ) $(nproc) cores (lector ${jobs[*]:---jobs default}), load average $(cut -d' ' -f1-3 /proc/loadavg); $units units, median of $runs runs"
echo "lector $($lector --version 2>/dev/null || echo "(no --version)"), $($pofilter --version 2>&1 | head -1)"
printf '%-6s %-8s %9s %12s %8s %9s\n' format tool "cpu s" "units/cpu-s" "wall s" "peak MB"
# pofilter reads no JSON Lines: Lector's JSON Lines run is set against pofilter's XLIFF run of the
# same units.
for format in xlf jsonl po; do
    file="$work/news.$format"
    read -r lcpu lwall lpeak < <(median "$lector" check --no-config --glossary Glossaries/ukraine-war.tbx \
        --source-lang de --target-lang en --format jsonl --quiet ${jobs[@]+"${jobs[@]}"} "$file")
    pfile="$file"; [ "$format" = jsonl ] && pfile="$work/news.xlf"
    read -r pcpu pwall ppeak < <(median "$pofilter" --progress=none -i "$pfile" -o "$work/out.${pfile##*.}")
    for row in "lector $lcpu $lwall $lpeak" "pofilter $pcpu $pwall $ppeak"; do
        set -- $row
        awk -v f="$format" -v t="$1" -v c="$2" -v w="$3" -v p="$4" -v u="$units" \
            'BEGIN { printf "%-6s %-8s %9.2f %12.0f %8.2f %9.0f\n", f, t, c, u / (c > 0 ? c : 0.001), w, p / 1024 }'
    done
    awk -v l="$lcpu" -v p="$pcpu" -v f="$format" 'BEGIN { printf "%-6s lector/pofilter units per CPU-second: %.1fx\n", f, p / l }'
done
