#!/bin/sh
#
# The long crash run: starts the built distribution, then repeatedly drives concurrent POST /cases,
# kill -9s the Karaf JVM at a random moment, restarts it and checks that every case acknowledged
# with 201 is present exactly once and unchanged, and that no request produced two cases.
# Prints cycles run, acknowledged writes, lost and duplicated. Exit status 0 = no loss, no duplicate.
#
#   bench/crash.sh                          # 200 cycles (about 1 hour on 2 cores)
#   bench/crash.sh --cycles 20 --clients 8
#   bench/crash.sh --cycles 5 --weaken memory      # negative control: must report loss
#   bench/crash.sh --cycles 20 --weaken derby-test # derby.system.durability=test (see docs/performance.md)
#
# The harness keeps every acknowledged case (about 2.5 KB each) to re-check it: 200 cycles need about 1.5 GB of heap.
# Builds nothing: needs karaf-assembly/target/tandem-*.tar.gz and bench/target/tandem-bench.jar.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ARCHIVE=$(ls "$ROOT"/karaf-assembly/target/tandem-*.tar.gz 2>/dev/null | head -n 1)
JAR="$ROOT/bench/target/tandem-bench.jar"
if [ -z "$ARCHIVE" ] || [ ! -f "$JAR" ]; then
    echo "Missing the distribution and/or the bench jar. Build both once with:" >&2
    echo "  (cd $ROOT && mvn -B -q install -DskipTests -Pbench)" >&2
    exit 1
fi
cd "$ROOT"
exec java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$JAR" crash --archive "$ARCHIVE" "$@"
