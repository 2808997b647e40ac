package dev.arrayjit.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ANTLR stays inside the parser package: no public signature elsewhere mentions it, and the only
 * public entry points of the parser package besides the generated code are ParseDriver and TokenDump.
 */
class ApiBoundaryTest {
    private static final String PARSER_PACKAGE = "dev.arrayjit.frontend.parser";

    private static List<Class<?>> mainClasses() throws IOException {
        Path root = Path.of("target/classes");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace(".class", "");
                try {
                    out.add(Class.forName(name, false, ApiBoundaryTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    private static boolean generated(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        return top.getSimpleName().equals("PythonLexer") || top.getSimpleName().equals("PythonParser");
    }

    @Test
    void noAntlrTypeInAnyPublicSignature() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : mainClasses()) {
            if (!Modifier.isPublic(c.getModifiers()) || generated(c)) continue;
            for (Method m : c.getMethods()) check(c, m, leaks);
            for (Executable k : c.getConstructors()) check(c, k, leaks);
            for (Field f : c.getFields()) if (leaky(f.getGenericType())) leaks.add(c.getName() + "." + f.getName());
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void parserPackageExportsOnlyItsEntryPoints() throws IOException {
        List<String> exported = mainClasses().stream()
                .filter(c -> c.getPackageName().equals(PARSER_PACKAGE))
                .filter(c -> Modifier.isPublic(c.getModifiers()) && !generated(c))
                .map(Class::getSimpleName).sorted().toList();
        assertEquals(List.of("ParseDriver", "TokenDump"), exported);
        assertTrue(mainClasses().stream().anyMatch(c -> c.getName().equals(PARSER_PACKAGE + ".AstBuilder")));
    }

    private static void check(Class<?> owner, Executable e, List<String> leaks) {
        if (e.getDeclaringClass() != owner) return;
        boolean leak = leaky(e instanceof Method m ? m.getGenericReturnType() : void.class)
                || Arrays.stream(e.getGenericParameterTypes()).anyMatch(ApiBoundaryTest::leaky);
        if (leak) leaks.add(owner.getName() + "." + e.getName());
    }

    private static boolean leaky(Type t) {
        String s = t.getTypeName();
        return s.contains("org.antlr") || s.contains("PythonParser") || s.contains("PythonLexer");
    }
}
