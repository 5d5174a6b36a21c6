#!/usr/bin/env python3
"""Adds or updates portal text in all four languages at once.

    services/Portal/tools/resx.py RESOURCE KEY ENGLISH FRENCH ARABIC PORTUGUESE
    services/Portal/tools/resx.py RESOURCE --from-tsv FILE   (lines: key<TAB>en<TAB>fr<TAB>ar<TAB>pt)

RESOURCE is the resource's path without extension, relative to the portal project
(e.g. Localization/PortalText or Pages/Cases/CasesText): RESOURCE.resx (English, the neutral
language), RESOURCE.fr.resx, RESOURCE.ar.resx and RESOURCE.pt.resx are created if missing and
kept sorted by key, so that a change reads as a small diff.
"""
import os
import sys
import xml.etree.ElementTree as ET

PROJECT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "TipReferral.Portal")
SUFFIXES = ["", ".fr", ".ar", ".pt"]
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {data.get("name"): (data.findtext("value") or "") for data in root.findall("data")}


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def save(path, entries):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for key in sorted(entries):
            out.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        out.write("</root>\n")


def main(argv):
    if len(argv) == 4 and argv[2] == "--from-tsv":
        rows = [line.rstrip("\n").split("\t") for line in open(argv[3], encoding="utf-8") if line.strip()]
    elif len(argv) == 7:
        rows = [argv[2:]]
    else:
        sys.exit(__doc__)
    resource = os.path.join(PROJECT, argv[1])
    for index, suffix in enumerate(SUFFIXES):
        path = resource + suffix + ".resx"
        entries = load(path)
        for row in rows:
            if len(row) != 5:
                sys.exit(f"expected key and four texts, got: {row}")
            entries[row[0]] = row[1 + index]
        save(path, entries)


if __name__ == "__main__":
    main(sys.argv)
