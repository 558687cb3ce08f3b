#!/usr/bin/env bash
# Starts the real Tempora window under Xvfb, opens a photo, generates its frames, and saves a
# screenshot (the one in the README by default). Installs Xvfb, GTK, xdotool and ImageMagick when missing.
# Usage: scripts/window-screenshot.sh [--out OUT.png] [--timeout SECONDS] [--wait SECONDS] [PHOTO [OUT.png]]
#   --out      where the screenshot goes (default docs/window.png)
#   --timeout  how long the window may take to appear before the script fails (default 60)
#   --wait     how long Generate runs before the screenshot is taken (default 15)
# Exits non-zero, with one line on stderr, when the window does not appear or closes early.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/window.png timeout=60 wait=15 positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --wait) wait=$2; shift 2 ;;
    -*) echo "window-screenshot: unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
photo=$(realpath "${positional[0]:-../shared/dev-images/clock_motion.png}")
[ ${#positional[@]} -ge 2 ] && out=${positional[1]}
[ -f "$photo" ] || { echo "window-screenshot: no photo at $photo" >&2; exit 2; }
missing=""
command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb"
command -v xdotool >/dev/null 2>&1 || missing="$missing xdotool"
command -v import >/dev/null 2>&1 || missing="$missing imagemagick"
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing="$missing libgtk-3-0"
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
# Rebuild when the jar is missing or older than any main source.
if [ ! -f target/tempora.jar ] || [ -n "$(find src/main pom.xml -newer target/tempora.jar -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
mkdir -p "$(dirname "$out")"
export PHOTO="$photo" OUT="$out" TIMEOUT="$timeout" WAIT="$wait"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  log=$(mktemp)
  java -jar target/tempora.jar "$PHOTO" >"$log" 2>&1 & pid=$!
  fail() { kill $pid 2>/dev/null; echo "window-screenshot: $1$(tail -n 1 "$log" | sed "s/^/: /")" >&2; rm -f "$log"; exit 1; }
  win="" deadline=$((SECONDS + TIMEOUT))
  while [ -z "$win" ]; do
    kill -0 $pid 2>/dev/null || fail "java exited before the Tempora window appeared"
    [ $SECONDS -lt $deadline ] || fail "the Tempora window did not appear within $TIMEOUT s"
    win=$(xdotool search --name "^Tempora$" 2>/dev/null | head -n 1) || true
    [ -n "$win" ] || sleep 0.5
  done
  sleep 3 # the photo opens in the background
  xdotool windowfocus --sync "$win" key ctrl+g
  sleep "$WAIT"
  kill -0 $pid 2>/dev/null || fail "the Tempora window closed while generating"
  import -window root "$OUT.partial.png" && mv "$OUT.partial.png" "$OUT"
  kill $pid
  rm -f "$log"
'
echo "saved $out"
