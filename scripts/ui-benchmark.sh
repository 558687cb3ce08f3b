#!/usr/bin/env bash
# Measures the window against the desktop issue's targets (window open to usable, Generate to the first frame,
# frame switch while scrubbing) and prints a table. Runs under Xvfb, installing it and GTK when missing;
# --headless runs on Monocle's headless platform instead (software rendering, no X server).
# Usage: scripts/ui-benchmark.sh [--headless] [--switches N] [--generate-runs N] [--startup-runs N] [--images DIR]
# JAVA_OPTS is passed to java (e.g. JAVA_OPTS=-Djavafx.pulseLogger=true for per-pulse timings).
set -euo pipefail
cd "$(dirname "$0")/.."
headless=false
if [ "${1:-}" = "--headless" ]; then headless=true; shift; fi
# Rebuild when the jar is missing or older than any main source.
if [ ! -f target/tempora.jar ] || [ -n "$(find src/main pom.xml -newer target/tempora.jar -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
main=org.tempora.app.UiBenchmark
if $headless; then
  # Monocle is a test dependency: take the test class path from Maven.
  cp_file=$(mktemp)
  trap 'rm -f "$cp_file"' EXIT
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
  env -u DISPLAY java ${JAVA_OPTS:-} -cp "target/tempora.jar:$(cat "$cp_file")" "$main" "$@"
  exit
fi
missing=""
command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb"
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing="$missing libgtk-3-0"
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
xvfb-run -a -s "-screen 0 1400x900x24" java ${JAVA_OPTS:-} -cp target/tempora.jar "$main" "$@"
