#!/usr/bin/env bash
# Warm compile time (a fresh specialization in a JVM / Python process that has already compiled
# others) and Java-API call overhead, side by side with Numba. Run from the repository root after
# `mvn -B -DskipTests install`.
set -euo pipefail
cd "$(dirname "$0")/../.."
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin
cp="runtime/target/$(ls runtime/target | grep -E '^runtime-.*\.jar$' | head -n 1):$(cat runtime/target/classpath.txt)"
out=$(mktemp -d)
"$java/javac" -d "$out" -cp "$cp" benchmarks/warm_compile/WarmCompile.java
"$java/java" --enable-native-access=ALL-UNNAMED -cp "$cp:$out" WarmCompile
/usr/bin/python3 benchmarks/warm_compile/numba_warm_compile.py
