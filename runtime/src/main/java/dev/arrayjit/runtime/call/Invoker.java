package dev.arrayjit.runtime.call;

import dev.arrayjit.runtime.KernelException;
import dev.arrayjit.runtime.NativeMemory;
import dev.arrayjit.runtime.Specialization;
import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.types.Type;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One call of compiled code: marshal, run, settle the kernel's allocations, unmarshal or raise. */
public final class Invoker {
    private Invoker() {}

    /** Calls with arguments already matched to {@code spec.argTypes()} (converted while written). */
    public static Object call(Specialization spec, Object[] args) {
        List<Type> types = spec.argTypes();
        CallFrame f = CallFrame.acquire(spec.argSlots(), spec.retSlots());
        try {
            ArgWriter w = new ArgWriter(f.args);
            int s = 0;
            for (int i = 0; i < args.length; i++) s = w.write(s, types.get(i), args[i]);
            int status;
            try {
                status = spec.entry().invoke(f.ctx, f.args, f.ret);
            } finally {
                w.finish();
            }
            if (status != 0) {
                settle(f, Map.of());
                throw raised(spec, f);
            }
            ResultReader r = new ResultReader(f.ret, w.regions());
            r.scan(spec.returnType(), 0);
            Map<Long, MemorySegment> blocks = settle(f, r.ownedBlocks());
            return r.read(spec.returnType(), 0, blocks);
        } finally {
            f.release();
        }
    }

    /**
     * The allocation-list protocol: adopt the blocks returned arrays own, free every other block and
     * then the list itself.
     */
    private static Map<Long, MemorySegment> settle(CallFrame f, Map<Long, Long> keep) {
        long count = f.ctx(Abi.CTX_ALLOC_COUNT);
        long list = f.ctx(Abi.CTX_ALLOC_LIST);
        if (list == 0 || count == 0) {
            NativeMemory.free(list);
            return Map.of();
        }
        Map<Long, MemorySegment> adopted = keep.isEmpty() ? Map.of() : new HashMap<>(4);
        Set<Long> seen = count > 1 ? new HashSet<>() : null; // a block listed twice must be freed once
        MemorySegment l = MemorySegment.ofAddress(list).reinterpret(count * Abi.SLOT);
        for (long i = 0; i < count; i++) {
            long p = l.getAtIndex(ValueLayout.JAVA_LONG, i);
            if (p == 0 || (seen != null && !seen.add(p))) continue;
            Long reach = keep.get(p);
            if (reach != null) adopted.put(p, NativeMemory.adopt(p, reach));
            else NativeMemory.free(p);
        }
        NativeMemory.free(list);
        return adopted;
    }

    private static RuntimeException raised(Specialization spec, CallFrame f) {
        long id = f.ctx(Abi.CTX_SITE);
        if (id == Abi.SITE_NO_MEMORY) {
            long bytes = f.ctx(Abi.CTX_PAYLOAD);
            return new KernelException("MemoryError", bytes < 0 ? "array is too big (its size in bytes overflows int64)"
                    : "unable to allocate " + bytes + " bytes for an array", null);
        }
        if (id == Abi.SITE_RECURSION) {
            return new KernelException("RecursionError", "maximum recursion depth exceeded (" + f.ctx(Abi.CTX_PAYLOAD)
                    + " nested calls)", null);
        }
        ErrorSite site = null;
        List<ErrorSite> sites = spec.sites();
        if (id >= 0 && id < sites.size() && sites.get((int) id).id() == id) site = sites.get((int) id);
        else for (ErrorSite e : sites) if (e.id() == id) site = e;
        if (site == null) return new IllegalStateException("kernel raised at unknown error site " + id);
        long[] payload = new long[Abi.PAYLOAD_SLOTS];
        for (int i = 0; i < payload.length; i++) payload[i] = f.ctx(Abi.CTX_PAYLOAD + i);
        KernelException e = KernelException.of(site, payload);
        long where = f.ctx(Abi.CTX_WHERE) - 1; // raised inside NumPy's prelude: report the user's call
        for (ErrorSite w : where >= 0 ? sites : List.<ErrorSite>of()) {
            if (w.id() == where) return new KernelException(e.kind(), e.message(), w.span());
        }
        return e;
    }
}
