package dev.arrayjit.codegen.llvm;

import dev.arrayjit.typeinfer.backend.CompiledUnit;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMOrcResourceTrackerRef;

/** A compile unit's native code in the JIT; {@link #close()} frees it. */
final class JitUnit implements CompiledUnit {
    private final long address;
    private final Map<String, String> dumps;
    private LLVMOrcResourceTrackerRef tracker;

    JitUnit(JitSession.Loaded loaded, Map<String, String> dumps) {
        this.address = loaded.address();
        this.tracker = loaded.tracker();
        this.dumps = Map.copyOf(dumps);
    }

    @Override public synchronized long entryAddress() {
        if (tracker == null) throw new IllegalStateException("compiled unit is closed");
        return address;
    }

    @Override public String dump(String stage) { return dumps.get(stage); }

    @Override public synchronized void close() {
        if (tracker == null) return;
        LLVMOrcResourceTrackerRef t = tracker;
        tracker = null;
        JitSession.get().remove(t);
    }
}
