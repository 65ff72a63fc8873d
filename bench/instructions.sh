#!/bin/bash
# Instructions of each phase of a consolidation of DIR (default: 60 generated files), counted by valgrind:
# deterministic (about ±0.01 %) where times move ±20 % with a shared machine's load. For A/B of a change:
# the same DIR on two builds. Needs valgrind (Debian: apt-get install valgrind) and the bench built
# (npm run build:cli && npx tsc -p tsconfig.bench.json). Each phase is one run under valgrind (~20–60 s).
#
#   bench/instructions.sh [DIR] [PHASE…]      PHASE: read finish model xml zip (default: all)
#   ONEPLAN_BENCH_STRATEGIES=chiangmai-2566-2570 bench/instructions.sh …   (the files read and scored, as with --strategies)
#
# Why these node flags: seeds fixed (hash tables and Math.random alike each run), one thread (no
# background compiling or collecting), and a heap big and fixed from the start, so that no major
# collection is started by V8's time-based heuristics (they made counts differ by ±5 % between runs).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-}
shift || true
PHASES=${*:-read finish model xml zip}
if [ -z "$DIR" ]; then
  DIR=$(mktemp -d /tmp/oneplan-instructions.XXXX)
  trap 'rm -rf "$DIR"' EXIT
  node -e "
    const { districtFile } = require('$ROOT/dist/bench/bench/gen.js');
    for (let i = 0; i < 60; i++) { const f = districtFile(i, 300); require('fs').writeFileSync(require('path').join('$DIR', String(i).padStart(4, '0') + '.xlsx'), f.bytes); }"
fi
count() {
  valgrind --tool=cachegrind --cache-sim=no --branch-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded --hash-seed=1 --random-seed=1 --initial-heap-size=3000 --max-old-space-size=4000 \
    --min-semi-space-size=16 --max-semi-space-size=16 "$ROOT/dist/bench/bench/phase.js" "$1" "$DIR" 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ,
}
ALL=(none read finish model xml zip)
declare -A at # instructions of a run up to each phase, counted once
for k in 1 2 3 4 5; do
  p=${ALL[$k]}
  case " $PHASES " in *" $p "*) ;; *) continue ;; esac
  # A phase's own count: the run up to it less the run up to the phase before it.
  for q in ${ALL[$((k - 1))]} $p; do [ -n "${at[$q]:-}" ] || at[$q]=$(count $q); done
  echo "$p: $((at[$p] - at[${ALL[$((k - 1))]}])) instructions"
done
echo "(modules and start: ${at[none]:-not counted})"
