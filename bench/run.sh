#!/bin/sh
#
# Benchmarks the built distribution: boot (median of 3 first boots on a clean data/, restarts with
# existing data/), idle RSS, and POST /cases at 1, 4 and 16 clients against a raw JDBC baseline
# measured in the same run; prints the table and writes it to bench/target/run-*/results.md.
# Builds nothing: it needs karaf-assembly/target/tandem-*.tar.gz and bench/target/tandem-bench.jar.
#
#   bench/run.sh                      # full run (about 4-6 minutes on 2 cores)
#   bench/run.sh --jfr                # plus a JFR profile of Tandem during the 16-client run
#   bench/run.sh --requests 5000 --clients 1,4,16,32 --boots 3 --restarts 3 --settle 5
#   bench/run.sh --java-opts "-XX:+UseParallelGC"   # try JVM options (added to EXTRA_JAVA_OPTS)
#   bench/run.sh boots --configs bench/experiments/boot-jvm-and-trim.properties --rounds 3   # A/B boot comparison
#
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ARCHIVE=$(ls "$ROOT"/karaf-assembly/target/tandem-*.tar.gz 2>/dev/null | head -n 1)
JAR="$ROOT/bench/target/tandem-bench.jar"
if [ -z "$ARCHIVE" ] || [ ! -f "$JAR" ]; then
    echo "Missing the distribution and/or the bench jar. Build both once with:" >&2
    echo "  (cd $ROOT && mvn -B -q install -DskipTests -Pbench)" >&2
    exit 1
fi
for tool in java jcmd tar; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is required (JDK 17)" >&2; exit 1; }
done
cd "$ROOT"
if [ "$1" = "boots" ]; then
    # A/B boot comparison, e.g. bench/run.sh boots --configs bench/experiments/boot-jvm-and-trim.properties
    shift
    exec java -Xmx512m -jar "$JAR" boots --archive "$ARCHIVE" "$@"
fi
exec java -Xms256m -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$JAR" run --archive "$ARCHIVE" "$@"
