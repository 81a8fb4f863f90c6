#!/bin/sh
# The bundled example as LibreOffice saves it in the two other formats the tool reads: Excel 97–2003
# (.xls) and OpenDocument (.ods). Made from vu-muon-nam-2023.xlsx; run again after the example
# changes (FormatsTest holds the three to the same values and findings). Needs LibreOffice.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for format in xls ods; do
  soffice -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to "$format" \
    --outdir "$work" vu-muon-nam-2023.xlsx >/dev/null
  mv "$work/vu-muon-nam-2023.$format" .
done
