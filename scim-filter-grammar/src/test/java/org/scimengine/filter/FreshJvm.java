package org.scimengine.filter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a test class's {@code main} in a new JVM with this test run's class path; for checks that need a cold JVM. */
final class FreshJvm {

    private FreshJvm() {
    }

    /** Returns the exit status; on failure the first lines of the child's output go to this run's stderr. */
    static int run(List<String> jvmOptions, Class<?> mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            System.err.println(output.lines().limit(10).collect(Collectors.joining("\n")));
        }
        return status;
    }
}
