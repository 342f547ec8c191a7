#!/usr/bin/env bash
# What the lexical resources add to `lector check` of one sentence pair, per language pair: hyperfine
# of the release build without any resource (LECTOR_DATA_PATH on an empty folder), with them and the
# cache off (LECTOR_CACHE_DIR=off), and with a warm cache; bilingual and target only. Prints CPU
# (user, all threads) and wall time. The warm cache holds the FreeDict tables and each Hunspell
# `.dic` in libhunspell's hash order (`HunspellLoadOrder`). Run from the repository with
# ../shared/data beside it:
#   swift build -c release --static-swift-stdlib --product lector && Benchmarks/lexicon-load.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
lector="${LECTOR:-$PWD/.build/release/lector}"
data="$PWD/../shared/data"
runs="${1:-15}"
shift || true
pairs="${*:-de-en ru-en uk-en cs-en pl-en en-ja en-ru en-uk}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty" "$work/cache"

# The first row of the shared data per pair (cs→en: CED's Czech MT as the source); uk and pl have
# no data, so one news sentence of our own, with its English.
python3 - "$data" "$work" <<'PY'
import csv, sys
csv.field_size_limit(10**8)
data, work = sys.argv[1], sys.argv[2]
def first(path):
    with open(path, encoding='utf-8') as f:
        return next(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
def write(pair, source, target):
    open(f'{work}/{pair}.src.txt', 'w').write(source + '\n')
    open(f'{work}/{pair}.tgt.txt', 'w').write(target + '\n')
row = first(f'{data}/terminology/wmt23-de-en/test.tsv'); write('de-en', row['source_de'], row['reference_en'])
row = first(f'{data}/mlqe-pe/ru-en/dev.tsv'); write('ru-en', row['source'], row['pe_tokenized'])
row = first(f'{data}/ced/en-cs/dev.tsv'); write('cs-en', row['mt'], row['source'])
row = first(f'{data}/ced/en-ja/dev.tsv'); write('en-ja', row['source'], row['mt'].replace(' ', ''))
english = "Ukrainian President Volodymyr Zelensky held talks with the Polish prime minister in Kyiv."
write('uk-en', "Президент України Володимир Зеленський провів переговори з прем'єр-міністром Польщі у Києві.", english)
write('pl-en', "Prezydent Ukrainy Wołodymyr Zełenski rozmawiał w Kijowie z premierem Polski.", english)
# Targets with the house glossary's terms (the target's dictionary with the glossary's names added).
write('en-ru', english, "Президент Украины Владимир Зеленский провёл переговоры с премьер-министром Польши в Киеве.")
write('en-uk', english, "Президент України Володимир Зеленський провів переговори з прем'єр-міністром Польщі у Києві.")
PY

for pair in $pairs; do
    source="${pair%-*}"; target="${pair#*-}"
    bilingual="$lector check --source-lang $source --target-lang $target --source $work/$pair.src.txt $work/$pair.tgt.txt"
    alone="$lector check --target-lang $target $work/$pair.tgt.txt"
    LECTOR_CACHE_DIR="$work/cache" $bilingual >/dev/null 2>&1 || true  # fills the cache
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/$pair.json" \
        -n "$pair none" "env LECTOR_DATA_PATH=$work/empty $bilingual" \
        -n "$pair cache-off" "env LECTOR_CACHE_DIR=off $bilingual" \
        -n "$pair cache-warm" "env LECTOR_CACHE_DIR=$work/cache $bilingual" \
        -n "$pair target-only-none" "env LECTOR_DATA_PATH=$work/empty $alone" \
        -n "$pair target-only-warm" "env LECTOR_CACHE_DIR=$work/cache $alone" >/dev/null 2>&1
    python3 - "$work/$pair.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))['results']:
    print(f"{r['command']:<24} user {r['user'] * 1000:6.0f} ms   wall {r['mean'] * 1000:6.0f} ± {r['stddev'] * 1000:4.0f} ms")
PY
done
