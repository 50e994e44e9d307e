#!/usr/bin/env bash
# Times bti check on each of the small hostile files of
# generator/pipeline/pathological_test.go (issue #12: each must be checked
# in under 1 s and 100 MB), with /usr/bin/time: wall and CPU seconds and
# the peak memory. Usage: scripts/pathological.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bti" ./cmd/bti
BTI_PATHO_OUT="$work/cases" go test -count=1 -run TestPathologicalInputs ./generator/pipeline >/dev/null
printf '%-26s %8s %8s %8s  %s\n' case wall_s cpu_s max_MB result
for dir in "$work"/cases/*/; do
  name=$(basename "$dir")
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$work/bti" check -C "$dir" --lang en >"$work/out" 2>&1 || true
  read -r wall user sys rss < <(tail -1 "$work/time")
  code=$(grep -o '\[BTI[0-9]*\]' "$work/out" | head -1 || true)
  [ -n "$code" ] || code=$(tail -1 "$work/out" | cut -c1-40)
  printf '%-26s %8s %8.2f %8d  %s\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$code"
done
