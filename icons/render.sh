#!/usr/bin/env bash
# Renders icons/tempora.svg into the files the window, the installers and the desktop entry use:
#   icons/png/tempora-N.png (N = 16 24 32 48 64 128 256 512 1024), icons/tempora.ico (Windows: 16 to 256),
#   icons/tempora.icns (macOS: 16 to 1024, PNG chunks), and the window's copies under
#   src/main/resources/org/tempora/app/icons/ (16 to 256).
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and python3. The outputs are committed, so the
# build never runs this; run it again after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin imagemagick python3)" >&2; exit 2; }
done
mkdir -p png
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" tempora.svg -o "png/tempora-$n.png"
done
# ICO: one PNG-compressed 256 entry and bitmap entries below, as Windows Explorer expects
convert png/tempora-16.png png/tempora-24.png png/tempora-32.png png/tempora-48.png png/tempora-64.png \
  png/tempora-128.png png/tempora-256.png tempora.ico
# ICNS: 'icns', total length, then (type, length, PNG) chunks; types per Apple's icon family (ic10 is 512@2x)
python3 - <<'EOF'
import struct
chunks = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512),
          (b'ic10', 1024), (b'ic11', 32), (b'ic12', 64), (b'ic13', 256), (b'ic14', 512)]
body = b''
for kind, size in chunks:
    with open('png/tempora-%d.png' % size, 'rb') as f:
        data = f.read()
    body += kind + struct.pack('>I', 8 + len(data)) + data
with open('tempora.icns', 'wb') as f:
    f.write(b'icns' + struct.pack('>I', 8 + len(body)) + body)
EOF
window=../src/main/resources/org/tempora/app/icons
mkdir -p "$window"
for n in 16 24 32 48 64 128 256; do cp "png/tempora-$n.png" "$window/tempora-$n.png"; done
echo "rendered $(ls png | wc -l) PNGs, tempora.ico, tempora.icns and the window's icons"
