#!/usr/bin/env python3
"""Generates German→English news units for the stream and pofilter benchmarks.

    python3 Benchmarks/generate-news.py --units 20000 --format xliff out.xlf
    python3 Benchmarks/generate-news.py --units 1000000 --format jsonl - | lector check ...

Sentences are built from templates with names, places and numbers, deterministically (fixed seed).
About one unit in 25 carries an error Lector should find: a deprecated spelling (`Kiev`), a number
that differs from the source, or a placeholder lost in translation. Formats: jsonl, xliff (1.2),
po, text (the targets alone, one per line).

--new-names gives every unit a new person and a new place, random names made of syllables
(`Gocazaski`, `Zocu`) and kept the same on both sides, so that the stream keeps bringing words no
dictionary knows: the memory test of a stream whose vocabulary never stops growing.
"""
import argparse
import json
import random
import sys
from xml.sax.saxutils import escape

PLACES = [("Kyjiw", "Kyiv"), ("Charkiw", "Kharkiv"), ("Odessa", "Odesa"), ("Moskau", "Moscow"),
          ("Berlin", "Berlin"), ("Lwiw", "Lviv"), ("Warschau", "Warsaw"), ("Brüssel", "Brussels")]
PEOPLE = [("Selenskyj", "Zelenskyy"), ("Scholz", "Scholz"), ("Kuleba", "Kuleba"), ("Stoltenberg", "Stoltenberg"),
          ("Peskow", "Peskov"), ("Macron", "Macron")]
DAYS = [("Montag", "Monday"), ("Dienstag", "Tuesday"), ("Mittwoch", "Wednesday"), ("Donnerstag", "Thursday"),
        ("Freitag", "Friday")]
TOPICS = [("Getreideexporte", "grain exports"), ("Waffenlieferungen", "arms deliveries"),
          ("den Wiederaufbau", "reconstruction"), ("Sanktionen", "sanctions"), ("Energiepreise", "energy prices")]
TEMPLATES = [
    ("Am {day} trafen sich {n} Delegierte in {place}, um über {topic} zu sprechen.",
     "On {day} {n} delegates met in {place} to discuss {topic}."),
    ("{person} sagte, die Gespräche über {topic} seien schwierig gewesen.",
     "{person} said the talks on {topic} had been difficult."),
    ("In {place} wurden am {day} {n} Menschen evakuiert.",
     "In {place}, {n} people were evacuated on {day}."),
    ("Die Regierung kündigte Hilfen in Höhe von {n} Millionen Euro an.",
     "The government announced aid worth {n} million euros."),
    ("{person} reist am {day} nach {place}.",
     "{person} will travel to {place} on {day}."),
    ("Nach Angaben der Behörden stiegen die Energiepreise um {n} Prozent.",
     "According to the authorities, energy prices rose by {n} percent."),
    ("Zu den Gesprächen in {place} wurden {n} Journalisten zugelassen.",
     "{n} journalists were admitted to the talks in {place}."),
    ("Die Delegation aus {place} bleibt bis {day} (%s Teilnehmer).",
     "The delegation from {place} will stay until {day} (%s participants)."),
]


SYLLABLES = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
ENDINGS = ["", "", "ski", "ov", "enko"]


def new_name(rng):
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + rng.choice(ENDINGS)
    return name[0].upper() + name[1:]


def units(count, seed=7, new_names=False):
    rng = random.Random(seed)
    # Its own generator, so that the default output stays what it was without --new-names.
    names = random.Random(seed + 1)
    for index in range(count):
        source, target = TEMPLATES[index % len(TEMPLATES)]
        place, person, day, topic = (rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(DAYS), rng.choice(TOPICS))
        if new_names:
            place, person = (new_name(names),) * 2, (new_name(names),) * 2
        n = rng.randint(2, 900)
        values_de = dict(place=place[0], person=person[0], day=day[0], topic=topic[0], n=n)
        values_en = dict(place=place[1], person=person[1], day=day[1], topic=topic[1], n=n)
        error = index % 25 == 12
        if error and index % 3 == 0:
            values_en["place"] = "Kiev"
            values_de["place"] = "Kyjiw"
        elif error and index % 3 == 1:
            values_en["n"] = n + 10
        text_de = source.format(**values_de)
        text_en = target.format(**values_en)
        if error and index % 3 == 2:
            text_en = text_en.replace("%s ", "")
            if "%s" not in text_de:
                text_de += " (%s)"
        text_de = text_de[0].upper() + text_de[1:]
        text_en = text_en[0].upper() + text_en[1:]
        yield f"u{index}", text_de, text_en


def write_jsonl(out, count, new_names=False):
    for number, (uid, source, target) in enumerate(units(count, new_names=new_names)):
        record = {"id": uid, "source": source, "target": target}
        if number == 0:
            record.update(source_lang="de", target_lang="en")
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_xliff(out, count, new_names=False):
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
              '  <file original="news.txt" source-language="de" target-language="en" datatype="plaintext">\n'
              '    <body>\n')
    for uid, source, target in units(count, new_names=new_names):
        out.write(f'      <trans-unit id="{uid}">\n'
                  f'        <source>{escape(source)}</source>\n'
                  f'        <target>{escape(target)}</target>\n'
                  f'      </trans-unit>\n')
    out.write('    </body>\n  </file>\n</xliff>\n')


def po_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(out, count, new_names=False):
    out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Language: en\\n"\n"X-Source-Language: de\\n"\n\n')
    for uid, source, target in units(count, new_names=new_names):
        flag = "#, c-format\n" if "%s" in source else ""
        out.write(f'{flag}msgctxt {po_string(uid)}\nmsgid {po_string(source)}\nmsgstr {po_string(target)}\n\n')


def write_text(out, count, new_names=False):
    for _, _, target in units(count, new_names=new_names):
        out.write(target + "\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--format", choices=["jsonl", "xliff", "po", "text"], default="jsonl")
    parser.add_argument("--new-names", action="store_true",
                        help="a new random person and place in every unit")
    parser.add_argument("output", help="a file, or - for standard output")
    args = parser.parse_args(argv)
    writer = {"jsonl": write_jsonl, "xliff": write_xliff, "po": write_po, "text": write_text}[args.format]
    if args.output == "-":
        writer(sys.stdout, args.units, args.new_names)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            writer(out, args.units, args.new_names)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
