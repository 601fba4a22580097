#!/usr/bin/env bash
# Rebuilds assets/fonts/BaiHangul-Regular.ttf, the font that lets the window draw Korean on a
# machine without Korean fonts. The source is NanumGothic from Debian's fonts-nanum package
# (SIL Open Font License 1.1, see assets/fonts/OFL.txt). The subset keeps Latin, the punctuation
# the UI uses, every Hangul syllable and jamo, and the font's 4,888 Hanja (the set of the Korean
# standard KS X 1001), so Korean text a user types, common Hanja included, can be drawn.
#
# A subset is a "Modified Version" under the OFL, and "NanumGothic" is a Reserved Font Name, so the
# subset is renamed to "Bai Hangul" inside the font and in its file name.
#
#   bash scripts/subset-font.sh        # needs the Debian packages fonts-nanum and fonttools
set -euo pipefail

source_font=/usr/share/fonts/truetype/nanum/NanumGothic.ttf
out_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/assets/fonts

if [ ! -f "$source_font" ] || ! command -v pyftsubset >/dev/null; then
  echo "missing $source_font or pyftsubset: apt-get install fonts-nanum fonttools" >&2
  exit 1
fi

# Basic Latin, Latin-1, general punctuation (… and quotes), arrows, Hangul jamo, CJK symbols,
# compatibility jamo, the 11,172 precomposed syllables, full-width forms, and the CJK unified and
# compatibility ideographs (NanumGothic has 4,620 and 268 of them).
unicodes="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+2190-2193,U+1100-11FF,U+3000-303F,U+3131-318E,U+AC00-D7A3,U+FF01-FF5E,U+4E00-9FFF,U+F900-FAFF"

pyftsubset "$source_font" \
  --unicodes="$unicodes" \
  --layout-features='*' \
  --no-hinting \
  --desubroutinize \
  --name-IDs='*' \
  --output-file="$out_dir/BaiHangul-Regular.ttf"

# Debian's fonttools package installs the module for Debian's own interpreter.
/usr/bin/python3 - "$out_dir/BaiHangul-Regular.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont

path = sys.argv[1]
font = TTFont(path)
names = {1: "Bai Hangul", 2: "Regular", 3: "Bai Hangul Regular subset", 4: "Bai Hangul Regular",
         6: "BaiHangul-Regular", 16: "Bai Hangul", 17: "Regular"}
name_table = font["name"]
# Drop every record that could carry a reserved name, then write the new names in English.
name_table.names = [n for n in name_table.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22)]
for name_id, text in names.items():
    name_table.setName(text, name_id, 3, 1, 0x409)
    name_table.setName(text, name_id, 1, 0, 0)
font.save(path)
PY

ls -l "$out_dir/BaiHangul-Regular.ttf"
