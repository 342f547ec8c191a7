#!/usr/bin/env bash
# One measured run: wall seconds, CPU seconds (user + system) and peak resident memory of a command
# (GNU time), and the number of lines it wrote (findings, with --format jsonl).
#
#   Benchmarks/Scaling/measure.sh LABEL OUTPUT -- COMMAND...
#   Benchmarks/Scaling/measure.sh "text 100 MB" /tmp/out.jsonl -- .build/release/lector check \
#       --no-config --glossary Glossaries/ukraine-war.tbx --format jsonl --quiet /tmp/text-100.txt
#
# Or a series, one run at a time, on inputs of generate.py (made in $SCALING_DIR, default
# /tmp/lector-scaling, before the timed run and deleted after it), with the release lector
# ($LECTOR, default .build/release/lector) as the table of Benchmarks/README.md runs it: the shipped
# glossary, --format jsonl, --source-lang de for the bilingual formats. Each run's output is kept
# as $SCALING_DIR/FORMAT-SIZE.out.jsonl (to compare two builds with cmp) unless KEEP_OUTPUT=0.
#
#   Benchmarks/Scaling/measure.sh --series FORMAT SIZE_MB...     FORMAT: text, markdown, jsonl, xliff
#   Benchmarks/Scaling/measure.sh --series jsonl 5 50 500
set -uo pipefail

measure() {
    local label=$1 out=$2
    shift 3
    local timing
    timing=$(mktemp)
    /usr/bin/time -v -o "$timing" "$@" >"$out" 2>/dev/null
    local status=$?
    awk -v l="$label" -v rc=$status -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
    /User time/ { u = $2 } /System time/ { sy = $2 } /Maximum resident set size/ { r = $2 }
    END { printf "%s: exit %d wall %.1f s cpu %.1f s rss %.0f MiB\n", l, rc, w, u + sy, r / 1024 }' "$timing"
    echo "  findings: $(wc -l <"$out")"
    rm -f "$timing"
}

if [ "${1:-}" != --series ]; then
    measure "$@"
    exit 0
fi

cd "$(dirname "$0")/../.."
format=${2:?"usage: $0 --series FORMAT SIZE_MB..."}
shift 2
lector=${LECTOR:-.build/release/lector}
dir=${SCALING_DIR:-/tmp/lector-scaling}
[ -x "$lector" ] || { echo "no $lector: swift build -c release --static-swift-stdlib --product lector" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$dir"
case $format in
    text) ext=txt languages=() ;;
    markdown) ext=md languages=() ;;
    jsonl) ext=jsonl languages=(--source-lang de) ;;
    xliff) ext=xlf languages=(--source-lang de) ;;
    *) echo "unknown format $format" >&2; exit 2 ;;
esac
for size in "$@"; do
    input="$dir/input-$size.$ext"
    python3 Benchmarks/Scaling/generate.py "$format" "$size" "$input"
    out="$dir/$format-$size.out.jsonl"
    measure "$format $size MB ($(stat -c %s "$input") bytes)" "$out" -- "$lector" check --no-config \
        --glossary Glossaries/ukraine-war.tbx --format jsonl --quiet "${languages[@]}" "$input"
    rm -f "$input"
    [ "${KEEP_OUTPUT:-1}" = 0 ] && rm -f "$out"
done
