#!/usr/bin/env bash
# How the HTML build grows with the number of municipalities: builds
# corpora of 1, 5, 10, 25 and 50 municipalities (a warm rebuild, the
# median of several) and prints the time per municipality, which should
# stay flat or fall (growth linear or better).
#
#   scripts/bench-scaling.sh [runs=5]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bti-scale.XXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/bti" ./cmd/bti
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ms() {
  local s e
  s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
printf '%-16s %8s %8s %16s\n' municipalities pages "ms" "ms/municipality"
for n in 1 5 10 25 50; do
  go run ./scripts/corpus -n "$n" -out "$work/c$n" >/dev/null
  b() { "$work/bti" build -C "$work/c$n/bti" --no-pdf --out "$work/c$n/public"; }
  b >/dev/null # the cold build; then time warm ones
  t=$(for i in $(seq "$runs"); do ms b; done | median)
  pages=$(find "$work/c$n/public" -name '*.html' | wc -l)
  printf '%-16s %8d %8d %16.1f\n' "$n" "$pages" "$t" "$(echo "$t / $n" | bc -l)"
  rm -rf "$work/c$n"
done
