#!/usr/bin/env python3
"""Fills translations in a Qt .ts file from a Python dictionary file (source text → translation)
and reports what is still untranslated. Used after tools/update-translations.sh:
    python3 tools/fill_translations.py translations/torii_ja.ts DICT.py
DICT.py defines JA = {source: translation}. Entries already translated are kept unless the
dictionary has them."""
import runpy
import sys
import xml.etree.ElementTree as ET


def main():
    ts_path, dict_path = sys.argv[1], sys.argv[2]
    table = runpy.run_path(dict_path)["JA"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in table:
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                form = ET.SubElement(translation, "numerusform")
                form.text = table[source]
                translation.text = None
            else:
                translation.text = table[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not (translation.text or len(translation)):
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, "r+", encoding="utf-8") as f:  # keep lupdate's header style
        text = f.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
        f.seek(0)
        f.write(text)
        f.truncate()
    for source in missing:
        print("untranslated:", repr(source))
    print(f"{len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
