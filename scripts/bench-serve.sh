#!/usr/bin/env bash
# The preview's speed beside Hugo's server, in one run: the time from an
# edit being saved to the new page being served, median of repeated edits
# of one step, on the Lillestrøm sample (bti) and the same text as a Hugo
# site (hugo server). Needs Debian's hugo for the reference.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
echo "bti serve (in-process benchmark, $runs edits):"
go test -run '^$' -bench EditToServed -benchtime "${runs}x" ./internal/preview | grep -E '^Benchmark'

command -v hugo >/dev/null || { echo "hugo is not installed: no reference"; exit 0; }
work=$(mktemp -d /tmp/bti-serve.XXXX)
trap 'kill $hpid 2>/dev/null || true; rm -rf "$work"' EXIT
go run ./scripts/corpus -n 1 -out "$work" >/dev/null
site=$work/hugo
step=$site/content/kommune-01/guides/barnehage/niva-0/01-undring-og-bekymring.md
hugo server -s "$site" --port 1399 --bind 127.0.0.1 --disableLiveReload >/dev/null 2>&1 &
hpid=$!
url=http://127.0.0.1:1399/kommune-01/guides/barnehage/niva-0/01-undring-og-bekymring/
for _ in $(seq 100); do curl -sf "$url" >/dev/null && break; sleep 0.1; done
orig=$(cat "$step")
times=()
for i in $(seq "$runs"); do
  marker="Merke${i}x$RANDOM"
  start=$(date +%s%N)
  printf '%s\n\n%s\n' "$orig" "$marker" > "$step.tmp" && mv "$step.tmp" "$step"
  until curl -sf "$url" | grep -q "$marker"; do sleep 0.005; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "hugo server (same text, $(find "$site/content" -name '*.md' | wc -l) pages, $runs edits): median ${median} ms/edit"
