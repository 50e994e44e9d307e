#!/usr/bin/env bash
# Times bti and Hugo on the same text, alternately, in one run, and prints
# the medians and the ratio: a warm rebuild (the output folder is there)
# and a cold build (into an empty folder), and bti's peak memory.
#
#   scripts/bench-hugo.sh [municipalities=50] [runs=5]
# Needs Debian's hugo (apt-get install hugo) and /usr/bin/time.
set -euo pipefail
n=${1:-50}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bti-bench.XXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
go run ./scripts/corpus -n "$n" -out "$work/corpus"
go build -o "$work/bti" ./cmd/bti
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 1; }

ms() { # command... -> milliseconds of wall time
  local s e
  s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

bti_cold=(); bti_warm=(); hugo_cold=(); hugo_warm=()
bti() { "$work/bti" build -C "$work/corpus/bti" --no-pdf --out "$work/corpus/bti/public"; }
hugo_b() { hugo --minify -s "$work/corpus/hugo" -d "$work/corpus/hugo/public"; }
# A cold build starts from an empty folder. The old output is moved aside
# and deleted only at the end: on ext4 without a journal (this machine),
# creating files within about 30 s of deleting many makes the kernel scan
# past every recently deleted inode (recently_deleted() in ext4's inode
# allocator, seen with perf), which would time the deletion rather than
# the build, for both generators.
mkdir -p "$work/trash"
aside() { mv "$1" "$work/trash/$(date +%s%N)"; }
bti; hugo_b # warm the caches once
for i in $(seq "$runs"); do
  bti_warm+=("$(ms bti)")
  hugo_warm+=("$(ms hugo_b)")
  aside "$work/corpus/bti/public"; bti_cold+=("$(ms bti)")
  aside "$work/corpus/hugo/public"; hugo_cold+=("$(ms hugo_b)")
done
# The full build, with every PDF (forms, articles, guides, binders), once,
# into a fresh folder and then over itself; Hugo makes no PDFs.
bti_pdf() { "$work/bti" build -C "$work/corpus/bti" --out "$work/corpus/bti/public-pdf"; }
full_cold=$(ms bti_pdf)
full_warm=$(ms bti_pdf)
pdfs=$(find "$work/corpus/bti/public-pdf" -name '*.pdf' | wc -l)
pages_bti=$(find "$work/corpus/bti/public" -name '*.html' | wc -l)
pages_hugo=$(find "$work/corpus/hugo/public" -name '*.html' | wc -l)
mem=$( { /usr/bin/time -f %M "$work/bti" build -C "$work/corpus/bti" --no-pdf --out "$work/corpus/bti/public" >/dev/null; } 2>&1 | tail -1)
bw=$(printf '%s\n' "${bti_warm[@]}" | median); hw=$(printf '%s\n' "${hugo_warm[@]}" | median)
bc=$(printf '%s\n' "${bti_cold[@]}" | median); hc=$(printf '%s\n' "${hugo_cold[@]}" | median)
echo
echo "$n municipalities, $runs runs each, alternating; medians in ms"
printf '%-22s %10s %10s %8s\n' "" "bti" "hugo" "bti/hugo"
printf '%-22s %10s %10s %8s\n' "HTML pages written" "$pages_bti" "$pages_hugo" ""
printf '%-22s %10d %10d %8.2f\n' "warm rebuild" "$bw" "$hw" "$(echo "$bw / $hw" | bc -l)"
printf '%-22s %10d %10d %8.2f\n' "cold build" "$bc" "$hc" "$(echo "$bc / $hc" | bc -l)"
printf '%-22s %10d %10s\n' "full build, cold" "$full_cold" "(no PDFs)"
printf '%-22s %10d %10s\n' "full build, warm" "$full_warm" "(no PDFs)"
echo "the full build also wrote $pdfs PDFs"
echo "bti peak memory (HTML build): $((mem / 1024)) MB"
