package dev.arrayjit.typeinfer.typing;

import dev.arrayjit.frontend.ast.Stmt;
import dev.arrayjit.typeinfer.KernelInfo;

/** A kernel: its public description and the function definition it compiles. */
public record KernelDecl(KernelInfo info, Stmt.FunctionDef def) {
    public String name() { return info.name(); }
}
