#!/usr/bin/env bash
# Fuzzes every fuzz target for the given time each (default 2m) and prints
# how many inputs each one ran. A crash leaves its input in the package's
# testdata/fuzz/<Target>/, where go test keeps running it as a regression
# test: fix the bug and commit that file.
#
#   scripts/fuzz.sh 10m
set -uo pipefail
cd "$(dirname "$0")/.."
time=${1:-2m}
targets=(
  "./generator/source FuzzFrontMatter"
  "./generator/markdown FuzzFormFields"
  "./generator/slug FuzzMake"
  "./generator/search FuzzTerms"
  "./generator/pipeline FuzzLinkResolution"
  "./generator/pipeline FuzzLoad"
  "./generator/klarsprak FuzzSentences"
  "./generator/klarsprak FuzzMeasure"
  "./generator/pdf FuzzTaggedForm"
  "./cmd/bti FuzzParseHistory"
)
status=0
for t in "${targets[@]}"; do
  set -- $t
  out=$(go test ${FUZZ_FLAGS:-} -run '^$' -fuzz "^$2\$" -fuzztime "$time" "$1" 2>&1)
  rc=$?
  execs=$(echo "$out" | grep -o 'execs: [0-9]*' | tail -1)
  if [ $rc -eq 0 ]; then echo "ok    $2 ($1): $time, $execs"; else echo "FAIL  $2 ($1)"; echo "$out" | tail -20; status=1; fi
done
exit $status
