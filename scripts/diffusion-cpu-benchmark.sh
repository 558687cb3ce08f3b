#!/usr/bin/env bash
# Times the diffusion engine on the CPU with synthetic bundles (no real weights needed): the oracle at the real
# 1280x720 size, and two small random transformers. Prints each bundle's load, encode, time per step, decode and peak
# memory via 'tempora benchmark --model'. Usage: scripts/diffusion-cpu-benchmark.sh [--steps N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/tempora.jar ] || [ -n "$(find src/main pom.xml -newer target/tempora.jar -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
mvn -q -B test-compile
cp_file=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$cp_file" "$out"' EXIT
# The bundle writers are test code (they need the ONNX protobuf classes of a test dependency).
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.tempora.diffusion.testmodels.WriteBenchmarkBundles "$out"
for bundle in "$out"/*/; do
  echo "== $(basename "$bundle")"
  java -jar target/tempora.jar benchmark --model "$bundle" --device cpu "$@"
done
