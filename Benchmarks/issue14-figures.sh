#!/usr/bin/env bash
# Every figure of issue 14's table ("Where issue 14 stands" in Benchmarks/README.md) for one or two
# release builds, one after the other on the same machine, so that a round's merge is measured the
# same way each time:
#
#   Benchmarks/issue14-figures.sh --lector NEW [--base OLD] [--work DIR] [--quick]
#
# 1. against pofilter: compare-pofilter.sh --runs 3 (installs pofilter in a venv when missing),
#    with Lector's default threads and with --jobs 1;
# 2. two cores: Scaling/speedup.sh on 20,000-unit XLIFF and JSON Lines (3 runs), 200,000-unit
#    XLIFF and JSON Lines (1 run) and 11.45 MB of target-only text (3 runs);
# 3. target-only: the CPU of the first pass over the windows and of `check (whole document)`, as
#    LECTOR_PROFILE reports them on the text, with
#    generated glossaries of 100 and 100,000 concepts, as MB/s per core, and GNU time's peak memory;
# 4. the stream: 2,000 records of JSON Lines on standard input, --jobs 1 and 2 (CPU, wall, peak);
# 5. where the time goes: LECTOR_PROFILE of the 20,000-unit XLIFF, --jobs 1.
# The generated files are kept in DIR (default /tmp/lector-issue14) and reused. --quick uses 2,000
# and 20,000 units instead, to try the script. Run it on an idle machine: look at the load figures.
set -euo pipefail
cd "$(dirname "$0")/.."

new="" base="" work=/tmp/lector-issue14 units=20000 big=200000
while [ $# -gt 0 ]; do
    case "$1" in
        --lector) new=$(realpath "$2"); shift ;;
        --base) base=$(realpath "$2"); shift ;;
        --work) work="$2"; shift ;;
        --quick) units=2000 big=20000 ;;
        *) echo "usage: $0 --lector NEW [--base OLD] [--work DIR] [--quick]" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$new" ] || { echo "usage: $0 --lector NEW [--base OLD] [--work DIR] [--quick]" >&2; exit 2; }
[ -z "$base" ] || [ -x "$base" ] || { echo "not executable: $base" >&2; exit 2; }
builds=("$new"); [ -n "$base" ] && builds=("$base" "$new")

mkdir -p "$work"
generate() { [ -s "$work/$1" ] || python3 Benchmarks/generate-news.py --units "$2" --format "$3" "$work/$1"; }
generate news.xlf "$units" xliff; generate news.jsonl "$units" jsonl
generate big.xlf "$big" xliff; generate big.jsonl "$big" jsonl
generate text.txt "$big" text; generate stream.jsonl 2000 jsonl
for concepts in 100 100000; do
    [ -s "$work/g$concepts.tbx" ] || python3 Benchmarks/Scaling/generate-tbx.py "$concepts" "$work/g$concepts.tbx"
done
pair=(--source-lang de --target-lang en)
textbytes=$(stat -c %s "$work/text.txt")

section() { echo; echo "## $1 ($(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"; }

section "against pofilter"
for lector in "${builds[@]}"; do
    echo "### $lector"
    Benchmarks/compare-pofilter.sh --install --runs 3 --units "$units" --lector "$lector"
    Benchmarks/compare-pofilter.sh --install --runs 3 --units "$units" --lector "$lector" --jobs 1
done

section "two cores (speedup.sh)"
for lector in "${builds[@]}"; do
    echo "### $lector"
    for spec in "news.xlf 3" "news.jsonl 3" "big.xlf 1" "big.jsonl 1" "text.txt 3"; do
        set -- $spec
        extra=("${pair[@]}"); [ "$1" = text.txt ] && extra=(--target-lang en)
        echo "$1: $(LECTOR="$lector" Benchmarks/Scaling/speedup.sh "$work/$1" "$2" -- "${extra[@]}" | tail -2 | tr '\n' ' ')"
    done
done

section "target-only, $textbytes bytes, --jobs 1"
for lector in "${builds[@]}"; do
    for concepts in 100 100000; do
        /usr/bin/time -o "$work/time" -f "%U %S %M" env LECTOR_PROFILE=1 "$lector" check --no-config \
            --glossary "$work/g$concepts.tbx" --target-lang en --format jsonl --quiet --jobs 1 \
            "$work/text.txt" >/dev/null 2>"$work/profile" || true
        # The whole check is the first pass over the windows (reading, glossary matching, the
        # spellings' tally) and the check of each window: before 2026-12-06 this line counted the
        # second alone, which left reading and matching out once the first pass kept its windows.
        ms=$(awk '/check \(whole document\)|first pass over windows/ { sum += $1 } END { print sum + 0 }' "$work/profile")
        rules=$(awk '/check \(whole document\)/ { sum += $1 } END { print sum + 0 }' "$work/profile")
        tail -1 "$work/time" | awk -v l="$lector" -v c="$concepts" -v ms="$ms" -v r="$rules" -v b="$textbytes" \
            '{ printf "%s, %d concepts: check %.0f ms (rules %.0f ms), %.1f MB/s per core; process CPU %.2f s, peak %.0f MB\n",
               l, c, ms, r, b / 1e6 / (ms / 1000), $1 + $2, $3 * 1024 / 1e6 }'
    done
done

section "stream: 2,000 records on standard input"
for lector in "${builds[@]}"; do
    for jobs in 1 2; do
        for _ in 1 2 3; do
            /usr/bin/time -o "$work/time" -f "%U %S %e %M" "$lector" check --no-config \
                --glossary Glossaries/ukraine-war.tbx "${pair[@]}" --stdin-format jsonl --format jsonl \
                --quiet --jobs "$jobs" - <"$work/stream.jsonl" >"$work/stream-$jobs.out" 2>/dev/null || true
            tail -1 "$work/time"
        done | sort -n | awk -v l="$lector" -v j="$jobs" 'NR == 2 {
            printf "%s --jobs %d (median of 3): CPU %.2f s, wall %.2f s, peak %.0f MB\n", l, j, $1 + $2, $3, $4 * 1024 / 1e6 }'
    done
    cmp -s "$work/stream-1.out" "$work/stream-2.out" && echo "outputs of --jobs 1 and 2 identical" || echo "STREAM OUTPUTS DIFFER"
done

section "where the time goes: LECTOR_PROFILE, news.xlf, --jobs 1"
for lector in "${builds[@]}"; do
    echo "### $lector"
    LECTOR_PROFILE=1 "$lector" check --no-config --glossary Glossaries/ukraine-war.tbx "${pair[@]}" \
        --format jsonl --quiet --jobs 1 "$work/news.xlf" 2>&1 >/dev/null | sed -n '2,30p' || true
done
