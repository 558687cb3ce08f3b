#!/usr/bin/env bash
# Starts the real Tempora window under Xvfb, opens a photo, generates its frames, and saves a
# screenshot (the one in the README). Installs Xvfb, GTK, xdotool and ImageMagick when missing.
# Usage: scripts/window-screenshot.sh [PHOTO] [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
photo=$(realpath "${1:-../shared/dev-images/clock_motion.png}")
out=${2:-docs/window.png}
missing=""
command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb"
command -v xdotool >/dev/null 2>&1 || missing="$missing xdotool"
command -v import >/dev/null 2>&1 || missing="$missing imagemagick"
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing="$missing libgtk-3-0"
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
[ -f target/tempora.jar ] || mvn -q -B package -DskipTests
mkdir -p "$(dirname "$out")"
export PHOTO="$photo" OUT="$out"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  java -jar target/tempora.jar "$PHOTO" & pid=$!
  win=""
  for _ in $(seq 60); do win=$(xdotool search --name "Tempora" 2>/dev/null | head -n 1) && [ -n "$win" ] && break; sleep 0.5; done
  [ -n "$win" ] || { echo "the Tempora window did not appear" >&2; kill $pid; exit 1; }
  sleep 3
  xdotool windowfocus --sync "$win" key ctrl+g
  sleep 15
  import -window root "$OUT.partial.png" && mv "$OUT.partial.png" "$OUT"
  kill $pid
'
echo "saved $out"
