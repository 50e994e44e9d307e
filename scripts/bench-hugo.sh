#!/usr/bin/env bash
# Times bti and Hugo on the same text, alternately, in one run, and prints
# the medians and the ratios:
#   - a warm rebuild (the output folder is there from the build before);
#   - a cold build into a folder never used before (a new name each run:
#     nothing to compare with, every file new);
#   - bti's full build with every PDF, warm (the PDFs' keys unchanged: the
#     PDFs are kept, not made), beside bti's warm HTML rebuild of the same
#     run, and cold, into a new folder;
#   - the peak memory (maximum resident set size) of each.
#
#   scripts/bench-hugo.sh [municipalities=50] [runs=5]
#
# Needs Debian's hugo (apt-get install hugo) and /usr/bin/time. At 356
# municipalities (the country) a run takes about ten minutes on two
# cores: scripts/bench-hugo.sh 356 3.
set -euo pipefail
n=${1:-50}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bti-bench.XXXX)
trap 'rm -rf "$work"' EXIT
cd "$root"
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)"; exit 1; }
go run ./scripts/corpus -n "$n" -out "$work/corpus" >/dev/null
go build -o "$work/bti" ./cmd/bti
src_bti="$work/corpus/bti"
src_hugo="$work/corpus/hugo"

# run LABEL COMMAND...: runs the command once, appends its wall time (ms)
# to the list LABEL and its peak memory (KB) to LABEL_mem.
declare -A times mems
run() {
  local label=$1 s e
  shift
  s=$(date +%s%N)
  /usr/bin/time -o "$work/time" -f %M "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  e=$(date +%s%N)
  times[$label]+="$(( (e - s) / 1000000 )) "
  mems[$label]+="$(tail -1 "$work/time") "
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
most() { tr ' ' '\n' | grep . | sort -n | tail -1; }
med() { echo "${times[$1]}" | median; }
mb() { echo $(( $(echo "${mems[$1]}" | most) / 1024 )); }

bti_html=("$work/bti" build -C "$src_bti" --no-pdf --out)
bti_full=("$work/bti" build -C "$src_bti" --out)
hugo_b=(hugo --minify -s "$src_hugo" -d)

# The folders the warm builds rebuild, made once (and the caches warmed).
"${bti_html[@]}" "$work/warm-bti" >/dev/null
"${hugo_b[@]}" "$work/warm-hugo" >/dev/null
"${bti_full[@]}" "$work/warm-full" >/dev/null
# A cold build goes into a folder of a new name each time, which no build
# has used before. Nothing is deleted until the end: on ext4 without a
# journal (this machine), creating files within about 30 s of deleting
# many makes the kernel scan past every recently deleted inode
# (recently_deleted() in ext4's inode allocator, seen with perf), which
# would time the deletion rather than the build, for both generators.
mkdir -p "$work/cold"
for i in $(seq "$runs"); do
  run bti_warm "${bti_html[@]}" "$work/warm-bti"
  run hugo_warm "${hugo_b[@]}" "$work/warm-hugo"
  run full_warm "${bti_full[@]}" "$work/warm-full"
  run bti_cold "${bti_html[@]}" "$work/cold/bti-$i"
  run hugo_cold "${hugo_b[@]}" "$work/cold/hugo-$i"
done
# The full build into a new folder makes every PDF: once.
run full_cold "${bti_full[@]}" "$work/cold/full"
pdfs=$(find "$work/cold/full" -name '*.pdf' | wc -l)
pages_bti=$(find "$work/warm-bti" -name '*.html' | wc -l)
pages_hugo=$(find "$work/warm-hugo" -name '*.html' | wc -l)
ratio() { echo "$1 / $2" | bc -l; }

echo
echo "$n municipalities, $runs runs each, alternating; medians in ms, peak memory in MB"
printf '%-30s %8s %8s %9s %8s %8s\n' "" "bti" "hugo" "bti/hugo" "bti MB" "hugo MB"
printf '%-30s %8s %8s\n' "HTML pages written" "$pages_bti" "$pages_hugo"
printf '%-30s %8d %8d %9.2f %8d %8d\n' "warm rebuild" "$(med bti_warm)" "$(med hugo_warm)" \
  "$(ratio "$(med bti_warm)" "$(med hugo_warm)")" "$(mb bti_warm)" "$(mb hugo_warm)"
printf '%-30s %8d %8d %9.2f %8d %8d\n' "cold build, new folder" "$(med bti_cold)" "$(med hugo_cold)" \
  "$(ratio "$(med bti_cold)" "$(med hugo_cold)")" "$(mb bti_cold)" "$(mb hugo_cold)"
printf '%-30s %8d %8s %9s %8d\n' "full build with PDFs, warm" "$(med full_warm)" "" "" "$(mb full_warm)"
printf '%-30s %8d %8s %9s %8d\n' "full build with PDFs, cold" "$(med full_cold)" "" "" "$(mb full_cold)"
printf 'full warm / HTML warm: %.2f (the PDFs kept by their keys); the full build makes %d PDFs\n' \
  "$(ratio "$(med full_warm)" "$(med bti_warm)")" "$pdfs"
echo "each run, ms: bti warm ${times[bti_warm]}| hugo warm ${times[hugo_warm]}| bti cold ${times[bti_cold]}| hugo cold ${times[hugo_cold]}| full warm ${times[full_warm]}"
