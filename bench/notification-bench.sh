#!/usr/bin/env bash
# Notification throughput benchmark (issue 5): e-mails dispatched per second through the whole Tandem engine
# (durable Derby outbox, claim/lease, consent + rules, template rendering, EMAIL channel) to a local SMTP sink,
# next to raw JavaMail sends to the same sink, in the same run. Not a test: it prints a table.
#
#   bench/notification-bench.sh [count] [host:port]
#
# count      e-mails per series (default 1000)
# host:port  an SMTP sink already running (e.g. `python3 -m aiosmtpd -n -l localhost:2525`); default: an
#            in-process GreenMail SMTP server on a free localhost port
# MAVEN_REPO_LOCAL=/path selects the Maven local repository (else Maven's default).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=()
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then repo=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL"); fi
mvn -B -q "${repo[@]}" -pl bundles/notification -am install -DskipTests
mvn -B -q "${repo[@]}" -pl bundles/notification dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
cp=bundles/notification/target/test-classes:bundles/notification/target/classes:$(cat bundles/notification/target/bench.classpath)
# JAVA_OPTS, e.g. -Dderby.system.durability=test to take the disk's fsync out of the figures
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${JAVA_OPTS:-} -cp "$cp" \
    org.tandem.notification.bench.NotificationBench "$@"
