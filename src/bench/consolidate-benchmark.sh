#!/bin/sh
# Benchmark of «appendix-fill consolidate» (issue 5): consolidates N generated commune workbooks
# (3321 by default, about the number of communes nationwide) with -Xmx256m and prints the wall
# time and the peak resident memory. Not a timed test: run it by hand on the machine to judge.
#
#   src/bench/consolidate-benchmark.sh [N] [RUNS]
#
# With PREVIOUS=1 each run also compares with N workbooks of an earlier period («consolidate --previous»,
# issue 12): generated once into target/bench/previous-N, the same units with the same figures reported for
# «9 tháng» of the same year (so that, as in real life, few figures go down or jump), matched by name.
#
# With FLOOR=1 it then measures the floor under those figures: what merely opening the same workbooks,
# inflating the parts that hold their figures and parsing those parts cost (see the end of this script).
#
# With PHASES=1 each run also prints when each phase ended (read, consolidated, each output written,
# committed), in milliseconds since the command started; the rest of the wall time is the JVM's start
# and exit. JAVA_HOME chooses the Java (e.g. JDK 25, whose AOT cache the first run trains).
#
# The workbooks are generated once into target/bench/units-N (delete the folder to regenerate): most
# units clean, some with warnings only, a few with errors. Each run writes its outputs to
# target/bench/out/ and prints its summary (how many units were consolidated, and how they stand), so
# that a run that refused the workbooks does not pass for a fast one. The launcher's class-data cache
# is the benchmark's own, target/bench/cache, never the caller's.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-3321}
runs=${2:-3}
# Keyed by the catalogue (workbooks generated from an older form would all be refused) and by the
# generator (an older one drew other figures).
units="$here/target/bench/units-$n-$(cat "$here/workbook-templates/phu-luc-i.catalogue.tsv" \
  "$here/src/test/java/appendixfill/fixtures/UnitWorkbookGenerator.java" | cksum | cut -d' ' -f1)"
out="$here/target/bench/out"
export XDG_CACHE_HOME="$here/target/bench/cache"
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

cd "$here"
./mvnw -B -q -Dstyle.color=never -DskipTests package test-compile >&2
cp="$here/target/appendix-fill.jar:$here/target/test-classes:$here/target/lib/*"
if [ ! -d "$units" ]; then
  echo "Generating $n workbooks into $units…" >&2
  "$java_cmd" -cp "$cp" appendixfill.fixtures.UnitWorkbookGenerator "$n" "$units.tmp" >&2
  mv "$units.tmp" "$units"
fi
previous_args=""
if [ "${PREVIOUS:-0}" = 1 ]; then
  previous="$here/target/bench/previous-$n-same-$(basename "$units" | sed 's/^units-[0-9]*-//')"
  if [ ! -d "$previous" ]; then
    echo "Generating $n workbooks of the earlier period into $previous…" >&2
    "$java_cmd" -cp "$cp" appendixfill.fixtures.UnitWorkbookGenerator "$n" "$previous.tmp" 2025 "9 tháng" >&2
    mv "$previous.tmp" "$previous"
  fi
  previous_args="--previous $previous"
fi
mkdir -p "$out"
echo "N=$n workbooks, $(du -sh "$units" | cut -f1) on disk; java: $("$java_cmd" -version 2>&1 | head -n 1)"
echo "nproc=$(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
# Through the launcher, as a person runs it (its JVM options and class-data cache), heap capped at 256 MB.
# The first run only warms the cache up.
export APPENDIX_FILL_JAVA_OPTS="-Xmx256m"
./appendix-fill consolidate "$units" $previous_args --out "$out/tong-hop.xlsx" --name "Benchmark" >/dev/null || true
# JDK 25 trains its AOT cache in the background after that first run: the runs measured wait for it.
cache="$XDG_CACHE_HOME/appendix-fill"
waited=0
while ls -d "$cache"/*.training >/dev/null 2>&1 && [ "$waited" -lt 300 ]; do
  sleep 1
  waited=$((waited + 1))
done
if [ "${PHASES:-0}" = 1 ]; then
  APPENDIX_FILL_JAVA_OPTS="$APPENDIX_FILL_JAVA_OPTS -Dappendixfill.phases=true"
fi
i=1
while [ "$i" -le "$runs" ]; do
  /usr/bin/time -o "$out/time.txt" -f "run $i: wall %e s (CPU: user %U s, sys %S s), peak RSS %M KB, exit %x" \
    ./appendix-fill consolidate "$units" $previous_args --out "$out/tong-hop.xlsx" --name "Benchmark" >"$out/stdout.txt" \
    2>"$out/stderr.txt" || true
  grep -v '^Command exited' "$out/time.txt"
  sed '/^Đã ghi:/,$d' "$out/stdout.txt"
  sed 's/^/  /' "$out/stderr.txt"
  i=$((i + 1))
done

# With FLOOR=1, the floor under those figures (appendixfill.fixtures.ReadingFloor): the same workbooks
# merely opened, then their worksheets and shared strings inflated, then those parts parsed to their end
# by the reader of workbooks (XmlScanner), and by Woodstox for comparison, each step a whole process of its own with the JVM options the launcher
# gives a consolidation (but no class-data archive: the archive holds the jar's classes, not the test
# tree's), RUNS times, interleaved. What the steps add to one another is what no reader can skip.
if [ "${FLOOR:-0}" = 1 ]; then
  floor_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xmx256m -XX:Tier3InvocationThreshold=50"
  floor_opts="$floor_opts -XX:Tier3MinInvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000"
  floor_opts="$floor_opts -XX:MaxTenuringThreshold=0"
  for step in open inflate parse woodstox; do : > "$out/floor-$step.txt"; done
  i=1
  while [ "$i" -le "$runs" ]; do
    for step in open inflate parse woodstox; do
      start=$(date +%s%N)
      "$java_cmd" $floor_opts -cp "$cp" appendixfill.fixtures.ReadingFloor "$step" "$units" > "$out/floor-said.txt"
      echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$out/floor-$step.txt"
      [ "$i" = 1 ] && cat "$out/floor-said.txt"
    done
    i=$((i + 1))
  done
  for step in open inflate parse woodstox; do
    printf "floor, %-8s median of %s: %s ms\n" "$step" "$runs" \
      "$(sort -n "$out/floor-$step.txt" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  done
fi
