package dev.arrayjit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps the modules honest, by reading their compiled classes: parse-tree classes stay in the
 * frontend's parser package, and Bytedeco/JOCL types never leave their code generator (and each
 * generator uses only its own).
 */
class ModuleBoundaryTest {
    private static final Path REPO = Path.of(System.getProperty("arrayjit.repo", ".."));

    @Test
    void antlrStaysInsideTheParserPackage() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("frontend", "typeinfer", "codegen-llvm", "codegen-gpu", "runtime")) {
            for (Path cls : classes(module)) {
                String name = REPO.resolve(module).resolve("target/classes").relativize(cls).toString();
                if (name.startsWith("dev/arrayjit/frontend/parser/")) continue;
                for (String ref : references(cls)) {
                    if (ref.startsWith("org/antlr/") || ref.startsWith("dev/arrayjit/frontend/parser/Python")) {
                        offenders.add(module + ": " + name + " -> " + ref);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void bytedecoStaysInsideCodegenLlvm() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("frontend", "typeinfer", "runtime")) {
            for (Path cls : classes(module)) {
                for (String ref : references(cls)) {
                    if (ref.startsWith("org/bytedeco/") || ref.startsWith("org/jocl/")) offenders.add(module + ": " + cls.getFileName() + " -> " + ref);
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void eachCodeGeneratorUsesOnlyItsOwnNativeLibrary() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path cls : classes("codegen-llvm")) {
            for (String ref : references(cls)) if (ref.startsWith("org/jocl/")) offenders.add("codegen-llvm: " + cls.getFileName() + " -> " + ref);
        }
        for (Path cls : classes("codegen-gpu")) {
            for (String ref : references(cls)) if (ref.startsWith("org/bytedeco/")) offenders.add("codegen-gpu: " + cls.getFileName() + " -> " + ref);
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void runtimeReachesBackendsOnlyThroughTheInterface() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path cls : classes("runtime")) {
            for (String ref : references(cls)) {
                if (ref.startsWith("dev/arrayjit/codegen/")) offenders.add(cls.getFileName() + " -> " + ref);
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<Path> classes(String module) throws IOException {
        Path dir = REPO.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(dir), "module not built: " + dir);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    /** Every class a class file names: its constant pool's classes and its members' descriptors. */
    private static TreeSet<String> references(Path cls) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(cls)) {
            ClassReader r = new ClassReader(in);
            char[] buf = new char[r.getMaxStringLength()];
            for (int i = 1; i < r.getItemCount(); i++) {
                int offset = r.getItem(i);
                if (offset > 0 && r.b[offset - 1] == 7) out.add(r.readUTF8(offset, buf)); // CONSTANT_Class
            }
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                    addDescriptor(desc, out);
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                    addDescriptor(desc, out);
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        }
        return out;
    }

    private static void addDescriptor(String desc, TreeSet<String> out) {
        int at = 0;
        while ((at = desc.indexOf('L', at)) >= 0) {
            int end = desc.indexOf(';', at);
            if (end < 0) break;
            out.add(desc.substring(at + 1, end));
            at = end;
        }
    }
}
