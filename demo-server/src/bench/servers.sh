#!/bin/sh
# The HTTP benchmark of BENCHMARKS.md run on Grizzly or the JDK's HTTP server instead of Jetty (the demo's), to compare them
# with the same application, load and machine. Build the jar first
# (mvn -B -q -pl demo-server -am package -DskipTests), then, from the repository root:
#   sh demo-server/src/bench/servers.sh grizzly|jdk [workers] [seconds] [users]
set -eu
server=$1
shift
jar=demo-server/target/scim-demo-server.jar
out=demo-server/target/bench-classes
lib=demo-server/target/bench-servers
mkdir -p "$out" "$lib"
mvn -B -q -f demo-server/src/bench/servers/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$lib" \
    -DincludeScope=runtime
javac -nowarn --release 17 -cp "$jar" -d "$out" demo-server/src/bench/java/org/scimengine/demo/bench/HttpThroughput.java
# The demo jar comes first, so Jersey's own classes are the ones the demo ships; only the containers are added.
exec java -Dbench.server="$server" -Dsun.net.httpserver.nodelay=true \
    -Dorg.slf4j.simpleLogger.log.org.scimengine.demo.http.RequestLog=warn \
    -Djava.util.logging.config.file=/dev/null \
    -cp "$out:$jar:$lib/*" org.scimengine.demo.bench.HttpThroughput "$@"
