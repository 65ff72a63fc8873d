#!/bin/bash
# Instructions by thread of a whole `oneplan consolidate DIR` (callgrind, --separate-threads): the main
# thread, which is the command's critical path, and the rest (V8's optimizing compiler and GC helpers,
# zlib's deflate on libuv's pool). Why beside instructions.sh: that one runs node --single-threaded,
# so its counts include the optimizing compiler's work (35–47 % of a phase's count on 20–60 files),
# which a real run does on another core. The main thread's count moves about ±1.5 % between runs
# (when compiled code arrives depends on the threads' interleaving): compare medians of a few runs.
# Needs valgrind and a built CLI (npm run build:cli). TABLE=needs.xlsx makes each run a re-run: that
# table (a first run's output) is copied to --out first and merged onto, as an officer's re-run does.
#
#   [TABLE=needs.xlsx] bench/threads.sh DIR [RUNS] [NODE_FLAG…]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$1
RUNS=${2:-1}
shift 2 || shift $#
for r in $(seq 1 "$RUNS"); do
  T=$(mktemp -d /tmp/oneplan-threads.XXXX)
  if [ -n "${TABLE:-}" ]; then cp "$TABLE" "$T/out.xlsx"; fi
  valgrind --tool=callgrind --separate-threads=yes --dump-instr=no --callgrind-out-file="$T/cg.out" \
    node "$@" "$ROOT/bin/oneplan.js" consolidate "$DIR" --out "$T/out.xlsx" >"$T/log" 2>&1
  main=0
  rest=0
  for f in "$T"/cg.out-*; do
    n=$(sed -n 's/^totals: *//p' "$f" | head -1)
    n=${n:-0}
    if [ "$f" = "$T/cg.out-01" ]; then main=$n; else rest=$((rest + n)); fi
  done
  echo "run $r: main thread $((main / 1000000)) M instructions, other threads $((rest / 1000000)) M"
  rm -rf "$T"
done
