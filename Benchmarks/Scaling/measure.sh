#!/usr/bin/env bash
# One measured run: wall seconds, CPU seconds (user + system) and peak resident memory of a command
# (GNU time), and the number of lines it wrote (findings, with --format jsonl).
#
#   Benchmarks/Scaling/measure.sh LABEL OUTPUT -- COMMAND...
#   Benchmarks/Scaling/measure.sh "text 100 MB" /tmp/out.jsonl -- .build/release/lector check \
#       --no-config --glossary Glossaries/ukraine-war.tbx --format jsonl --quiet /tmp/text-100.txt
set -uo pipefail
label=$1 out=$2
shift 3
timing=$(mktemp)
/usr/bin/time -v -o "$timing" "$@" >"$out" 2>/dev/null
status=$?
awk -v l="$label" -v rc=$status -F': ' '
/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
/User time/ { u = $2 } /System time/ { sy = $2 } /Maximum resident set size/ { r = $2 }
END { printf "%s: exit %d wall %.1f s cpu %.1f s rss %.0f MiB\n", l, rc, w, u + sy, r / 1024 }' "$timing"
echo "  findings: $(wc -l <"$out")"
rm -f "$timing"
