#!/usr/bin/env bash
# Makes the real producers' fixtures of the producer matrix (see README.md): the bundled example
# opened and saved, unchanged, as .xlsx by LibreOffice, Gnumeric and openpyxl. Run from anywhere;
# needs soffice (libreoffice-calc-nogui), ssconvert (gnumeric) and python3 with openpyxl
# (python3-openpyxl). Each fixture is written beside this script; the versions used go to stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
example="$root/workbook-templates/example/vu-muon-nam-2023.xlsx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# LibreOffice: its own profile, so that no setting of the person running it changes the file.
cp "$example" "$work/vu-muon-nam-2023.xlsx"
soffice -env:UserInstallation="file://$work/profile" --headless --norestore \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/libreoffice" "$work/vu-muon-nam-2023.xlsx" >/dev/null
cp "$work/libreoffice/vu-muon-nam-2023.xlsx" "$here/vu-muon-nam-2023.libreoffice.xlsx"
soffice --version

# Gnumeric: ssconvert's Office Open XML writer (the one Gnumeric's "Save as" .xlsx uses).
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$example" "$work/gnumeric.xlsx" 2>"$work/ssconvert.log" \
  || { cat "$work/ssconvert.log" >&2; exit 1; }
cp "$work/gnumeric.xlsx" "$here/vu-muon-nam-2023.gnumeric.xlsx"
ssconvert --version | head -1

# openpyxl: load and save, as a script that fills the template would.
"${PYTHON:-python3}" - "$example" "$here/vu-muon-nam-2023.openpyxl.xlsx" <<'PY'
import sys
import openpyxl
workbook = openpyxl.load_workbook(sys.argv[1])
workbook.save(sys.argv[2])
print("openpyxl", openpyxl.__version__)
PY
