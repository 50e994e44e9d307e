#!/usr/bin/env bash
# Updates the vendored front-end files in themes/vendor/ from the npm
# registry, at the versions pinned below. Each package keeps its licence
# and a VERSION file. Run it from anywhere; it needs npm and tar.
#
#   scripts/update-vendor.sh            # the pinned versions
#   DS_CSS=1.23.0 scripts/update-vendor.sh   # try another version
set -euo pipefail
DS_CSS=${DS_CSS:-1.22.0}          # @digdir/designsystemet-css (MIT)
NOTO=${NOTO:-5.3.0}               # @fontsource/noto-sans (OFL-1.1)
NOTO_ARABIC=${NOTO_ARABIC:-5.3.0} # @fontsource/noto-sans-arabic (OFL-1.1)
AXE=${AXE:-4.14.1}                # axe-core (MPL-2.0), for the accessibility tests only
MINISEARCH=${MINISEARCH:-7.2.0}   # minisearch (MIT), the search client

root=$(cd "$(dirname "$0")/.." && pwd)
vendor=$root/themes/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch() { # package version -> unpacked in $tmp/<name>/package
  local pkg=$1 ver=$2 dir=$tmp/$(echo "$1" | tr '/@' '__')
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$pkg@$ver" >/dev/null && tar xzf ./*.tgz)
  echo "$dir/package"
}

# Designsystemet: the default theme (tokens) and the components we use.
p=$(fetch @digdir/designsystemet-css "$DS_CSS")
d=$vendor/designsystemet-css
rm -rf "$d" && mkdir -p "$d"
cp "$p/LICENSE" "$d/LICENSE"
cp "$p/dist/theme/designsystemet.css" "$d/theme.css"
for c in base skip-link breadcrumbs button link alert card tag table input field label heading paragraph list details divider; do
  cp "$p/dist/src/$c.css" "$d/$c.css"
done
echo "@digdir/designsystemet-css $DS_CSS" > "$d/VERSION"

# Noto Sans: latin and latin-ext, regular and semibold, woff2.
p=$(fetch @fontsource/noto-sans "$NOTO")
d=$vendor/noto-sans
rm -rf "$d" && mkdir -p "$d"
cp "$p/LICENSE" "$d/LICENSE"
for s in latin latin-ext; do for w in 400 600; do
  cp "$p/files/noto-sans-$s-$w-normal.woff2" "$d/"
done; done
echo "@fontsource/noto-sans $NOTO" > "$d/VERSION"

# Noto Sans Arabic, for pages in Arabic script (loaded only there).
p=$(fetch @fontsource/noto-sans-arabic "$NOTO_ARABIC")
d=$vendor/noto-sans-arabic
rm -rf "$d" && mkdir -p "$d"
cp "$p/LICENSE" "$d/LICENSE"
for w in 400 600; do cp "$p/files/noto-sans-arabic-arabic-$w-normal.woff2" "$d/"; done
echo "@fontsource/noto-sans-arabic $NOTO_ARABIC" > "$d/VERSION"

# axe-core, for the browser tests (not published on the sites).
p=$(fetch axe-core "$AXE")
d=$root/internal/browsertest/axe
rm -rf "$d" && mkdir -p "$d"
cp "$p/LICENSE" "$d/LICENSE"
cp "$p/axe.min.js" "$d/axe.min.js"
echo "axe-core $AXE" > "$d/VERSION"

# MiniSearch, the search client.
p=$(fetch minisearch "$MINISEARCH")
d=$vendor/minisearch
rm -rf "$d" && mkdir -p "$d"
cp "$p/LICENSE.txt" "$d/LICENSE" 2>/dev/null || cp "$p/LICENSE" "$d/LICENSE"
cp "$p/dist/umd/index.min.js" "$d/minisearch.min.js" 2>/dev/null || cp "$p/dist/umd/index.js" "$d/minisearch.min.js"
echo "minisearch $MINISEARCH" > "$d/VERSION"

echo "vendored into $vendor and $root/internal/browsertest/axe:"
find "$vendor" "$root/internal/browsertest/axe" -type f | sort | sed "s|$root/||"

# Noto Sans as TrueType for the PDFs (gopdf reads TTF, not woff2), from
# Debian's fonts-noto-core (apt-get install fonts-noto-core), cut down with
# fontTools (apt-get install python3-fonttools) to what a PDF of ours can
# show: Latin (with Sámi, Vietnamese and the other Latin-script languages),
# Greek, Cyrillic, punctuation and common symbols, without hinting and
# without OpenType layout (gopdf uses neither). gopdf copies the font's
# per-glyph tables whole into every PDF and compresses them, so 1,670
# glyphs instead of 3,317 make each PDF about 35 KB smaller and its
# making a tenth faster. Text outside these ranges makes a document
# unprintable (pdf.Unprintable), and its page says to print the web page.
PDF_FONT_UNICODES="U+0020-007E,U+00A0-024F,U+0259,U+02B9-02DD,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+FB00-FB06,U+FEFF,U+FFFD"
if [ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ]; then
  d=$root/generator/pdffont/fonts
  for w in Regular Bold; do
    /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/truetype/noto/NotoSans-$w.ttf" \
      --output-file="$d/NotoSans-$w.ttf" --unicodes="$PDF_FONT_UNICODES" \
      --layout-features='' --no-hinting --drop-tables+=GSUB,GPOS,GDEF \
      --name-IDs='*' --name-languages='*' --notdef-outline --glyph-names
  done
  cp "$vendor/noto-sans/LICENSE" "$d/LICENSE"
  echo "Noto Sans Regular and Bold TTF from Debian's fonts-noto-core ($(dpkg-query -W -f='${Version}' fonts-noto-core)), subset by scripts/update-vendor.sh (fontTools $(/usr/bin/python3 -c 'import fontTools; print(fontTools.version)')): $PDF_FONT_UNICODES" > "$d/VERSION"
fi
