#!/usr/bin/env bash
# Dumps every finding of the default check on the benchmark corpus and the seed, to show that an
# optimisation changed no finding: save the dumps of one build, then compare another build's.
#
#   Benchmarks/findings-unchanged.sh save DIR [--lector PATH] [--units N]
#   Benchmarks/findings-unchanged.sh compare DIR [--lector PATH] [--units N]
#
# The corpus (made in DIR/corpus, deterministic): generate-news.py units as XLIFF 1.2, JSON Lines
# and PO; the Scaling generator's XLIFF, JSON Lines (German sources with names), text and Markdown;
# the seed article alone and with its German source; Examples/; with ../shared/data beside the
# repository, 300 sentence pairs each of ru→en, cs→en, en→cs and en→ja and one of uk→en, pl→en and
# en→ru, bilingual and target only (their lexical resources differ from de–en's). Bilingual files
# are checked per file and per record, JSON Lines also as a stream on standard input. Every run's JSON Lines
# output and exit status go to DIR/NAME.jsonl; `compare` writes its own into DIR/after and
# diffs them (exit 1 and the first differing lines when any dump differs).
# --lector defaults to .build/release/lector.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

mode=${1:-} dir=${2:-}
[ "$mode" = save ] || [ "$mode" = compare ] || { echo "usage: $0 save|compare DIR [--lector PATH] [--units N]" >&2; exit 2; }
[ -n "$dir" ] || { echo "usage: $0 save|compare DIR [--lector PATH] [--units N]" >&2; exit 2; }
shift 2
lector=$root/.build/release/lector units=20000
while [ $# -gt 0 ]; do
    case "$1" in
        --lector) lector=$(realpath "$2"); shift ;;
        --units) units="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$lector" ] || { echo "no $lector: swift build -c release --static-swift-stdlib --product lector" >&2; exit 2; }
mkdir -p "$dir/corpus"
dir=$(realpath "$dir")
corpus=$dir/corpus

if [ ! -f "$corpus/done" ]; then
    for format in xliff jsonl po; do
        python3 Benchmarks/generate-news.py --units "$units" --format "$format" "$corpus/news.$format"
    done
    mv "$corpus/news.xliff" "$corpus/news.xlf"
    python3 Benchmarks/generate-news.py --units "$units" --format text "$corpus/news.txt"
    python3 Benchmarks/Scaling/generate.py xliff 1 "$corpus/scaling.xlf"
    python3 Benchmarks/Scaling/generate.py jsonl 1 "$corpus/scaling.jsonl"
    python3 Benchmarks/Scaling/generate.py text 2 "$corpus/scaling.txt"
    python3 Benchmarks/Scaling/generate.py markdown 1 "$corpus/scaling.md"
    cp "$root/../shared/seed/article.en.txt" "$corpus/seed.en.txt"
    cp "$root/../shared/seed/article.de.txt" "$corpus/seed.de.txt"
    touch "$corpus/done"
fi

out=$dir
[ "$mode" = compare ] && out=$dir/after
mkdir -p "$out"

glossary=$root/Glossaries/ukraine-war.tbx
# One dump: NAME then lector's arguments. Runs from the corpus folder so paths in findings are
# the same whatever DIR is.
dump() {
    local name=$1; shift
    local status=0
    (cd "$corpus" && "$lector" check --no-config --quiet --format jsonl --glossary "$glossary" "$@") \
        >"$out/$name.jsonl" 2>"$out/$name.stderr" || status=$?
    echo "exit $status" >>"$out/$name.jsonl"
    [ $status -le 1 ] || { echo "$name: exit $status: $(head -c 300 "$out/$name.stderr")" >&2; }
}

bilingual=(--source-lang de --target-lang en)
for file in news.xlf news.jsonl news.po scaling.xlf scaling.jsonl; do
    dump "$file.per-file" "${bilingual[@]}" --document per-file "$file"
    dump "$file.per-record" "${bilingual[@]}" --document per-record "$file"
done
for file in news.jsonl scaling.jsonl; do
    (cd "$corpus" && "$lector" check --no-config --quiet --format jsonl --glossary "$glossary" "${bilingual[@]}" \
        --stdin-format jsonl - <"$file") >"$out/$file.stdin.jsonl" 2>/dev/null || echo "exit $?" >>"$out/$file.stdin.jsonl"
done
for file in news.txt scaling.txt scaling.md seed.en.txt; do
    dump "$file" "$file"
done
dump seed.bilingual --source seed.de.txt --source-lang de seed.en.txt
(cd "$root/Examples" && "$lector" check --no-config --quiet --format jsonl --glossary "$glossary" .) \
    >"$out/examples.jsonl" 2>/dev/null || echo "exit $?" >>"$out/examples.jsonl"
(cd "$root/Examples" && "$lector" check --no-config --quiet --format jsonl --glossary "$glossary" \
    --source seed-article.de.txt --source-lang de seed-article.en.txt) \
    >"$out/examples.bilingual.jsonl" 2>/dev/null || echo "exit $?" >>"$out/examples.bilingual.jsonl"

# Other pairs, from ../shared/data when it is beside the repository (each pair's lexical resources:
# Hunspell of both sides, FreeDict, the bridge through a third language, WordNet, MeCab): the first
# 300 rows, one sentence per line, and the sentence pairs of lexicon-load.sh for uk and pl.
data=$root/../shared/data
if [ -d "$data" ]; then
    [ -f "$corpus/pairs.done" ] || python3 - "$data" "$corpus" <<'PY'
import csv, sys
csv.field_size_limit(10**8)
data, corpus = sys.argv[1], sys.argv[2]
def rows(path, n=300):
    with open(path, encoding='utf-8') as f:
        return [r for _, r in zip(range(n), csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))]
def write(pair, sources, targets):
    clean = lambda s: ' '.join(s.split())
    open(f'{corpus}/{pair}.src.txt', 'w').write(''.join(clean(s) + '\n\n' for s in sources))
    open(f'{corpus}/{pair}.tgt.txt', 'w').write(''.join(clean(t) + '\n\n' for t in targets))
r = rows(f'{data}/mlqe-pe/ru-en/dev.tsv'); write('ru-en', [x['source'] for x in r], [x['mt'] for x in r])
r = rows(f'{data}/ced/en-cs/dev.tsv'); write('cs-en', [x['mt'] for x in r], [x['source'] for x in r])
write('en-cs', [x['source'] for x in r], [x['mt'] for x in r])
r = rows(f'{data}/ced/en-ja/dev.tsv'); write('en-ja', [x['source'] for x in r], [x['mt'].replace(' ', '') for x in r])
english = "Ukrainian President Volodymyr Zelensky held talks with the Polish prime minister in Kyiv."
write('uk-en', ["Президент України Володимир Зеленський провів переговори з прем'єр-міністром Польщі у Києві."], [english])
write('pl-en', ["Prezydent Ukrainy Wołodymyr Zełenski rozmawiał w Kijowie z premierem Polski."], [english])
write('en-ru', [english], ["Президент Украины Владимир Зеленский провёл переговоры с премьер-министром Польши в Киеве."])
PY
    touch "$corpus/pairs.done"
    for pair in ru-en cs-en en-cs en-ja uk-en pl-en en-ru; do
        dump "$pair" --source-lang "${pair%-*}" --target-lang "${pair#*-}" --source "$pair.src.txt" "$pair.tgt.txt"
        dump "$pair.target-only" --target-lang "${pair#*-}" "$pair.tgt.txt"
    done
fi

count() { cat "$1"/*.jsonl | grep -c '"rule":' || true; }
if [ "$mode" = save ]; then
    echo "saved $(ls "$out"/*.jsonl | wc -l) dumps, $(count "$out") findings, in $out"
    exit 0
fi
differ=0
for saved in "$dir"/*.jsonl; do
    name=$(basename "$saved")
    if ! cmp -s "$saved" "$out/$name"; then
        differ=1
        echo "DIFFERS: $name"
        diff "$saved" "$out/$name" | head -10
    fi
done
if [ $differ = 0 ]; then
    echo "unchanged: $(ls "$dir"/*.jsonl | wc -l) dumps, $(count "$dir") findings"
else
    exit 1
fi
