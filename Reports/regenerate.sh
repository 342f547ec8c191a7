#!/usr/bin/env bash
# Regenerates the sample reports of the seed article: the translation alone (seed-article.*) and
# with its German source (seed-article-de-en.*), each as .html, .md and .patch, with the shipped
# glossary. Run it after changing anything that changes what Lector reports on the seed article;
# ReportCommandTests fails while the committed reports are stale.
#
#   Reports/regenerate.sh          # writes Reports/, and Reports/seed-article.png when chromium is installed
#   Reports/regenerate.sh DIR      # writes the reports into DIR instead (the staleness test does this)
#
# LECTOR=path/to/lector uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-Reports}"
if [ -n "${LECTOR:-}" ]; then
    lector="$LECTOR"
else
    swift build --product lector >&2
    lector="$(swift build --show-bin-path)/lector"
fi

# --no-config: the reports must not depend on a .lector.yml; paths are relative, so that the
# reports are the same in every checkout and the patches apply from the package root.
common=(--no-config --glossary Glossaries/ukraine-war.tbx --target-lang en)
"$lector" report "${common[@]}" --out "$out/seed-article" Examples/seed-article.en.txt
"$lector" report "${common[@]}" --source-lang de --source Examples/seed-article.de.txt \
    --out "$out/seed-article-de-en" Examples/seed-article.en.txt

# The screenshot in the README: only for the repository's own Reports/.
if [ $# -eq 0 ] && command -v chromium >/dev/null; then
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
        --window-size=1280,1400 --screenshot="$PWD/Reports/seed-article.png" \
        "file://$PWD/Reports/seed-article-de-en.html" 2>/dev/null
    rm -rf "$profile"
fi
