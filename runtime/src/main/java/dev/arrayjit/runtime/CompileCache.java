package dev.arrayjit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Specializations by key, each compiled exactly once even when many threads ask at the same moment
 * (one {@link FutureTask} per key: the first thread runs it, the others wait for it). A failed
 * compilation is not cached, so the error comes again on the next call.
 */
final class CompileCache<K> {
    private final String name;
    private final Function<K, Specialization> compiler;
    private final ConcurrentHashMap<K, FutureTask<Specialization>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger compiles = new AtomicInteger();
    private final AtomicLong compileNanos = new AtomicLong();

    CompileCache(String name, Function<K, Specialization> compiler) {
        this.name = name;
        this.compiler = compiler;
    }

    int compileCount() { return compiles.get(); }

    long compileNanos() { return compileNanos.get(); }

    /** The specializations compiled so far. */
    List<Specialization> specializations() {
        List<Specialization> out = new ArrayList<>();
        for (FutureTask<Specialization> t : cache.values()) {
            if (t.isDone()) {
                try {
                    out.add(t.get());
                } catch (InterruptedException | ExecutionException e) {
                    // failed or interrupted: not a specialization
                }
            }
        }
        return out;
    }

    /** The specialization for {@code key} (an immutable value), compiled once. */
    Specialization get(K key) {
        FutureTask<Specialization> task = cache.get(key);
        if (task == null) {
            FutureTask<Specialization> mine = new FutureTask<>(() -> compileNow(key));
            task = cache.putIfAbsent(key, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            cache.remove(key, task); // retry on the next call rather than cache the failure
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to compile", e);
        }
    }

    private Specialization compileNow(K key) {
        compiles.incrementAndGet();
        long t0 = System.nanoTime();
        try {
            return compiler.apply(key);
        } finally {
            compileNanos.addAndGet(System.nanoTime() - t0);
        }
    }
}
