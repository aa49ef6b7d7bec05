#!/usr/bin/env bash
# Heap per video and per user of the serving state (issue #13), see dev.marquee.bench.ServingMemory.
#   bin/serving-memory.sh VIDEOS [USERS [INTERACTIONS [DIR]]]      e.g. bin/serving-memory.sh 1000000
# Env: MEM_JAVA_OPTS (default -Xmx8g). Compiles marquee-bench and its reactor modules first (classes, not ~/.m2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$root/bin/java25-home.sh")"
export JAVA_HOME
cd "$root"
./mvnw -q -pl marquee-bench -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
opens=""
for p in java.lang java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks java.nio \
         sun.nio.ch jdk.internal.foreign jdk.internal.misc java.lang.ref java.lang.invoke; do
  opens="$opens --add-opens java.base/$p=ALL-UNNAMED"
done
exec "$JAVA_HOME/bin/java" ${MEM_JAVA_OPTS:--Xmx8g} --add-modules jdk.incubator.vector $opens \
    -cp "marquee-bench/target/classes:$(cat marquee-bench/target/cp.txt)" dev.marquee.bench.ServingMemory "$@"
