#!/bin/sh
# The HTTP benchmark of BENCHMARKS.md run on Grizzly instead of the JDK's HTTP server, to compare the two with the
# same application, load and machine. Build the jar first (mvn -B -q -pl demo-server -am package -DskipTests),
# then, from the repository root:  sh demo-server/src/bench/grizzly.sh [workers] [seconds] [users]
set -eu
jar=demo-server/target/scim-demo-server.jar
out=demo-server/target/bench-classes
lib=demo-server/target/bench-grizzly
mkdir -p "$out" "$lib"
mvn -B -q -f demo-server/src/bench/grizzly/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$lib" \
    -DincludeScope=runtime
javac -nowarn --release 17 -cp "$jar" -d "$out" demo-server/src/bench/java/org/scimengine/demo/bench/HttpThroughput.java
# The demo jar comes first, so Jersey's own classes are the ones the demo ships; only the container is added.
exec java -Dbench.server=grizzly \
    -Dorg.slf4j.simpleLogger.log.org.scimengine.demo.http.RequestLog=warn \
    -Djava.util.logging.config.file=/dev/null \
    -cp "$out:$jar:$lib/*" org.scimengine.demo.bench.HttpThroughput "$@"
