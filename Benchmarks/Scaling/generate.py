#!/usr/bin/env python3
"""Writes a test input of about SIZE megabytes (10^6 bytes) in FORMAT for scaling.sh.

    generate.py FORMAT SIZE_MB PATH      FORMAT: text, markdown, jsonl, xliff

The text is English news prose with a glossary finding about every fourth sentence (Kiev,
Kharkov), so the run does real matching work; the bilingual formats pair it with German sources.
Deterministic: the same arguments give the same bytes.
"""
import sys
from xml.sax.saxutils import escape

SENTENCES = [
    ("Zelenskyy met the delegation in Kiev on Tuesday.", "Selenskyj traf die Delegation am Dienstag in Kiew."),
    ("The talks in Istanbul lasted for three hours.", "Die Gespräche in Istanbul dauerten drei Stunden."),
    ("Vladimir Medinsky said the meeting was constructive.", "Wladimir Medinski sagte, das Treffen sei konstruktiv gewesen."),
    ("Officials in Kharkov reported new shelling overnight.", "Beamte in Charkiw meldeten neuen Beschuss in der Nacht."),
    ("The ministry published its figures at noon.", "Das Ministerium veröffentlichte seine Zahlen am Mittag."),
    ("Grain exports through Odesa resumed in August.", "Die Getreideexporte über Odessa wurden im August wieder aufgenommen."),
    ("Both sides agreed to meet again next week.", "Beide Seiten vereinbarten, sich nächste Woche erneut zu treffen."),
    ("The mayor thanked the volunteers for their work.", "Der Bürgermeister dankte den Freiwilligen für ihre Arbeit."),
]


def main():
    kind, size, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    limit = int(size * 1_000_000)
    written = 0
    index = 0
    with open(path, "w", encoding="utf-8") as out:
        def put(text):
            nonlocal written
            out.write(text)
            written += len(text.encode("utf-8"))

        if kind == "xliff":
            put('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="de" '
                'target-language="en" datatype="plaintext" original="bench"><body>\n')
        while written < limit:
            english, german = SENTENCES[index % len(SENTENCES)]
            paragraph = " ".join(SENTENCES[(index + k) % len(SENTENCES)][0] for k in range(4))
            if kind == "text":
                put(paragraph + "\n\n" if index % 4 == 3 else paragraph + "\n")
            elif kind == "markdown":
                if index % 16 == 0:
                    put(f"## Day {index // 16 + 1}\n\n")
                put(f"- {english} See [the report](https://example.org/r/{index}) and `ref-{index}`.\n"
                    if index % 3 == 0 else paragraph + "\n\n")
            elif kind == "jsonl":
                put('{"id": "%d", "source": "%s", "target": "%s"}\n' % (index, german, english))
            elif kind == "xliff":
                put(f'<trans-unit id="u{index}"><source>{escape(german)}</source>'
                    f'<target>{escape(english)}</target></trans-unit>\n')
            else:
                sys.exit(f"unknown format {kind}")
            index += 1
        if kind == "xliff":
            put("</body></file></xliff>\n")


if __name__ == "__main__":
    main()
