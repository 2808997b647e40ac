package dev.arrayjit.typeinfer.ir;

import dev.arrayjit.typeinfer.types.Type;

/** A local variable of a typed function; {@code id} is unique within the function. */
public record Var(String name, Type type, int id) {
    @Override public String toString() { return name + "." + id; }
}
