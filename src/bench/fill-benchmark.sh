#!/usr/bin/env bash
# Measures a single fill as an officer runs it: the unpacked distribution's bin/appendix-fill, whole
# process, cold JVM, interleaved with LibreOffice's headless conversion of the same workbook and with
# fills of the same workbook saved as .xls and .ods and typed as a plain table; and
# the time per workbook when a folder of workbooks is filled in one process. Prints medians and the
# ratio. Not a timed test: run it by hand on the machine to judge (issue 6's targets are printed).
#
#   src/bench/fill-benchmark.sh [RUNS] [BATCH]      (defaults: 11 runs, a batch of 50 workbooks)
#
# Java is the one the launcher finds (JAVA_HOME, else PATH). The class-data archive lives in a
# cache folder of this run's own, so the figures are those of a person's second and later runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
batch=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms() { awk -v ns="$1" 'BEGIN {printf "%.0f", ns / 1e6}'; }

# The distribution as an officer unpacks it (built by the README's set-up, or here when missing).
dist=$(ls target/appendix-fill-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$dist" ]; then
  ./mvnw -B -q -DskipTests package >&2
  dist=$(ls target/appendix-fill-*.tar.gz | head -n 1)
fi
tar xzf "$dist" -C "$work"
home=$(ls -d "$work"/appendix-fill-*/)
launcher="$home/bin/appendix-fill"
example="$home/workbook-templates/example/vu-muon-nam-2023.xlsx"
export XDG_CACHE_HOME="$work/cache"

# First run: the launcher trains its class-data archive in the background; wait for it.
"$launcher" "$example" --out "$work/warm" >/dev/null || true
for _ in $(seq 120); do
  ls "$XDG_CACHE_HOME"/appendix-fill/appendix-fill-*.jsa "$XDG_CACHE_HOME"/appendix-fill/appendix-fill-*.aot \
    >/dev/null 2>&1 && [ -z "$(ls -d "$XDG_CACHE_HOME"/appendix-fill/*.training 2>/dev/null)" ] && break
  sleep 0.5
done
"$launcher" "$example" --out "$work/warm" >/dev/null || true
# The example as .xls and .ods (bundled), and as a plain table (the typed figures in a table of the
# seed's shape, no names: written by the test tree's fixture).
./mvnw -B -q -Dstyle.color=never -DskipTests test-compile >&2
java_for_fixture=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java_for_fixture" -cp "target/test-classes:target/classes:target/lib/*" appendixfill.fixtures.PlainTables \
  workbook-templates/example/vu-muon-nam-2023.typed.tsv "$work/vu-muon-nam-2023.plain.xlsx"
other() {
  case "$1" in
    plain.xlsx) echo "$work/vu-muon-nam-2023.plain.xlsx" ;;
    *) echo "${example%.xlsx}.$1" ;;
  esac
}
has_soffice=$(command -v soffice >/dev/null 2>&1 && echo yes || echo no)
[ "$has_soffice" = yes ] && soffice --headless --convert-to csv --outdir "$work/lo" "$example" >/dev/null 2>&1

: > "$work/fill.txt"; : > "$work/soffice.txt"
for other in xls ods plain.xlsx; do : > "$work/fill-$other.txt"; done
for _ in $(seq "$runs"); do
  t=$(now); "$launcher" "$example" --out "$work/out" >/dev/null || true; echo $(( $(now) - t )) >> "$work/fill.txt"
  # The same workbook as .xls and .ods, completed into the template (issue 17: within 1,5× of the .xlsx).
  for other in xls ods plain.xlsx; do
    t=$(now); "$launcher" "$(other "$other")" --out "$work/out-$other" >/dev/null || true
    echo $(( $(now) - t )) >> "$work/fill-$other.txt"
  done
  if [ "$has_soffice" = yes ]; then
    t=$(now); soffice --headless --convert-to csv --outdir "$work/lo" "$example" >/dev/null 2>&1
    echo $(( $(now) - t )) >> "$work/soffice.txt"
  fi
done
fill=$(median < "$work/fill.txt")
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "java:                $("$java_cmd" -version 2>&1 | head -n 1); nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "archive:             $(ls "$XDG_CACHE_HOME"/appendix-fill/ 2>/dev/null | tr '\n' ' ')"
echo "single fill, median of $runs (bin/appendix-fill, whole process): $(ms "$fill") ms   (target ≤ 250 ms)"
echo "  every run (ms):    $(sort -n "$work/fill.txt" | awk '{printf "%.0f ", $1 / 1e6}')"
for other in xls ods plain.xlsx; do
  m=$(median < "$work/fill-$other.txt")
  awk -v a="$m" -v b="$fill" -v f="$other" -v n="$runs" \
    'BEGIN {printf "the same as .%-10s median of %d: %.0f ms, %.2f× the template workbook  (target ≤ 1,5×)\n", f ",", n, a / 1e6, a / b}'
done
if [ "$has_soffice" = yes ]; then
  lo=$(median < "$work/soffice.txt")
  echo "soffice --convert-to csv, median of $runs:                     $(ms "$lo") ms"
  awk -v a="$lo" -v b="$fill" 'BEGIN {printf "ratio soffice / appendix-fill:                             %.2f×  (target ≥ 3×)\n", a / b}'
else
  echo "soffice not installed: no comparison"
fi

mkdir -p "$work/one" "$work/many"
cp "$example" "$work/one/x0.xlsx"
for i in $(seq "$batch"); do cp "$example" "$work/many/x$i.xlsx"; done
t=$(now); "$launcher" "$work/one" >/dev/null || true; one=$(( $(now) - t ))
t=$(now); "$launcher" "$work/many" >/dev/null || true; many=$(( $(now) - t ))
awk -v one="$one" -v many="$many" -v n="$batch" \
  'BEGIN {printf "batch of %d in one process: %.0f ms; per workbook after the first: %.1f ms  (target ≤ 10 ms)\n", n, many / 1e6, (many - one) / (n - 1) / 1e6}'
