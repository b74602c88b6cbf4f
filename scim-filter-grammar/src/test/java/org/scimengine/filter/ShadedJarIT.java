package org.scimengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar carries its own, relocated ANTLR runtime, so a host application with another ANTLR on its
 * class path (here 4.9.3, which the generated code cannot run on) neither breaks the parser nor makes it print
 * a version warning.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("packaged.jar"));
    private static final Path OTHER_ANTLR = Path.of(System.getProperty("conflicting.antlr.jar"));

    @Test
    void theJarHoldsTheRuntimeOnlyUnderItsInternalPackage() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(e -> e.getName()).toList();
            assertThat(entries).noneMatch(name -> name.startsWith("org/antlr/"));
            assertThat(entries).contains("org/scimengine/filter/internal/shaded/antlr/Parser.class");
        }
    }

    @Test
    void aHostsOlderAntlrDoesNotReachTheParser() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (URLClassLoader host = new URLClassLoader(
                new URL[] {OTHER_ANTLR.toUri().toURL(), JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> parserClass = host.loadClass(FilterParser.class.getName());
            assertThat(parserClass.getClassLoader()).isSameAs(host);
            Object parser = parserClass.getMethod("standard").invoke(null);
            Object filter = parserClass.getMethod("parseFilter", String.class)
                    .invoke(parser, "userName eq \"bjensen\" and emails[type eq \"work\"]");
            assertThat(filter).hasToString("userName eq \"bjensen\" and emails[type eq \"work\"]");

            Throwable error = null;
            try {
                parserClass.getMethod("parseFilter", String.class).invoke(parser, "userName \"bjensen\"");
            } catch (InvocationTargetException e) {
                error = e.getCause();
            }
            assertThat(error).isNotNull();
            assertThat(error.getClass().getName()).isEqualTo(FilterSyntaxException.class.getName());
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
