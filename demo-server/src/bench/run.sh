#!/bin/sh
# The HTTP benchmark of BENCHMARKS.md ("HTTP: SCIM filter GET against a bare endpoint"). Not part of the build:
# it compiles one class against the runnable jar and runs it. Build the jar first:
#   mvn -B -q -pl demo-server -am package -DskipTests
# then, from the repository root:  sh demo-server/src/bench/run.sh [workers] [seconds] [users] [memory|sqlite|DB]
set -eu
jar=demo-server/target/scim-demo-server.jar
out=demo-server/target/bench-classes
mkdir -p "$out"
javac -nowarn --release 17 -cp "$jar" -d "$out" demo-server/src/bench/java/org/scimengine/demo/bench/HttpThroughput.java
# The request log is switched off: one line per request on stderr would measure the terminal.
exec java \
    -Dorg.slf4j.simpleLogger.log.org.scimengine.demo.http.RequestLog=warn \
    -Djava.util.logging.config.file=/dev/null \
    -cp "$out:$jar" org.scimengine.demo.bench.HttpThroughput "$@"
