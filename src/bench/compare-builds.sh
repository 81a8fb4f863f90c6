#!/usr/bin/env bash
# Compares builds run for run, interleaved, on a machine whose speed drifts (a shared VM's figures move by
# ±15 % within an hour, so only builds measured in turn can be compared): a cold single fill of the example,
# a batch's time per workbook, and a consolidation of N generated workbooks with -Xmx256m, each through the
# unpacked distribution's bin/appendix-fill, with a class-data cache of each build's own. Prints medians.
#
#   src/bench/compare-builds.sh COMMIT...        e.g. src/bench/compare-builds.sh f856110 HEAD
#
# ROUNDS (default 11) single fills and 5 batches and consolidations a build; BATCH (50) workbooks a batch;
# N (3321) workbooks a consolidation, generated once under target/bench by consolidate-benchmark.sh (run
# first if missing). Each commit is built in a worktree of its own under a temporary folder (with the
# wrapper where it has one, else mvn); WORKTREE stands for the working tree's own target/ as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=$(pwd)
rounds=${ROUNDS:-11}
batch=${BATCH:-50}
n=${N:-3321}
work=$(mktemp -d)
cleanup() {
  for dir in "$work"/src-*; do
    [ -d "$dir" ] && git worktree remove --force "$dir" >/dev/null 2>&1
  done
  git worktree prune
  rm -rf "$work"
}
trap cleanup EXIT
[ "$#" -gt 0 ] || { echo "usage: $0 COMMIT... (WORKTREE for the working tree's build)" >&2; exit 2; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now() { date +%s%N; }

units=$(ls -d target/bench/units-"$n"-* 2>/dev/null | head -n 1 || true)
if [ -z "$units" ]; then
  src/bench/consolidate-benchmark.sh "$n" 1 >&2
  units=$(ls -d target/bench/units-"$n"-* | head -n 1)
fi

builds=()
for commit in "$@"; do
  name=$commit
  if [ "$commit" = WORKTREE ]; then
    dist=$(ls target/appendix-fill-*.tar.gz | head -n 1)
  else
    src="$work/src-$commit"
    git worktree add --detach -f "$src" "$commit" >/dev/null 2>&1
    echo "building $commit…" >&2
    if [ -x "$src/mvnw" ]; then
      (cd "$src" && ./mvnw -B -q -DskipTests package >&2)
    else
      (cd "$src" && mvn -B -q -DskipTests package >&2)
    fi
    dist=$(ls "$src"/target/appendix-fill-*.tar.gz | head -n 1)
  fi
  mkdir -p "$work/$name"
  tar xzf "$dist" -C "$work/$name"
  builds+=("$name")
done

launcher() { echo "$(ls -d "$work/$1"/appendix-fill-*/)bin/appendix-fill"; }
example() { echo "$(ls -d "$work/$1"/appendix-fill-*/)workbook-templates/example/vu-muon-nam-2023.xlsx"; }

# Each build's archive trained (in the background, by its first run) before anything is timed.
for b in "${builds[@]}"; do
  export XDG_CACHE_HOME="$work/$b/cache"
  "$(launcher "$b")" "$(example "$b")" --out "$work/$b/warm" >/dev/null 2>&1 || true
  for _ in $(seq 240); do
    ls "$XDG_CACHE_HOME"/appendix-fill/appendix-fill-*.jsa "$XDG_CACHE_HOME"/appendix-fill/appendix-fill-*.aot \
      >/dev/null 2>&1 && ! ls -d "$XDG_CACHE_HOME"/appendix-fill/*.training >/dev/null 2>&1 && break
    sleep 0.5
  done
  mkdir -p "$work/$b/one" "$work/$b/many"
  cp "$(example "$b")" "$work/$b/one/x0.xlsx"
  for i in $(seq "$batch"); do cp "$(example "$b")" "$work/$b/many/x$i.xlsx"; done
done

run() {
  local b=$1
  shift
  export XDG_CACHE_HOME="$work/$b/cache"
  "$(launcher "$b")" "$@" >/dev/null 2>&1 || true
}

for _ in $(seq "$rounds"); do
  for b in "${builds[@]}"; do
    t=$(now); run "$b" "$(example "$b")" --out "$work/$b/out"; echo $(( ($(now) - t) / 1000000 )) >> "$work/$b/fill.txt"
  done
done
for _ in $(seq 5); do
  for b in "${builds[@]}"; do
    # Every batch fills afresh: the outputs of the round before (and their lock and manifest) go first.
    find "$work/$b/one" "$work/$b/many" -type f ! -regex '.*/x[0-9]*\.xlsx' -delete
    t=$(now); run "$b" "$work/$b/one"; one=$(( $(now) - t ))
    t=$(now); run "$b" "$work/$b/many"; many=$(( $(now) - t ))
    awk -v one="$one" -v many="$many" -v n="$batch" 'BEGIN {printf "%.1f\n", (many - one) / (n - 1) / 1e6}' \
      >> "$work/$b/batch.txt"
    export APPENDIX_FILL_JAVA_OPTS="-Xmx256m"
    t=$(now); run "$b" consolidate "$here/$units" --out "$work/$b/tong-hop.xlsx" --name B
    echo $(( ($(now) - t) / 1000000 )) >> "$work/$b/consolidate.txt"
    unset APPENDIX_FILL_JAVA_OPTS
  done
done

echo "java: $(java -version 2>&1 | head -n 1); nproc $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-12s %18s %22s %24s\n" build "single fill (ms)" "batch (ms/workbook)" "consolidation of $n (ms)"
for b in "${builds[@]}"; do
  printf "%-12s %18s %22s %24s\n" "$b" "$(median < "$work/$b/fill.txt")" "$(median < "$work/$b/batch.txt")" \
    "$(median < "$work/$b/consolidate.txt")"
done
