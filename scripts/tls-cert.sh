#!/usr/bin/env bash
# Generates a self-signed TLS certificate for Tandem's HTTPS connector (Pax Web / Jetty), for tests, demos and
# internal pilots. Production: a certificate from your CA instead (docs/deployment.md, "HTTPS").
#
#   TANDEM_TLS_KEYSTORE_PASSWORD=... scripts/tls-cert.sh [OUT_DIR] [HOST ...]
#
#   OUT_DIR   where to write (default: karaf-assembly/target/assembly/etc); creates
#               tandem-tls.p12   PKCS#12 keystore, alias "tandem" (private key + certificate), mode 600
#               tandem-tls.crt   the certificate (PEM) for clients to trust, e.g. curl --cacert
#   HOST      names the certificate is valid for (subjectAltName; default: localhost 127.0.0.1 and this host's name)
#   TANDEM_TLS_KEYSTORE_PASSWORD  keystore and key password (required, at least 8 characters; never stored here)
#   TANDEM_TLS_DAYS               validity in days (default 397)
#
# Then enable HTTPS in etc/org.ops4j.pax.web.cfg (the script prints the lines).
set -euo pipefail
OUT=${1:-karaf-assembly/target/assembly/etc}
shift || true
PW=${TANDEM_TLS_KEYSTORE_PASSWORD:-}
if [ "${#PW}" -lt 8 ]; then
    echo "tls-cert.sh: set TANDEM_TLS_KEYSTORE_PASSWORD (at least 8 characters)" >&2
    exit 2
fi
KEYTOOL=keytool
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
    KEYTOOL="$JAVA_HOME/bin/keytool"
fi
command -v "$KEYTOOL" >/dev/null || { echo "tls-cert.sh: keytool not found (JDK 17 needed)" >&2; exit 2; }
HOSTS=("$@")
if [ "${#HOSTS[@]}" -eq 0 ]; then
    HOSTS=(localhost 127.0.0.1 "$(hostname -f 2>/dev/null || hostname)")
fi
SAN=""
for h in "${HOSTS[@]}"; do
    if [[ "$h" =~ ^[0-9.]+$ || "$h" == *:* ]]; then SAN="$SAN,ip:$h"; else SAN="$SAN,dns:$h"; fi
done
SAN=${SAN#,}
mkdir -p "$OUT"
KS="$OUT/tandem-tls.p12"
CRT="$OUT/tandem-tls.crt"
if [ -e "$KS" ]; then
    echo "tls-cert.sh: $KS exists; remove it first to generate a new one" >&2
    exit 3
fi
umask 077
# the password goes through the environment, not the command line (ps shows arguments)
export TANDEM_TLS_KEYSTORE_PASSWORD
"$KEYTOOL" -genkeypair -alias tandem -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -validity "${TANDEM_TLS_DAYS:-397}" -dname "CN=${HOSTS[0]}, O=Tandem" -ext "SAN=$SAN" \
    -ext "EKU=serverAuth" -storetype PKCS12 -keystore "$KS" \
    -storepass:env TANDEM_TLS_KEYSTORE_PASSWORD -keypass:env TANDEM_TLS_KEYSTORE_PASSWORD >/dev/null
"$KEYTOOL" -exportcert -rfc -alias tandem -keystore "$KS" -storetype PKCS12 \
    -storepass:env TANDEM_TLS_KEYSTORE_PASSWORD -file "$CRT" >/dev/null
chmod 600 "$KS"
chmod 644 "$CRT"
echo "Wrote $KS and $CRT (SAN $SAN)."
cat <<MSG
Enable HTTPS in etc/org.ops4j.pax.web.cfg (Karaf reads the password from its environment at start):
  org.osgi.service.http.secure.enabled = true
  org.osgi.service.http.port.secure = 8443
  org.ops4j.pax.web.ssl.keystore = \${karaf.etc}/tandem-tls.p12
  org.ops4j.pax.web.ssl.keystore.type = PKCS12
  org.ops4j.pax.web.ssl.keystore.password = \${env:TANDEM_TLS_KEYSTORE_PASSWORD}
  org.ops4j.pax.web.ssl.key.alias = tandem
  org.ops4j.pax.web.ssl.key.password = \${env:TANDEM_TLS_KEYSTORE_PASSWORD}
  # and, to serve HTTPS only:
  org.osgi.service.http.enabled = false
Clients: curl --cacert $CRT https://localhost:8443/tandem/api/v1/health
MSG
