#!/usr/bin/env bash
# Shows that API baselining is real: copies bundles/api to a scratch directory, breaks one exported
# signature (removes Caller.hasAgency()) without a major version bump, and expects the build to FAIL
# at the baseline goal; then checks the unmodified copy passes. Usage: scripts/check-api-baseline.sh [maven args]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/bundles/api" "$WORK/api"
cp "$ROOT/pom.xml" "$WORK/pom.xml"
sed -i 's#<relativePath>../../pom.xml</relativePath>#<relativePath>../pom.xml</relativePath>#' "$WORK/api/pom.xml"
rm -rf "$WORK/api/target"

echo "== unchanged API: baseline must pass"
mvn -B -q "$@" -f "$WORK/api/pom.xml" verify -DskipTests >"$WORK/ok.log" 2>&1 || { cat "$WORK/ok.log"; echo "FAIL: unchanged API did not pass"; exit 1; }
echo "   passed"

echo "== Caller.hasAgency() removed, org.tandem.api still at its minor version: baseline must fail"
python3 - "$WORK/api/src/main/java/org/tandem/api/Caller.java" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
s2 = re.sub(r"\n    public boolean hasAgency\(\) \{.*?\n    \}\n", "\n", s, flags=re.S)
assert s2 != s
open(p, "w").write(s2)
PY
if mvn -B "$@" -f "$WORK/api/pom.xml" verify -DskipTests >"$WORK/broken.log" 2>&1; then
    echo "FAIL: a removed method did not fail the build"; exit 1
fi
grep -E "org.tandem.api .*(MAJOR|major)|Baseline.*error|baseline" "$WORK/broken.log" | head -5
echo "   failed as expected"
