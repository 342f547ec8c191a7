#!/usr/bin/env python3
"""Writes a TBX 2 glossary of CONCEPTS concepts (about 200 bytes each) for scaling.sh.

    generate-tbx.py CONCEPTS PATH

Each concept has an English preferred term, a deprecated variant and a definition; term texts are
made of syllables, so they are distinct words a matcher must index. Deterministic.
"""
import sys

SYLLABLES = ["ka", "ro", "mi", "tes", "lun", "dor", "vi", "sha", "pel", "qua", "zen", "bro"]


def word(number):
    parts = []
    number += 1
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def main():
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
                  '<martif type="TBX-Basic" xml:lang="en"><text><body>\n')
        for index in range(count):
            name = word(index)
            out.write(f'<termEntry id="c{index}"><descrip type="definition">Place number {index} of the benchmark '
                      f'glossary.</descrip><langSet xml:lang="en">'
                      f'<tig><term>{name}ville</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>'
                      f'<tig><term>{name}grad</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>'
                      f'</langSet></termEntry>\n')
        out.write("</body></text></martif>\n")


if __name__ == "__main__":
    main()
