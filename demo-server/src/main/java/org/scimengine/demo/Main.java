package org.scimengine.demo;

import java.time.Clock;
import org.scimengine.demo.cli.Cli;
import org.scimengine.demo.http.JerseyHttpServer;

/** {@code java -jar scim-demo-server.jar ...}: the command line, on the real console, clock and environment. */
public final class Main {

    /**
     * Jersey logs through java.util.logging, and at start warns about optional providers the jar leaves out
     * (JAXB, activation) and about the token endpoint being a resource instance: noise to someone starting a
     * demo. Its errors still show. Held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JERSEY = java.util.logging.Logger.getLogger("org.glassfish.jersey");

    private Main() {
    }

    public static void main(String[] args) {
        JERSEY.setLevel(java.util.logging.Level.SEVERE);
        // The one place that touches System.out and System.exit: every command writes to the streams it is given.
        int status = Cli.run(args, System.out, System.err, System.getenv(), Clock.systemUTC(),
                JerseyHttpServer.launcher());
        System.exit(status);
    }
}
