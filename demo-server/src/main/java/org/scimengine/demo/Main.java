package org.scimengine.demo;

import java.time.Clock;
import org.scimengine.demo.cli.Cli;

/** {@code java -jar scim-demo-server.jar ...}: the command line, on the real console, clock and environment. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The one place that touches System.out and System.exit: every command writes to the streams it is given.
        int status = Cli.run(args, System.out, System.err, System.getenv(), Clock.systemUTC(),
                HttpServer.notYetAvailable());
        System.exit(status);
    }
}
