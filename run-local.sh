#!/usr/bin/env bash
# The one command of the README: builds everything (the Maven wrapper fetches Maven itself), then
# starts the whole system locally with demo data. Arguments go to the applications, e.g. --debug.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -B -q -DskipTests install

java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then
    java_cmd="$JAVA_HOME/bin/java"
fi
exec "$java_cmd" -jar local-run/target/local-run.jar "$@"
