#!/usr/bin/env bash
# Installs what the build and tests need on a fresh Debian machine (idempotent, quiet when all is there).
#   JDK 17 + Maven: the build (Karaf 4.4 does not run on Java 24+)
#   curl, iproute2: the distribution tests (health checks, network namespace for the offline boot)
#   chromium, chromium-driver: the web console's browser test (WebConsoleIT, Selenium, headless)
set -euo pipefail
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if ! java -version 2>&1 | grep -q 'version "17'; then
    [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ] || need+=(openjdk-17-jdk-headless)
fi
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
    else
        echo "Missing packages: ${need[*]} (install them with apt-get as root)" >&2
        exit 1
    fi
fi
