#!/usr/bin/env bash
# RMS ingest benchmark: how many NIEM incident reports per second the RMS folder route turns into stored cases.
# Runs the real route (file read lock, XXE-safe XSD-validating parse, store-backed idempotency, intake rules,
# durable Derby writes) in one JVM on N generated reports and prints the rate.
#
#   bench/rms-bench.sh [N=500]          (set MAVEN_REPO_LOCAL to use another local Maven repository)
#
# Work files and the class path go to bench/rms/ (git-ignored content).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-500}"
MVN=(mvn -B -q)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then MVN+=("-Dmaven.repo.local=${MAVEN_REPO_LOCAL}"); fi
mkdir -p bench/rms
"${MVN[@]}" -pl bundles/adapter-rms -am install -DskipTests
"${MVN[@]}" -pl bundles/adapter-rms test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/bench/rms/classpath.txt"
CP="bundles/adapter-rms/target/test-classes:bundles/adapter-rms/target/classes:$(cat bench/rms/classpath.txt)"
exec java -Xmx512m -cp "$CP" org.tandem.adapter.rms.internal.bench.RmsIngestBenchmark "$N" bench/rms/work \
    examples/rms/incident-2026-000200-1.xml
