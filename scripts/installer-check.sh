#!/usr/bin/env bash
# Checks the Linux installer end to end, as root on a Debian/Ubuntu machine: builds the .deb with the Maven profile,
# installs it with dpkg -i, checks the menu entry, file types and 'tempora' link, prints 'tempora --version', runs
# the installed command line on a development photo (and times it through the script against the launcher), runs the diffusion engine's ONNX Runtime from the installed
# folder on a small synthetic bundle, starts the installed window under Xvfb and takes a screenshot, then uninstalls
# and checks that nothing is left in /opt, /usr/bin or the menu. Slow (a build of several minutes): not run by CI.
# Usage: scripts/installer-check.sh [--no-build] [--cuda-addon] [--out SCREENSHOT.png]
#   --no-build    use the .deb already in target/installer/out
#   --cuda-addon  build the CUDA provider as the separate tempora-cuda package, and install and remove it too
#   --out         where the screenshot goes (default target/installer/check/window.png)
# Exits non-zero with one line on stderr at the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 cuda=auto out=target/installer/check/window.png
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --cuda-addon) cuda=addon; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "installer-check: unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
fail() { echo "installer-check: $1" >&2; exit 1; }
step() { echo "== $1"; }
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and removes a package)"
command -v dpkg >/dev/null || fail "needs a Debian-based system (dpkg)"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
photo=$(realpath ../shared/dev-images/clock_motion.png)
[ -f "$photo" ] || fail "no development photo at $photo"

missing=""
for pair in xvfb-run:xvfb xdotool:xdotool import:imagemagick fakeroot:fakeroot objcopy:binutils xprop:x11-utils; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing="$missing ${pair#*:}"
done
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || missing="$missing libgtk-3-0"
if [ -n "$missing" ]; then
  step "installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

if [ $build -eq 1 ]; then
  step "building the .deb (mvn -Pinstaller package)"
  start=$SECONDS
  mvn -q -B -Pinstaller package -Dinstaller.types=deb -Dinstaller.cuda=$cuda
  echo "built in $((SECONDS - start)) s"
fi
deb=$(ls target/installer/out/tempora_"$version"-*_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no tempora_$version .deb in target/installer/out"
addon=$(ls target/installer/out/tempora-cuda_"$version"-*_*.deb 2>/dev/null | head -n 1 || true)
[ "$cuda" = addon ] && [ -z "$addon" ] && fail "no tempora-cuda .deb in target/installer/out"
size=$(stat -c %s "$deb")
echo "$(basename "$deb"): $((size / 1000000)) MB"
[ -n "$addon" ] && [ "$cuda" = addon ] && echo "$(basename "$addon"): $(($(stat -c %s "$addon") / 1000000)) MB"
[ "$size" -le 200000000 ] || fail "$(basename "$deb") is $((size / 1000000)) MB, over the 200 MB budget"

if dpkg -s tempora >/dev/null 2>&1; then
  step "removing an earlier install"
  dpkg -r tempora-cuda >/dev/null 2>&1 || true
  dpkg -r tempora >/dev/null
fi

# A desktop has these menu folders; a bare container does not, and xdg-desktop-menu needs them for the menu entry.
made_menu_dirs=""
for dir in /etc/xdg/menus /usr/share/desktop-directories; do
  [ -d "$dir" ] || { mkdir -p "$dir"; made_menu_dirs="$made_menu_dirs $dir"; }
done

step "dpkg -i $(basename "$deb")"
if ! dpkg -i "$deb"; then
  echo "installing the missing dependencies (apt-get -f install), as a software centre would"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >/dev/null
fi
dpkg -s tempora 2>/dev/null | grep -q "^Status: install ok installed" || fail "tempora is not installed after dpkg -i"
if [ "$cuda" = addon ]; then
  step "dpkg -i $(basename "$addon")"
  dpkg -i "$addon" >/dev/null
  [ -f /opt/tempora/lib/app/native/libonnxruntime_providers_cuda.so ] || fail "the CUDA provider is not in /opt/tempora/lib/app/native"
fi

step "installed files"
[ -x /opt/tempora/bin/Tempora ] || fail "no /opt/tempora/bin/Tempora"
[ -x /opt/tempora/lib/app/tempora ] || fail "no executable command-line script /opt/tempora/lib/app/tempora"
[ "$(readlink /usr/bin/tempora)" = /opt/tempora/lib/app/tempora ] || fail "/usr/bin/tempora does not link to /opt/tempora/lib/app/tempora"
desktop=$(ls /usr/share/applications/*empora*.desktop 2>/dev/null | head -n 1)
[ -n "$desktop" ] || fail "no menu entry in /usr/share/applications"
grep -q "^Exec=/opt/tempora/bin/Tempora %f$" "$desktop" || fail "the menu entry does not pass the chosen photo (Exec=... %f)"
for mime in image/jpeg image/png image/tiff; do
  grep -q "^MimeType=.*$mime" "$desktop" || fail "the menu entry $desktop does not offer to open $mime"
done
echo "menu entry $desktop: $(grep -E '^(Name|Exec|Icon|Categories)=' "$desktop" | tr '\n' ' ')"
echo "installed: $(du -sh /opt/tempora | cut -f1) in /opt/tempora"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
home="$work/home" # the window's first start, with nothing remembered
mkdir -p "$home"

step "tempora --version"
printed=$(tempora --version)
echo "$printed"
[ "$printed" = "Tempora $version" ] || fail "tempora --version printed '$printed', expected 'Tempora $version'"
launched=$(/opt/tempora/bin/Tempora --version)
[ "$launched" = "Tempora $version" ] || fail "the launcher's --version printed '$launched', expected 'Tempora $version'"
# the script exists to skip the launcher's rpm/dpkg queries: the start of each is timed, three runs each, alternating
for run in 1 2 3; do
  for cmd in tempora /opt/tempora/bin/Tempora; do
    TIMEFORMAT="$cmd --version: %R s"
    time "$cmd" --version >/dev/null
  done
done

step "tempora generate (installed command line)"
tempora generate "$photo" --out "$work/frames" --frames 4
[ "$(ls "$work/frames"/frame_*.png | wc -l)" -eq 4 ] && [ -f "$work/frames/tempora.json" ] || fail "generate did not write 4 frames and tempora.json"
grep -q -- "-XX:+UseSerialGC" /opt/tempora/lib/app/tempora && grep -q -- "-XX:TieredStopAtLevel=1" /opt/tempora/lib/app/tempora \
  && grep -q -- "-XX:+UseTransparentHugePages" /opt/tempora/lib/app/tempora \
  || fail "the command-line script lacks its one-photo Java options"
# huge pages only where the kernel lends them on request: the script's own test, run on this machine's setting
if grep -q "\[madvise\]\|\[always\]" /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  trace=$(sh -x /opt/tempora/lib/app/tempora generate --help 2>&1 >/dev/null)
  case "$trace" in
    *-XX:+UseTransparentHugePages*) ;;
    *) fail "the command-line script did not ask for transparent huge pages, which this kernel lends" ;;
  esac
fi
# one photo per run: the script's options against the launcher's (the window's), two runs each, alternating
for run in 1 2; do
  for cmd in tempora /opt/tempora/bin/Tempora; do
    TIMEFORMAT="$cmd generate, 7 frames: %R s"
    time "$cmd" generate "$photo" --out "$work/timed-$run-${cmd##*/}" --frames 7 -q >/dev/null
  done
done

step "diffusion engine's ONNX Runtime from /opt/tempora/lib/app/native"
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
# The bundle writers are test code; the bundle they write is a small random transformer, no real weights.
java -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" org.tempora.diffusion.testmodels.WriteBenchmarkBundles "$work/bundles" >/dev/null
tempora benchmark --model "$work/bundles/random-256x160-d4-w128" --device cpu --runs 1 --steps 1 | tee "$work/ort.txt"
grep -q "^device: CPU" "$work/ort.txt" || fail "the installed program did not run the ONNX model"

step "window under Xvfb"
mkdir -p "$(dirname "$out")"
# Java takes user.home from the user database, not $HOME: JAVA_TOOL_OPTIONS reaches the JVM behind the launcher
export PHOTO="$photo" OUT=$(realpath -m "$out") WORK="$work" HOME_DIR="$home"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  HOME="$HOME_DIR" JAVA_TOOL_OPTIONS="-Duser.home=$HOME_DIR" /opt/tempora/bin/Tempora "$PHOTO" >"$WORK/window.log" 2>&1 & pid=$!
  fail() { kill $pid 2>/dev/null; echo "installer-check: $1: $(tail -n 2 "$WORK/window.log" | tr "\n" " ")" >&2; exit 1; }
  start=$(date +%s%N) win=""
  while [ -z "$win" ]; do
    kill -0 $pid 2>/dev/null || fail "the installed program exited before its window appeared"
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 90 ] || fail "the window did not appear within 90 s"
    win=$(xdotool search --name "^Tempora$" 2>/dev/null | head -n 1) || true
    [ -n "$win" ] || sleep 0.2
  done
  echo "window appeared $(( ($(date +%s%N) - start) / 1000000 )) ms after start"
  # JavaFX also maps a hidden owner window of the same name, first: look at all of them until the icon shows
  icons="" tries=0
  while [ -z "$icons" ] && [ $tries -lt 30 ]; do
    sleep 0.5; tries=$((tries + 1))
    for w in $(xdotool search --name "^Tempora$" 2>/dev/null); do
      icons=$(xprop -id "$w" _NET_WM_ICON 2>/dev/null | grep -o "Icon ([0-9]* x [0-9]*)" | tr "\n" " " || true)
      [ -n "$icons" ] && { win=$w; break; }
    done
  done
  [ -n "$icons" ] || fail "the window has no icon"
  echo "window icons: $icons"
  sleep 2 # the photo opens in the background
  xdotool windowfocus --sync "$win" key ctrl+g
  sleep 15
  kill -0 $pid 2>/dev/null || fail "the window closed while generating"
  import -window root "$OUT"
  kill $pid
  wait $pid 2>/dev/null || true
'
echo "screenshot $out"
[ -d "$home/.local/share/tempora/models" ] || fail "the first start did not create $home/.local/share/tempora/models"
echo "models folder created on first start: ~/.local/share/tempora/models ($(ls "$home/.local/share/tempora/models"))"

step "dpkg -r"
[ "$cuda" = addon ] && dpkg -r tempora-cuda >/dev/null
dpkg -r tempora >/dev/null
dpkg -s tempora 2>/dev/null | grep -q "^Status: install ok installed" && fail "tempora is still installed"
dpkg -P tempora >/dev/null 2>&1 || true # forget the package entirely (it has no configuration files)
[ ! -e /opt/tempora ] || fail "/opt/tempora is left after removal: $(find /opt/tempora | head -n 5 | tr '\n' ' ')"
[ ! -e /usr/bin/tempora ] && [ ! -L /usr/bin/tempora ] || fail "/usr/bin/tempora is left after removal"
[ -z "$(ls /usr/share/applications/*empora*.desktop 2>/dev/null)" ] || fail "the menu entry is left after removal"
echo "removed cleanly: no /opt/tempora, no /usr/bin/tempora, no menu entry"
for dir in $made_menu_dirs; do find "$dir" -depth -type d -empty -delete; done
echo "installer-check: all checks passed"
