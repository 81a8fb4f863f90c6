#!/usr/bin/env bash
# Measures a single fill as the officer runs it (whole process, through ./appendix-fill), interleaved
# with LibreOffice's headless conversion of the same workbook, and the warm time per workbook when
# a folder of workbooks is filled in one process. Prints medians and the ratio.
#
#   src/bench/fill-benchmark.sh [RUNS] [BATCH]      (defaults: 11 runs, a batch of 50 workbooks)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
batch=${2:-50}
example=workbook-templates/example/vu-muon-nam-2023.xlsx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms() { awk -v ns="$1" 'BEGIN {printf "%.0f", ns / 1e6}'; }

# Warm-up: builds the jar if needed and creates the class-data archive in the user's cache.
./appendix-fill "$example" --out "$work/warm" >/dev/null || true
./appendix-fill "$example" --out "$work/warm" >/dev/null || true
has_soffice=$(command -v soffice >/dev/null 2>&1 && echo yes || echo no)
[ "$has_soffice" = yes ] && soffice --headless --convert-to csv --outdir "$work/lo" "$example" >/dev/null 2>&1

: > "$work/fill.txt"; : > "$work/soffice.txt"
for _ in $(seq "$runs"); do
  t=$(now); ./appendix-fill "$example" --out "$work/out" >/dev/null || true; echo $(( $(now) - t )) >> "$work/fill.txt"
  if [ "$has_soffice" = yes ]; then
    t=$(now); soffice --headless --convert-to csv --outdir "$work/lo" "$example" >/dev/null 2>&1
    echo $(( $(now) - t )) >> "$work/soffice.txt"
  fi
done
fill=$(median < "$work/fill.txt")
echo "java:                $(java -version 2>&1 | head -n 1)"
echo "single fill, median of $runs (launcher, whole process): $(ms "$fill") ms   (target ≤ 250 ms)"
if [ "$has_soffice" = yes ]; then
  lo=$(median < "$work/soffice.txt")
  echo "soffice --convert-to csv, median of $runs:              $(ms "$lo") ms"
  awk -v a="$lo" -v b="$fill" 'BEGIN {printf "ratio soffice / appendix-fill:                      %.2f×  (target ≥ 3×)\n", a / b}'
else
  echo "soffice not installed: no comparison"
fi

mkdir -p "$work/one" "$work/many"
cp "$example" "$work/one/x0.xlsx"
for i in $(seq "$batch"); do cp "$example" "$work/many/x$i.xlsx"; done
t=$(now); ./appendix-fill "$work/one" >/dev/null || true; one=$(( $(now) - t ))
t=$(now); ./appendix-fill "$work/many" >/dev/null || true; many=$(( $(now) - t ))
awk -v one="$one" -v many="$many" -v n="$batch" \
  'BEGIN {printf "batch of %d in one process: %.0f ms; per workbook after the first: %.1f ms  (target ≤ 10 ms)\n", n, many / 1e6, (many - one) / (n - 1) / 1e6}'
