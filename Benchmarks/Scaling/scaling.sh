#!/usr/bin/env bash
# Time and peak memory of `lector check` against input size, per format (issue 16's scaling benchmark).
#
#   Benchmarks/Scaling/scaling.sh [SIZES_MB...]        default: 1 10 50 100
#   FORMATS="text xliff" Benchmarks/Scaling/scaling.sh 1 10 100 500
#
# Uses the release binary (swift build -c release --static-swift-stdlib --product lector; or LECTOR=/path/to/lector), the
# shipped glossary, and inputs made by generate.py in $SCALING_DIR (default /tmp/lector-scaling,
# removed after each size). Prints one Markdown table row per run: format, size, findings, wall
# seconds, MB/s, peak RSS (from /usr/bin/time -v), RSS per input byte. Run it on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

LECTOR=${LECTOR:-.build/release/lector}
FORMATS=${FORMATS:-text markdown jsonl xliff}
DIR=${SCALING_DIR:-/tmp/lector-scaling}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1 10 50 100)
[ -x "$LECTOR" ] || { echo "no $LECTOR: run swift build -c release --static-swift-stdlib --product lector" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$DIR"

echo "| format | MB | findings | seconds | MB/s | peak RSS MB | RSS / input |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for format in $FORMATS; do
    case $format in
        text) ext=txt ;; markdown) ext=md ;; jsonl) ext=jsonl ;; xliff) ext=xlf ;;
        *) echo "unknown format $format" >&2; exit 2 ;;
    esac
    for size in "${SIZES[@]}"; do
        input="$DIR/input-$size.$ext"
        python3 Benchmarks/Scaling/generate.py "$format" "$size" "$input"
        bytes=$(stat -c %s "$input")
        status=0
        languages=()
        case $format in jsonl|xliff) languages=(--source-lang de) ;; esac
        /usr/bin/time -v -o "$DIR/time.txt" "$LECTOR" check --quiet --format jsonl \
            --glossary Glossaries/ukraine-war.tbx "${languages[@]}" "$input" >"$DIR/out.jsonl" 2>"$DIR/err.txt" || status=$?
        if [ "$status" -gt 1 ]; then
            echo "| $format | $size | failed (exit $status): $(head -c 200 "$DIR/err.txt") | | | | |"
            rm -f "$input"
            continue
        fi
        findings=$(wc -l <"$DIR/out.jsonl")
        seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$DIR/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DIR/time.txt")
        awk -v f="$format" -v sz="$size" -v n="$findings" -v s="$seconds" -v r="$rss" -v b="$bytes" 'BEGIN {
            printf "| %s | %s | %d | %.1f | %.2f | %.0f | %.1f |\n", f, sz, n, s, (b / 1e6) / (s > 0 ? s : 1), r / 1024, (r * 1024) / b }'
        rm -f "$input" "$DIR/out.jsonl"
    done
done
