package dev.arrayjit.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import dev.arrayjit.typeinfer.backend.Abi;
import dev.arrayjit.typeinfer.ir.ArithOp;
import dev.arrayjit.typeinfer.ir.CmpOp;
import dev.arrayjit.typeinfer.ir.CompileUnit;
import dev.arrayjit.typeinfer.lower.LoopVersioning;
import dev.arrayjit.typeinfer.ir.ErrorSite;
import dev.arrayjit.typeinfer.ir.Fill;
import dev.arrayjit.typeinfer.ir.MathFn;
import dev.arrayjit.typeinfer.ir.TExpr;
import dev.arrayjit.typeinfer.ir.TStmt;
import dev.arrayjit.typeinfer.ir.TypedFunction;
import dev.arrayjit.typeinfer.ir.Var;
import dev.arrayjit.typeinfer.ir.ViewIndex;
import dev.arrayjit.typeinfer.types.Layout;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Lowers a {@link CompileUnit} of typed IR to one LLVM module.
 *
 * <p>Each {@link TypedFunction} becomes an internal function
 * {@code i32 f(ptr ctx, params..., ptr result)} returning a status: 0, or 1 after a raise stored the
 * site id and payload in {@code ctx}. Parameters come in their natural LLVM form (arrays and tuples as
 * struct values); the result pointer is absent for functions returning none. Calls propagate a
 * nonzero status by returning it. The unit's entry symbol is an external wrapper following
 * {@link Abi}: it unpacks the argument slots, calls, and packs the result slots.
 *
 * <p>Locals live in allocas of the entry block (mem2reg makes them SSA). Semantics that Python and
 * Numba leave to the machine are defined here:
 * <ul>
 *   <li>integers wrap; {@code //} and {@code %} floor like Python (the remainder takes the divisor's
 *       sign); without a zero-division site, {@code x // 0 == x % 0 == 0}; {@code MIN // -1} wraps to MIN;</li>
 *   <li>shifts by a count outside {@code [0, bits)} (negative counts are huge when seen unsigned):
 *       {@code <<} gives 0, {@code >>} gives 0 or -1 by the sign (logical shifts: 0);</li>
 *   <li>{@code int ** int} squares and multiplies, wrapping exactly (Numba rounds large results
 *       through float64: its {@code 3**40} is off by 33); {@code int ** negative} follows Numba:
 *       1 for base 1, ±1 for base -1 by parity, else 0, and
 *       base 0 raises the zero-division site when there is one (else 0);</li>
 *   <li>float to integer truncates toward zero; NaN, infinities and out-of-range values give the
 *       x86 "integer indefinite" value, the minimum of the conversion width, as Numba does at run
 *       time. int64/int32 convert directly; int8/int16/uint8/uint16 convert through int32 and
 *       uint32 through int64, then wrap; uint64 converts values at or above 2^63 by offset.</li>
 * </ul>
 */
final class LlvmGenerator {
    private static final String PREFIX = "aj.";

    private final CompileUnit unit;
    private final LLVMContextRef ctx;
    private final LLVMModuleRef module;
    private final LLVMBuilderRef b;
    private final LLVMBuilderRef allocas;
    private final LlvmTypes t;
    private final VectorMath vectorMath;
    private final Map<String, Callee> functions = new HashMap<>();
    private final Map<String, Callee> declarations = new HashMap<>();
    private final List<LLVMValueRef> compilerUsed = new ArrayList<>();
    private final int profKind;
    private final int loopKind;
    private final boolean hugePages;
    private final LLVMValueRef unlikely;
    private final LLVMValueRef likely;

    /** A function and its type, as calls need both. */
    private record Callee(LLVMValueRef fn, LLVMTypeRef type) {}

    /** Where {@code continue} and {@code break} go in the innermost loop. */
    private record LoopTargets(LLVMBasicBlockRef next, LLVMBasicBlockRef exit) {}

    // ---- state of the function being generated ----
    private TypedFunction fn;
    private LLVMValueRef llfn;
    private LLVMValueRef ctxArg;
    private LLVMValueRef retArg;
    private Map<Integer, LLVMValueRef> slots;
    private final Deque<LoopTargets> loops = new ArrayDeque<>();
    private boolean fastmath;
    /** Inside the unchecked clone of a versioned loop: the proven kinds of its index expressions. */
    private IdentityHashMap<TExpr, LoopVersioning.Kind> proven;

    private LlvmGenerator(CompileUnit unit, LLVMContextRef ctx, String moduleName, HostTarget host,
                          VectorMath vectorMath) {
        this.unit = unit;
        this.ctx = ctx;
        this.module = LLVMModuleCreateWithNameInContext(moduleName, ctx);
        LLVMSetTarget(module, host.triple);
        LLVMSetDataLayout(module, host.dataLayout);
        this.b = LLVMCreateBuilderInContext(ctx);
        this.allocas = LLVMCreateBuilderInContext(ctx);
        this.t = new LlvmTypes(ctx);
        this.vectorMath = vectorMath;
        this.profKind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
        this.loopKind = LLVMGetMDKindIDInContext(ctx, "llvm.loop", 9);
        this.hugePages = host.triple.contains("linux") && !"false".equals(System.getProperty("arrayjit.hugePages"));
        this.unlikely = branchWeights(1, 2000);
        this.likely = branchWeights(2000, 1);
    }

    /**
     * Builds the module of {@code unit} in {@code ctx}; the unit's entry point is exported as
     * {@code entryName}. The caller owns the module.
     */
    static LLVMModuleRef generate(CompileUnit unit, LLVMContextRef ctx, String moduleName, String entryName,
                                  HostTarget host, VectorMath vectorMath) {
        LlvmGenerator g = new LlvmGenerator(unit, ctx, moduleName, host, vectorMath);
        try {
            for (TypedFunction f : unit.functions()) g.declare(f);
            if (!g.functions.containsKey(unit.entry().symbol())) g.declare(unit.entry());
            for (TypedFunction f : unit.functions()) g.define(f);
            if (!unit.functions().contains(unit.entry())) g.define(unit.entry());
            g.defineEntryWrapper(entryName);
            VectorMath.keep(g.module, g.t, g.compilerUsed);
            return g.module;
        } catch (RuntimeException e) {
            LLVMDisposeModule(g.module);
            throw e;
        } finally {
            LLVMDisposeBuilder(g.b);
            LLVMDisposeBuilder(g.allocas);
        }
    }

    // =====================================================================================
    // Functions
    // =====================================================================================

    private void declare(TypedFunction f) {
        if (functions.containsKey(f.symbol())) return;
        List<LLVMTypeRef> params = new ArrayList<>();
        params.add(t.ptr);
        for (Var p : f.params()) params.add(t.value(p.type()));
        boolean hasResult = !(f.returnType() instanceof Type.None);
        if (hasResult) params.add(t.ptr);
        LLVMTypeRef type = t.function(t.i32, params.toArray(LLVMTypeRef[]::new));
        LLVMValueRef fnRef = LLVMAddFunction(module, PREFIX + "k." + f.symbol(), type);
        LLVMSetLinkage(fnRef, LLVMInternalLinkage);
        Attributes.add(ctx, fnRef, Attributes.FUNCTION, "nounwind", "inlinehint");
        Attributes.add(ctx, fnRef, 1, "noalias", "nocapture", "nonnull");
        if (hasResult) Attributes.add(ctx, fnRef, params.size(), "noalias", "nocapture", "nonnull", "writeonly");
        functions.put(f.symbol(), new Callee(fnRef, type));
    }

    private void define(TypedFunction f) {
        fn = f;
        llfn = functions.get(f.symbol()).fn();
        fastmath = f.flags() != null && f.flags().fastmath();
        proven = null;
        loops.clear();
        slots = new HashMap<>();
        LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, llfn, "entry");
        LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(ctx, llfn, "body");
        LLVMPositionBuilderAtEnd(allocas, entry);
        LLVMPositionBuilderAtEnd(b, body);
        ctxArg = LLVMGetParam(llfn, 0);
        retArg = f.returnType() instanceof Type.None ? null : LLVMGetParam(llfn, 1 + f.params().size());
        for (Var v : f.locals()) slot(v);
        for (int i = 0; i < f.params().size(); i++) {
            Var p = f.params().get(i);
            LLVMSetValueName2(LLVMGetParam(llfn, 1 + i), p.name(), p.name().length());
            LLVMBuildStore(b, LLVMGetParam(llfn, 1 + i), slot(p));
        }
        statements(f.body());
        if (!terminated()) {
            // Falling off the end returns none (or a zero value where typing promised otherwise).
            if (retArg != null) LLVMBuildStore(b, LLVMConstNull(t.value(f.returnType())), retArg);
            LLVMBuildRet(b, i32(0));
        }
        LLVMBuildBr(allocas, body);
    }

    /** The variable's stack slot, created in the entry block on first use. */
    private LLVMValueRef slot(Var v) {
        return slots.computeIfAbsent(v.id(), id -> LLVMBuildAlloca(allocas, t.value(v.type()), v.name()));
    }

    private LLVMValueRef temporary(LLVMTypeRef type, String name) {
        return LLVMBuildAlloca(allocas, type, name);
    }

    /** {@code i32 entry(ptr ctx, ptr args, ptr ret)}: unpacks slots, calls the entry function, packs the result. */
    private void defineEntryWrapper(String name) {
        TypedFunction e = unit.entry();
        LLVMTypeRef type = t.function(t.i32, t.ptr, t.ptr, t.ptr);
        LLVMValueRef wrapper = LLVMAddFunction(module, name, type);
        Attributes.add(ctx, wrapper, Attributes.FUNCTION, "nounwind");
        Attributes.add(ctx, wrapper, 1, "noalias", "nocapture", "nonnull");
        Attributes.add(ctx, wrapper, 2, "noalias", "nocapture", "readonly");
        Attributes.add(ctx, wrapper, 3, "noalias", "nocapture", "writeonly");
        LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, wrapper, "entry");
        LLVMPositionBuilderAtEnd(b, entry);
        LLVMPositionBuilderAtEnd(allocas, entry);
        LLVMValueRef args = LLVMGetParam(wrapper, 1);
        LLVMValueRef ret = LLVMGetParam(wrapper, 2);
        List<LLVMValueRef> callArgs = new ArrayList<>();
        callArgs.add(LLVMGetParam(wrapper, 0));
        int[] slot = {0};
        for (Var p : e.params()) callArgs.add(readSlots(p.type(), args, slot));
        boolean hasResult = !(e.returnType() instanceof Type.None);
        LLVMValueRef result = hasResult ? LLVMBuildAlloca(b, t.value(e.returnType()), "result") : null;
        if (hasResult) callArgs.add(result);
        Callee callee = functions.get(e.symbol());
        LLVMValueRef status = call(callee, callArgs.toArray(LLVMValueRef[]::new));
        LLVMBasicBlockRef failed = LLVMAppendBasicBlockInContext(ctx, wrapper, "raised");
        LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(ctx, wrapper, "ok");
        condBr(LLVMBuildICmp(b, LLVMIntNE, status, i32(0), ""), failed, ok, unlikely);
        LLVMPositionBuilderAtEnd(b, failed);
        LLVMBuildRet(b, status);
        LLVMPositionBuilderAtEnd(b, ok);
        if (hasResult) {
            int[] out = {0};
            writeSlots(e.returnType(), LLVMBuildLoad2(b, t.value(e.returnType()), result, ""), ret, out);
        }
        LLVMBuildRet(b, i32(0));
    }

    private LLVMValueRef slotAddress(LLVMValueRef base, int slot) {
        return slot == 0 ? base : gep(t.i8, base, i64((long) slot * Abi.SLOT));
    }

    private LLVMValueRef readSlots(Type type, LLVMValueRef base, int[] slot) {
        switch (type) {
            case Type.Bool bool -> {
                LLVMValueRef byteValue = LLVMBuildLoad2(b, t.i8, slotAddress(base, slot[0]++), "");
                return LLVMBuildICmp(b, LLVMIntNE, byteValue, LLVMConstInt(t.i8, 0, 0), "");
            }
            case Type.Int i -> { return LLVMBuildLoad2(b, t.value(i), slotAddress(base, slot[0]++), ""); }
            case Type.Float f -> { return LLVMBuildLoad2(b, t.value(f), slotAddress(base, slot[0]++), ""); }
            case Type.Complex c -> {
                LLVMTypeRef part = t.floatType(c.bits() / 2);
                LLVMValueRef re = LLVMBuildLoad2(b, part, slotAddress(base, slot[0]++), "");
                LLVMValueRef im = LLVMBuildLoad2(b, part, slotAddress(base, slot[0]++), "");
                return aggregate(t.value(c), re, im);
            }
            case Type.Array a -> {
                LLVMValueRef meminfo = LLVMBuildLoad2(b, t.ptr, slotAddress(base, slot[0]++), "");
                LLVMValueRef data = LLVMBuildLoad2(b, t.ptr, slotAddress(base, slot[0]++), "");
                LLVMValueRef[] extents = new LLVMValueRef[a.ndim()];
                LLVMValueRef[] strides = new LLVMValueRef[a.ndim()];
                for (int k = 0; k < a.ndim(); k++) extents[k] = LLVMBuildLoad2(b, t.i64, slotAddress(base, slot[0]++), "");
                for (int k = 0; k < a.ndim(); k++) strides[k] = LLVMBuildLoad2(b, t.i64, slotAddress(base, slot[0]++), "");
                return arrayValue(a.ndim(), meminfo, data, extents, strides);
            }
            case Type.Tuple tu -> {
                LLVMValueRef[] parts = new LLVMValueRef[tu.elements().size()];
                for (int k = 0; k < parts.length; k++) parts[k] = readSlots(tu.elements().get(k), base, slot);
                return aggregate(t.value(tu), parts);
            }
            case Type.None n -> { return LLVMConstNull(t.none); }
            case Type.ListOf l -> throw ice("list parameters of an entry point are not supported");
            case Type.Optional o -> {
                LLVMValueRef present = readSlots(Types.BOOL, base, slot);
                LLVMValueRef value = readSlots(o.type(), base, slot);
                return aggregate(t.value(o), present, value);
            }
        }
    }

    private void writeSlots(Type type, LLVMValueRef value, LLVMValueRef base, int[] slot) {
        switch (type) {
            case Type.Bool bool -> LLVMBuildStore(b, LLVMBuildZExt(b, value, t.i8, ""), slotAddress(base, slot[0]++));
            case Type.Int i -> LLVMBuildStore(b, value, slotAddress(base, slot[0]++));
            case Type.Float f -> LLVMBuildStore(b, value, slotAddress(base, slot[0]++));
            case Type.Complex c -> {
                LLVMBuildStore(b, extract(value, 0), slotAddress(base, slot[0]++));
                LLVMBuildStore(b, extract(value, 1), slotAddress(base, slot[0]++));
            }
            case Type.Array a -> {
                LLVMBuildStore(b, extract(value, 0), slotAddress(base, slot[0]++));
                LLVMBuildStore(b, extract(value, 1), slotAddress(base, slot[0]++));
                for (int k = 0; k < a.ndim(); k++) LLVMBuildStore(b, extract(value, 2, k), slotAddress(base, slot[0]++));
                for (int k = 0; k < a.ndim(); k++) LLVMBuildStore(b, extract(value, 3, k), slotAddress(base, slot[0]++));
            }
            case Type.Tuple tu -> {
                for (int k = 0; k < tu.elements().size(); k++) writeSlots(tu.elements().get(k), extract(value, k), base, slot);
            }
            case Type.None n -> { }
            case Type.ListOf l -> writeSlots(new Type.Array(l.element(), 1, Layout.C, false), listItems(value, l), base, slot);
            case Type.Optional o -> {
                writeSlots(Types.BOOL, extract(value, 0), base, slot);
                writeSlots(o.type(), extract(value, 1), base, slot);
            }
        }
    }

    // =====================================================================================
    // Statements
    // =====================================================================================

    private void statements(List<TStmt> list) {
        for (TStmt s : list) {
            if (terminated()) return; // code after return/break/continue/raise is dead
            statement(s);
        }
    }

    private void statement(TStmt s) {
        switch (s) {
            case TStmt.Assign a -> LLVMBuildStore(b, cast(expr(a.value()), a.value().type(), a.var().type()), slot(a.var()));
            case TStmt.Store st -> store(st);
            case TStmt.Eval e -> expr(e.value());
            case TStmt.If i -> ifStatement(i);
            case TStmt.While w -> whileLoop(w);
            case TStmt.ForRange f -> forRange(f);
            case TStmt.Break br -> LLVMBuildBr(b, innermostLoop().exit());
            case TStmt.Continue c -> LLVMBuildBr(b, innermostLoop().next());
            case TStmt.Return r -> {
                if (r.value() != null) {
                    LLVMValueRef v = expr(r.value());
                    if (retArg != null) LLVMBuildStore(b, cast(v, r.value().type(), fn.returnType()), retArg);
                } else if (retArg != null) {
                    LLVMBuildStore(b, cast(LLVMConstNull(t.none), Types.NONE, fn.returnType()), retArg);
                }
                LLVMBuildRet(b, i32(0));
            }
            case TStmt.Raise r -> {
                LLVMValueRef[] payload = new LLVMValueRef[r.payload().size()];
                for (int k = 0; k < payload.length; k++) payload[k] = expr(r.payload().get(k));
                raise(r.site().id(), payload);
            }
            case TStmt.ArrayAssign a -> throw ice("array assignment reached code generation unlowered");
            case TStmt.Release r -> call(releaseHelper(), ctxArg, extract(expr(r.array()), 0));
            case TStmt.ParallelChunks p -> parallelChunks(p);
            case TStmt.ParallelRange p -> throw ice("parallel loop reached code generation without outlining");
            case TStmt.ListResize r -> {
                Type.ListOf lt = (Type.ListOf) r.list().type();
                LLVMValueRef list = expr(r.list());
                LLVMValueRef length = expr(r.length());
                LLVMValueRef ok = call(listResizeHelper(), ctxArg, list, length, i64(Types.sizeOf(lt.element())));
                raiseIf(LLVMBuildNot(b, ok, ""), Abi.SITE_NO_MEMORY, LLVMBuildMul(b, length, i64(Types.sizeOf(lt.element())), ""));
            }
        }
    }

    private LoopTargets innermostLoop() {
        if (loops.isEmpty()) throw ice("break/continue outside a loop");
        return loops.peek();
    }

    private void ifStatement(TStmt.If s) {
        LLVMValueRef cond = expr(s.cond());
        LLVMBasicBlockRef thenBlock = block("if.then");
        LLVMBasicBlockRef elseBlock = s.orElse().isEmpty() ? null : block("if.else");
        LLVMBasicBlockRef end = block("if.end");
        LLVMBuildCondBr(b, cond, thenBlock, elseBlock != null ? elseBlock : end);
        LLVMPositionBuilderAtEnd(b, thenBlock);
        statements(s.then());
        boolean reachable = elseBlock == null;
        if (!terminated()) { LLVMBuildBr(b, end); reachable = true; }
        if (elseBlock != null) {
            LLVMPositionBuilderAtEnd(b, elseBlock);
            statements(s.orElse());
            if (!terminated()) { LLVMBuildBr(b, end); reachable = true; }
        }
        if (reachable) LLVMPositionBuilderAtEnd(b, end);
        else LLVMDeleteBasicBlock(end); // both branches left: the builder stays in a terminated block
    }

    private void whileLoop(TStmt.While w) {
        LLVMBasicBlockRef head = block("while.cond");
        LLVMBasicBlockRef body = block("while.body");
        LLVMBasicBlockRef latch = block("while.next");
        LLVMBasicBlockRef exit = block("while.end");
        LLVMBuildBr(b, head);
        LLVMPositionBuilderAtEnd(b, head);
        LLVMBuildCondBr(b, expr(w.cond()), body, exit);
        LLVMPositionBuilderAtEnd(b, body);
        loops.push(new LoopTargets(latch, exit)); // one back edge, which carries the loop metadata
        statements(w.body());
        loops.pop();
        if (!terminated()) LLVMBuildBr(b, latch);
        LLVMPositionBuilderAtEnd(b, latch);
        loopLatch(LLVMBuildBr(b, head));
        LLVMPositionBuilderAtEnd(b, exit);
    }

    /**
     * {@code for index in range(start, stop, step)} as a canonical counted loop: the trip count is
     * computed up front, {@code k} runs over {@code [0, trip)} and {@code index = start + k*step}.
     * When {@link LoopVersioning} qualifies the loop, a pre-check selects an unchecked clone.
     */
    private void forRange(TStmt.ForRange f) {
        LLVMValueRef start = expr(f.start());
        LLVMValueRef stop = expr(f.stop());
        LLVMValueRef step = expr(f.step());
        LLVMValueRef zero = i64(0);
        if (f.zeroStep() != null) raiseIf(LLVMBuildICmp(b, LLVMIntEQ, step, zero, ""), f.zeroStep());
        LLVMValueRef up = LLVMBuildICmp(b, LLVMIntSGT, step, zero, "");
        LLVMValueRef nonEmpty = select(up, LLVMBuildICmp(b, LLVMIntSLT, start, stop, ""),
                LLVMBuildICmp(b, LLVMIntSGT, start, stop, ""));
        // As unsigned numbers the distance and the step's magnitude are exact even for extreme ranges.
        LLVMValueRef distance = select(up, LLVMBuildSub(b, stop, start, ""), LLVMBuildSub(b, start, stop, ""));
        LLVMValueRef magnitude = select(up, step, LLVMBuildSub(b, zero, step, ""));
        magnitude = intrinsic("llvm.umax", t.i64, magnitude, i64(1));
        LLVMValueRef trips = LLVMBuildAdd(b, LLVMBuildUDiv(b, LLVMBuildSub(b, distance, i64(1), ""), magnitude, ""), i64(1), "");
        LLVMValueRef trip = select(nonEmpty, trips, zero);
        LLVMSetValueName2(trip, "trip", 4);

        LLVMBasicBlockRef pre = block("for.pre");
        LLVMBasicBlockRef exit = block("for.end");
        LLVMBuildCondBr(b, nonEmpty, pre, exit);
        LLVMPositionBuilderAtEnd(b, pre);
        LoopVersioning.Plan plan = proven == null ? LoopVersioning.analyze(f) : null;
        if (plan != null) {
            LLVMValueRef last = LLVMBuildAdd(b, start, LLVMBuildMul(b, LLVMBuildSub(b, trip, i64(1), ""), step, ""), "");
            LLVMValueRef inBounds = precheck(plan, start, last);
            LLVMBasicBlockRef fast = block("for.unchecked");
            LLVMBasicBlockRef checked = block("for.checked");
            condBr(inBounds, fast, checked, likely);
            LLVMPositionBuilderAtEnd(b, fast);
            proven = plan.kinds();
            countedLoop(f, start, step, trip, exit);
            proven = null;
            LLVMPositionBuilderAtEnd(b, checked);
        }
        countedLoop(f, start, step, trip, exit);
        LLVMPositionBuilderAtEnd(b, exit);
    }

    private void countedLoop(TStmt.ForRange f, LLVMValueRef start, LLVMValueRef step, LLVMValueRef trip,
                             LLVMBasicBlockRef exit) {
        LLVMValueRef counter = temporary(t.i64, "k");
        LLVMBuildStore(b, i64(0), counter);
        LLVMBasicBlockRef body = block("for.body");
        LLVMBasicBlockRef latch = block("for.next");
        LLVMBuildBr(b, body);
        LLVMPositionBuilderAtEnd(b, body);
        LLVMValueRef k = LLVMBuildLoad2(b, t.i64, counter, "");
        LLVMBuildStore(b, LLVMBuildAdd(b, start, LLVMBuildMul(b, k, step, ""), ""), slot(f.index()));
        loops.push(new LoopTargets(latch, exit));
        statements(f.body());
        loops.pop();
        if (!terminated()) LLVMBuildBr(b, latch);
        LLVMPositionBuilderAtEnd(b, latch);
        LLVMValueRef next = LLVMBuildNUWAdd(b, LLVMBuildLoad2(b, t.i64, counter, ""), i64(1), "");
        LLVMBuildStore(b, next, counter);
        loopLatch(LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, next, trip, ""), body, exit));
    }

    /**
     * Marks the back edge of a loop with {@code llvm.loop.unroll.runtime.disable}. With a host
     * TargetMachine whose scheduling model has a large loop buffer (Zen 3/4/5: 512 ops), LLVM's generic
     * unroller runtime-unrolls every innermost loop that stays scalar 8 times. That gains nothing on
     * these wide out-of-order cores and costs a lot where the body keeps a data-dependent branch: the 8
     * copies of the branch each train their own predictor entries (bubble sort: 2.8x slower), and a
     * strided, latency-bound reduction got 15-20% slower (naive matmul). Numba's LLVM sees a "generic" host CPU and
     * gcc -O3 does not unroll either. Vectorized loops are unaffected (the vectorizer interleaves them
     * itself), as are full unrolling of constant trip counts and partial unrolling of known ones.
     */
    private void loopLatch(LLVMValueRef backEdge) {
        LLVMMetadataRef self = LLVMTemporaryMDNode(ctx, (PointerPointer<?>) null, 0);
        LLVMMetadataRef noRuntimeUnroll;
        try (PointerPointer<LLVMMetadataRef> pp = Llvm.array(
                LLVMMDStringInContext2(ctx, "llvm.loop.unroll.runtime.disable", 32))) {
            noRuntimeUnroll = LLVMMDNodeInContext2(ctx, pp, 1);
        }
        LLVMMetadataRef id;
        try (PointerPointer<LLVMMetadataRef> pp = Llvm.array(self, noRuntimeUnroll)) {
            id = LLVMMDNodeInContext2(ctx, pp, 2);
        }
        LLVMMetadataReplaceAllUsesWith(self, id); // the loop id refers to itself, so each loop has its own
        LLVMSetMetadata(backEdge, loopKind, LLVMMetadataAsValue(ctx, id));
    }

    /** True when every access of the plan is in bounds for every index value in [first, last] (either order). */
    private LLVMValueRef precheck(LoopVersioning.Plan plan, LLVMValueRef first, LLVMValueRef last) {
        LLVMValueRef ok = LLVMConstInt(t.i1, 1, 0);
        for (LoopVersioning.Access access : plan.accesses()) {
            LLVMValueRef array = LLVMBuildLoad2(b, t.value(access.array().type()), slot(access.array()), "");
            for (int axis = 0; axis < access.indices().size(); axis++) {
                TExpr index = access.indices().get(axis);
                LLVMValueRef extent = extract(array, 2, axis);
                if (plan.kinds().get(index) == LoopVersioning.Kind.INVARIANT) {
                    LLVMValueRef wrapped = wrapIndex(expr(index), extent);
                    ok = LLVMBuildAnd(b, ok, LLVMBuildICmp(b, LLVMIntULT, wrapped, extent, ""), "");
                } else {
                    LLVMValueRef[] a = affineAt(plan, index, first);
                    LLVMValueRef[] z = affineAt(plan, index, last);
                    LLVMValueRef lo = intrinsic("llvm.smin", t.i64, a[0], z[0]);
                    LLVMValueRef hi = intrinsic("llvm.smax", t.i64, a[0], z[0]);
                    LLVMValueRef fits = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntSGE, lo, i64(0), ""),
                            LLVMBuildICmp(b, LLVMIntSLT, hi, extent, ""), "");
                    LLVMValueRef overflow = LLVMBuildOr(b, a[1], z[1], "");
                    ok = LLVMBuildAnd(b, ok, LLVMBuildAnd(b, fits, LLVMBuildNot(b, overflow, ""), ""), "");
                }
            }
        }
        return ok;
    }

    /** {value, overflowed} of an affine index expression at one value of the loop index. */
    private LLVMValueRef[] affineAt(LoopVersioning.Plan plan, TExpr e, LLVMValueRef iv) {
        if (plan.kinds().get(e) == LoopVersioning.Kind.INVARIANT) return new LLVMValueRef[] {expr(e), LLVMConstInt(t.i1, 0, 0)};
        return switch (e) {
            case TExpr.Load l when l.var().id() == plan.index().id() -> new LLVMValueRef[] {iv, LLVMConstInt(t.i1, 0, 0)};
            case TExpr.Binary bin -> {
                LLVMValueRef[] l = affineAt(plan, bin.left(), iv);
                LLVMValueRef[] r = affineAt(plan, bin.right(), iv);
                String op = switch (bin.op()) {
                    case ADD -> "llvm.sadd.with.overflow";
                    case SUB -> "llvm.ssub.with.overflow";
                    case MUL -> "llvm.smul.with.overflow";
                    default -> throw ice("not affine: " + bin.op());
                };
                LLVMValueRef pair = intrinsic(op, t.i64, l[0], r[0]);
                yield new LLVMValueRef[] {extract(pair, 0), LLVMBuildOr(b, LLVMBuildOr(b, l[1], r[1], ""), extract(pair, 1), "")};
            }
            case TExpr.Unary u -> {
                LLVMValueRef[] x = affineAt(plan, u.operand(), iv);
                LLVMValueRef pair = intrinsic("llvm.ssub.with.overflow", t.i64, i64(0), x[0]);
                yield new LLVMValueRef[] {extract(pair, 0), LLVMBuildOr(b, x[1], extract(pair, 1), "")};
            }
            default -> throw ice("not affine: " + e);
        };
    }

    private void store(TStmt.Store s) {
        LLVMValueRef value = expr(s.value()); // Python evaluates the right-hand side first
        Type.Array type = (Type.Array) s.array().type();
        LLVMValueRef address = elementAddress(expr(s.array()), type, s.indices(), s.outOfBounds());
        Type dtype = type.dtype();
        value = cast(value, s.value().type(), dtype);
        if (dtype instanceof Type.Bool) value = LLVMBuildZExt(b, value, t.i8, "");
        LLVMSetAlignment(LLVMBuildStore(b, value, address), LlvmTypes.elementAlign(dtype));
    }

    // =====================================================================================
    // Expressions
    // =====================================================================================

    private LLVMValueRef expr(TExpr e) {
        return switch (e) {
            case TExpr.Const c -> constant(c.type(), c.value());
            case TExpr.Load l -> LLVMBuildLoad2(b, t.value(l.var().type()), slot(l.var()), "");
            case TExpr.ConstArray c -> constArray(c);
            case TExpr.Cast c -> cast(expr(c.value()), c.value().type(), c.type());
            case TExpr.Binary bin -> binary(bin);
            case TExpr.Compare c -> compare(c.op(), expr(c.left()), expr(c.right()), c.left().type());
            case TExpr.Unary u -> unary(u);
            case TExpr.Truth tr -> truth(expr(tr.value()), tr.value().type());
            case TExpr.MakeComplex m -> aggregate(t.value(m.type()), expr(m.re()), expr(m.im()));
            case TExpr.ComplexPart p -> extract(expr(p.value()), p.imag() ? 1 : 0);
            case TExpr.IsNone n -> {
                LLVMValueRef v = expr(n.value());
                yield n.value().type() instanceof Type.Optional ? LLVMBuildNot(b, extract(v, 0), "") : LLVMConstInt(t.i1, 1, 0);
            }
            case TExpr.Logical l -> logical(l);
            case TExpr.Select s -> conditional(s);
            case TExpr.MathCall m -> mathCall(m);
            case TExpr.Call c -> callFunction(c);
            case TExpr.ArrayLoad a -> arrayLoad(a);
            case TExpr.ArrayDim d -> extract(expr(d.array()), 2, d.axis());
            case TExpr.ArrayStride d -> extract(expr(d.array()), 3, d.axis());
            case TExpr.ArraySize s -> arraySize(expr(s.array()), ((Type.Array) s.array().type()).ndim());
            case TExpr.AllocArray a -> allocArray(a);
            case TExpr.MakeTuple m -> {
                LLVMValueRef[] parts = new LLVMValueRef[m.elements().size()];
                for (int k = 0; k < parts.length; k++) {
                    TExpr el = m.elements().get(k);
                    parts[k] = cast(expr(el), el.type(), m.type().elements().get(k));
                }
                yield aggregate(t.value(m.type()), parts);
            }
            case TExpr.TupleGet g -> extract(expr(g.tuple()), g.index());
            case TExpr.View v -> view(v);
            case TExpr.Transpose tr -> transpose(tr);
            case TExpr.Reshape r -> reshape(r);
            case TExpr.BroadcastTo bt -> broadcastTo(bt);
            case TExpr.Overlaps o -> overlaps(o);
            case TExpr.Print p -> {
                for (int k = 0; k < p.values().size(); k++) {
                    TExpr v = p.values().get(k);
                    if (v instanceof TExpr.Const c && c.value() instanceof String text) printText(text);
                    else printValue(expr(v), v.type());
                }
                printText(p.end());
                printPiece(Abi.PRINT_END, i64(0), LLVMConstNull(t.ptr));
                yield LLVMConstNull(t.none);
            }
            case TExpr.RandomState r -> {
                // A view of the thread's state block: the runtime keeps it alive and owns it.
                LLVMValueRef block = LLVMBuildLoad2(b, t.ptr, ctxSlot(b, ctxArg, Abi.CTX_RANDOM), "");
                LLVMValueRef data = gep(t.i8, block, i64((r.python() ? Abi.RANDOM_PYTHON : 0) + r.part().offset));
                yield arrayValue(1, LLVMConstNull(t.ptr), data, new LLVMValueRef[] {i64(r.part().length)},
                        new LLVMValueRef[] {i64(Types.sizeOf(r.part().dtype))});
            }
            case TExpr.Fail f -> {
                LLVMValueRef[] payload = new LLVMValueRef[f.payload().size()];
                for (int k = 0; k < payload.length; k++) payload[k] = expr(f.payload().get(k));
                raise(f.site().id(), payload);
                LLVMPositionBuilderAtEnd(b, block("after.fail")); // unreachable: the value is never used
                yield LLVMGetUndef(t.value(f.type()));
            }
            case TExpr.MatMul m -> throw ice("matrix product reached code generation unlowered");
            case TExpr.Block bl -> throw ice("statement block reached code generation unlowered");
            case TExpr.ListNew l -> listNew(l);
            case TExpr.FloatBits f -> {
                LLVMValueRef v = expr(f.value());
                if (((Type.Float) f.value().type()).bits() == 32) v = LLVMBuildFPExt(b, v, t.f64, "");
                yield LLVMBuildBitCast(b, v, t.i64, "");
            }
            case TExpr.Let l -> {
                LLVMBuildStore(b, expr(l.value()), slot(l.var()));
                yield expr(l.body());
            }
            case TExpr.GpuIndex g -> throw gpuOnly(g);
            case TExpr.GpuArray g -> throw gpuOnly(g);
            case TExpr.GpuBarrier g -> throw gpuOnly(g);
            case TExpr.GpuAtomic g -> throw gpuOnly(g);
            case TExpr.ThreadCount c -> {
                LLVMValueRef n = LLVMBuildLoad2(b, t.i64, ctxSlot(b, ctxArg, Abi.CTX_THREADS), "threads");
                yield select(LLVMBuildICmp(b, LLVMIntSLT, n, i64(1), ""), i64(1), n);
            }
            case TExpr.ListLen l -> LLVMBuildLoad2(b, t.i64, expr(l.list()), "list.len");
            case TExpr.ListItems l -> listItems(expr(l.list()), (Type.ListOf) l.list().type());
            case TExpr.Concat c -> throw ice("concatenation reached code generation unlowered");
            case TExpr.Generate g -> throw ice("generated array reached code generation unlowered");
            case TExpr.ElementWise w -> throw ice("element-wise expression reached code generation unlowered");
            case TExpr.Reduce r -> throw ice("reduction reached code generation unlowered");
        };
    }

    private LLVMValueRef constant(Type type, Object value) {
        return switch (type) {
            case Type.Bool bool -> LLVMConstInt(t.i1, truthy(value) ? 1 : 0, 0);
            case Type.Int i -> constInt(i.bits(), value instanceof Boolean z ? (z ? 1 : 0) : ((Number) value).longValue());
            case Type.Float f -> LLVMConstReal(t.value(f), number(value));
            case Type.Complex c -> {
                LLVMTypeRef part = t.floatType(c.bits() / 2);
                double re = value instanceof double[] d ? d[0] : number(value);
                double im = value instanceof double[] d ? d[1] : 0.0;
                yield constStruct(LLVMConstReal(part, re), LLVMConstReal(part, im));
            }
            case Type.None n -> LLVMConstNull(t.none);
            case Type.Optional o -> value == null ? LLVMConstNull(t.value(o))
                    : constStruct(LLVMConstInt(t.i1, 1, 0), constant(o.type(), value));
            case Type.Tuple tu -> {
                List<?> items = (List<?>) value;
                LLVMValueRef[] parts = new LLVMValueRef[items.size()];
                for (int k = 0; k < parts.length; k++) parts[k] = constant(tu.elements().get(k), items.get(k));
                yield constStruct(parts);
            }
            case Type.ListOf l -> throw ice("list constant");
            case Type.Array a -> throw ice("array constant");
        };
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean z ? z : v instanceof Number n && n.doubleValue() != 0;
    }

    private static double number(Object v) {
        return v instanceof Boolean z ? (z ? 1 : 0) : ((Number) v).doubleValue();
    }

    // ---- conversions ----

    /**
     * Converts a value: the numeric conversions of {@link TExpr.Cast}, and the implicit ones typing
     * leaves to assignments, returns and calls (into optionals, array views, tuples element-wise).
     */
    private LLVMValueRef cast(LLVMValueRef v, Type from, Type to) {
        if (from.equals(to)) return v;
        if (to instanceof Type.Optional o) {
            if (from instanceof Type.None) return LLVMConstNull(t.value(o));
            if (from instanceof Type.Optional fo) {
                return aggregate(t.value(o), extract(v, 0), cast(extract(v, 1), fo.type(), o.type()));
            }
            return aggregate(t.value(o), LLVMConstInt(t.i1, 1, 0), cast(v, from, o.type()));
        }
        if (from instanceof Type.Optional fo) return cast(extract(v, 1), fo.type(), to);
        if (to instanceof Type.Bool) return truth(v, from);
        if (from instanceof Type.Array && to instanceof Type.Array) return v; // layout/readonly views
        if (from instanceof Type.Tuple ft && to instanceof Type.Tuple tt && ft.elements().size() == tt.elements().size()) {
            LLVMValueRef[] parts = new LLVMValueRef[tt.elements().size()];
            for (int k = 0; k < parts.length; k++) parts[k] = cast(extract(v, k), ft.elements().get(k), tt.elements().get(k));
            return aggregate(t.value(tt), parts);
        }
        if (to instanceof Type.Complex c) {
            LLVMTypeRef part = t.floatType(c.bits() / 2);
            Type.Float partType = new Type.Float(c.bits() / 2);
            if (from instanceof Type.Complex fc) {
                Type.Float fromPart = new Type.Float(fc.bits() / 2);
                return aggregate(t.value(c), cast(extract(v, 0), fromPart, partType), cast(extract(v, 1), fromPart, partType));
            }
            return aggregate(t.value(c), cast(v, from, partType), LLVMConstReal(part, 0));
        }
        if (from instanceof Type.Complex fc) return cast(extract(v, 0), new Type.Float(fc.bits() / 2), to);
        LLVMTypeRef target = t.value(to);
        return switch (from) {
            case Type.Bool bool -> to instanceof Type.Float ? LLVMBuildUIToFP(b, v, target, "") : LLVMBuildZExt(b, v, target, "");
            case Type.Int i when to instanceof Type.Int ti -> {
                if (ti.bits() < i.bits()) yield LLVMBuildTrunc(b, v, target, "");
                if (ti.bits() == i.bits()) yield v;
                yield i.signed() ? LLVMBuildSExt(b, v, target, "") : LLVMBuildZExt(b, v, target, "");
            }
            case Type.Int i when to instanceof Type.Float -> i.signed() ? LLVMBuildSIToFP(b, v, target, "") : LLVMBuildUIToFP(b, v, target, "");
            case Type.Float f when to instanceof Type.Float tf ->
                    tf.bits() > f.bits() ? LLVMBuildFPExt(b, v, target, "") : LLVMBuildFPTrunc(b, v, target, "");
            case Type.Float f when to instanceof Type.Int ti -> floatToInt(v, f.bits(), ti);
            default -> throw ice("cast " + from + " -> " + to);
        };
    }

    /** Float to integer with x86's run-time results everywhere (see the class comment). */
    private LLVMValueRef floatToInt(LLVMValueRef x, int floatBits, Type.Int to) {
        if (to.bits() == 64 && !to.signed()) {
            LLVMValueRef two63 = LLVMConstReal(t.floatType(floatBits), 0x1p63);
            LLVMValueRef high = LLVMBuildFCmp(b, LLVMRealOGE, x, two63, "");
            LLVMValueRef low = toSigned(x, floatBits, 64);
            LLVMValueRef offset = LLVMBuildXor(b, toSigned(LLVMBuildFSub(b, x, two63, ""), floatBits, 64), i64(Long.MIN_VALUE), "");
            return select(high, offset, low);
        }
        int width = to.bits() == 64 ? 64 : to.bits() == 32 && !to.signed() ? 64 : 32;
        LLVMValueRef wide = toSigned(x, floatBits, width);
        return to.bits() == width ? wide : LLVMBuildTrunc(b, wide, t.intType(to.bits()), "");
    }

    /** fptosi to {@code width} bits where defined, else the minimum of that width (never poison). */
    private LLVMValueRef toSigned(LLVMValueRef x, int floatBits, int width) {
        LLVMTypeRef ft = t.floatType(floatBits);
        double bound = Math.scalb(1.0, width - 1);
        LLVMValueRef inRange = LLVMBuildAnd(b, LLVMBuildFCmp(b, LLVMRealOGE, x, LLVMConstReal(ft, -bound), ""),
                LLVMBuildFCmp(b, LLVMRealOLT, x, LLVMConstReal(ft, bound), ""), "");
        LLVMTypeRef it = t.intType(width);
        return select(inRange, LLVMBuildFPToSI(b, x, it, ""), LLVMConstInt(it, 1L << (width - 1), 0));
    }

    /** {@code value != 0} (Python truth) of a scalar or optional. */
    private LLVMValueRef truth(LLVMValueRef v, Type type) {
        return switch (type) {
            case Type.Bool bool -> v;
            case Type.Int i -> LLVMBuildICmp(b, LLVMIntNE, v, LLVMConstNull(t.value(i)), "");
            case Type.Float f -> LLVMBuildFCmp(b, LLVMRealUNE, v, LLVMConstNull(t.value(f)), "");
            case Type.Complex c -> {
                LLVMValueRef zero = LLVMConstNull(t.floatType(c.bits() / 2));
                yield LLVMBuildOr(b, LLVMBuildFCmp(b, LLVMRealUNE, extract(v, 0), zero, ""),
                        LLVMBuildFCmp(b, LLVMRealUNE, extract(v, 1), zero, ""), "");
            }
            case Type.Optional o -> LLVMBuildAnd(b, extract(v, 0), truth(extract(v, 1), o.type()), "");
            case Type.None n -> LLVMConstInt(t.i1, 0, 0);
            case Type.Tuple tu -> LLVMConstInt(t.i1, tu.elements().isEmpty() ? 0 : 1, 0);
            case Type.Array a -> throw ice("truth of an array");
            case Type.ListOf l -> LLVMBuildICmp(b, LLVMIntNE, LLVMBuildLoad2(b, t.i64, v, "list.len"), i64(0), "");
        };
    }

    // ---- arithmetic ----

    private LLVMValueRef binary(TExpr.Binary e) {
        LLVMValueRef l = expr(e.left());
        LLVMValueRef r = expr(e.right());
        return switch (e.type()) {
            case Type.Int i -> integerBinary(e, l, r, i);
            case Type.Bool bool -> switch (e.op()) {
                case BITAND -> LLVMBuildAnd(b, l, r, "");
                case BITOR -> LLVMBuildOr(b, l, r, "");
                case BITXOR -> LLVMBuildXor(b, l, r, "");
                default -> throw ice("bool " + e.op());
            };
            case Type.Float f -> floatBinary(e, l, r, f);
            case Type.Complex c -> complexBinary(e, l, r, c);
            default -> throw ice("binary on " + e.type());
        };
    }

    private LLVMValueRef integerBinary(TExpr.Binary e, LLVMValueRef l, LLVMValueRef r, Type.Int type) {
        return switch (e.op()) {
            case ADD -> LLVMBuildAdd(b, l, r, "");
            case SUB -> LLVMBuildSub(b, l, r, "");
            case MUL -> LLVMBuildMul(b, l, r, "");
            case BITAND -> LLVMBuildAnd(b, l, r, "");
            case BITOR -> LLVMBuildOr(b, l, r, "");
            case BITXOR -> LLVMBuildXor(b, l, r, "");
            case FLOORDIV, MOD -> integerDivision(e.op(), l, r, type, e.zeroDivision());
            case POW -> integerPower(e, l, r, type);
            case LSHIFT, RSHIFT -> shift(e.op(), l, r, type, e.right().type());
            case DIV -> throw ice("integer true division (typing casts / operands to float)");
        };
    }

    /** Python's {@code //} and {@code %}: floor quotient, remainder with the divisor's sign. */
    private LLVMValueRef integerDivision(ArithOp op, LLVMValueRef a, LLVMValueRef d, Type.Int type, ErrorSite site) {
        LLVMTypeRef it = t.value(type);
        LLVMValueRef zero = LLVMConstNull(it);
        LLVMValueRef one = LLVMConstInt(it, 1, 0);
        LLVMValueRef isZero = LLVMBuildICmp(b, LLVMIntEQ, d, zero, "");
        if (site != null) raiseIf(isZero, site);
        if (!type.signed()) {
            LLVMValueRef safe = site != null ? d : select(isZero, one, d);
            if (op == ArithOp.MOD) return LLVMBuildURem(b, a, safe, ""); // x % 0 -> x % 1 == 0
            LLVMValueRef q = LLVMBuildUDiv(b, a, safe, "");
            return site != null ? q : select(isZero, zero, q);
        }
        // d == -1 would overflow for MIN: divide by 1 and negate (wrapping) instead.
        LLVMValueRef minusOne = LLVMBuildICmp(b, LLVMIntEQ, d, LLVMConstAllOnes(it), "");
        LLVMValueRef awkward = site != null ? minusOne : LLVMBuildOr(b, minusOne, isZero, "");
        LLVMValueRef safe = select(awkward, one, d);
        LLVMValueRef q = LLVMBuildSDiv(b, a, safe, "");
        LLVMValueRef rem = LLVMBuildSRem(b, a, safe, "");
        // Floor: when the remainder is nonzero and its sign differs from the divisor's.
        LLVMValueRef adjust = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, rem, zero, ""),
                LLVMBuildICmp(b, LLVMIntSLT, LLVMBuildXor(b, rem, d, ""), zero, ""), "");
        if (op == ArithOp.MOD) return LLVMBuildAdd(b, rem, select(adjust, d, zero), "");
        q = select(minusOne, LLVMBuildSub(b, zero, a, ""), q);
        q = LLVMBuildSub(b, q, LLVMBuildZExt(b, adjust, it, ""), "");
        return site != null ? q : select(isZero, zero, q);
    }

    /** Shifts with a defined result for every count (see the class comment). */
    private LLVMValueRef shift(ArithOp op, LLVMValueRef a, LLVMValueRef count, Type.Int type, Type countType) {
        int bits = type.bits();
        LLVMValueRef c64 = count;
        int countBits = countType instanceof Type.Int ci ? ci.bits() : 1;
        boolean countSigned = countType instanceof Type.Int ci && ci.signed();
        if (countBits < 64) c64 = countSigned ? LLVMBuildSExt(b, count, t.i64, "") : LLVMBuildZExt(b, count, t.i64, "");
        LLVMValueRef tooBig = LLVMBuildICmp(b, LLVMIntUGT, c64, i64(bits - 1), "");
        LLVMValueRef c = intrinsic("llvm.umin", t.i64, c64, i64(bits - 1));
        if (bits < 64) c = LLVMBuildTrunc(b, c, t.intType(bits), "");
        LLVMValueRef zero = LLVMConstNull(t.intType(bits));
        if (op == ArithOp.LSHIFT) return select(tooBig, zero, LLVMBuildShl(b, a, c, ""));
        if (type.signed()) return LLVMBuildAShr(b, a, c, ""); // count clamped to bits-1: sign fill
        return select(tooBig, zero, LLVMBuildLShr(b, a, c, ""));
    }

    private LLVMValueRef integerPower(TExpr.Binary e, LLVMValueRef base, LLVMValueRef exponent, Type.Int type) {
        if (e.right() instanceof TExpr.Const c && c.value() instanceof Number n && n.longValue() >= 0 && n.longValue() <= 64) {
            return powerByConstant(base, n.longValue(), type);
        }
        LLVMTypeRef it = t.value(type);
        if (type.signed() && e.zeroDivision() != null) {
            LLVMValueRef zeroToNegative = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, base, LLVMConstNull(it), ""),
                    LLVMBuildICmp(b, LLVMIntSLT, exponent, LLVMConstNull(it), ""), "");
            raiseIf(zeroToNegative, e.zeroDivision());
        }
        return call(powerHelper(type), base, exponent);
    }

    /** Square-and-multiply unrolled for a constant exponent. */
    private LLVMValueRef powerByConstant(LLVMValueRef base, long n, Type.Int type) {
        LLVMValueRef result = null;
        LLVMValueRef square = base;
        while (n > 0) {
            if ((n & 1) != 0) result = result == null ? square : LLVMBuildMul(b, result, square, "");
            n >>>= 1;
            if (n > 0) square = LLVMBuildMul(b, square, square, "");
        }
        return result == null ? LLVMConstInt(t.value(type), 1, 0) : result;
    }

    /** {@code iN aj.ipow.iN(iN base, iN exponent)}: square-and-multiply; Numba's values for negative exponents. */
    private Callee powerHelper(Type.Int type) {
        String name = PREFIX + (type.signed() ? "ipow.i" : "upow.i") + type.bits();
        Callee known = declarations.get(name);
        if (known != null) return known;
        LLVMTypeRef it = t.value(type);
        LLVMTypeRef fnType = t.function(it, it, it);
        LLVMValueRef f = LLVMAddFunction(module, name, fnType);
        LLVMSetLinkage(f, LLVMInternalLinkage);
        Attributes.add(ctx, f, Attributes.FUNCTION, "nounwind", "willreturn");
        Attributes.addInt(ctx, f, Attributes.FUNCTION, "memory", 0);
        LLVMBuilderRef h = LLVMCreateBuilderInContext(ctx);
        try {
            LLVMValueRef base = LLVMGetParam(f, 0);
            LLVMValueRef exponent = LLVMGetParam(f, 1);
            LLVMValueRef zero = LLVMConstNull(it);
            LLVMValueRef one = LLVMConstInt(it, 1, 0);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef head = LLVMAppendBasicBlockInContext(ctx, f, "loop");
            LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(ctx, f, "step");
            LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(ctx, f, "done");
            LLVMPositionBuilderAtEnd(h, entry);
            if (type.signed()) {
                LLVMBasicBlockRef negative = LLVMAppendBasicBlockInContext(ctx, f, "negative");
                LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntSLT, exponent, zero, ""), negative, head);
                LLVMPositionBuilderAtEnd(h, negative);
                LLVMValueRef minusOne = LLVMConstAllOnes(it);
                LLVMValueRef odd = LLVMBuildICmp(h, LLVMIntNE, LLVMBuildAnd(h, exponent, one, ""), zero, "");
                LLVMValueRef forMinusOne = LLVMBuildSelect(h, odd, minusOne, one, "");
                LLVMValueRef r = LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntEQ, base, one, ""), one,
                        LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntEQ, base, minusOne, ""), forMinusOne, zero, ""), "");
                LLVMBuildRet(h, r);
            } else {
                LLVMBuildBr(h, head);
            }
            LLVMPositionBuilderAtEnd(h, head);
            LLVMValueRef result = LLVMBuildPhi(h, it, "result");
            LLVMValueRef square = LLVMBuildPhi(h, it, "square");
            LLVMValueRef rest = LLVMBuildPhi(h, it, "rest");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, rest, zero, ""), done, body);
            LLVMPositionBuilderAtEnd(h, body);
            LLVMValueRef odd = LLVMBuildICmp(h, LLVMIntNE, LLVMBuildAnd(h, rest, one, ""), zero, "");
            LLVMValueRef nextResult = LLVMBuildSelect(h, odd, LLVMBuildMul(h, result, square, ""), result, "");
            LLVMValueRef nextSquare = LLVMBuildMul(h, square, square, "");
            LLVMValueRef nextRest = LLVMBuildLShr(h, rest, one, "");
            LLVMBuildBr(h, head);
            phi(result, one, entry, nextResult, body);
            phi(square, base, entry, nextSquare, body);
            phi(rest, exponent, entry, nextRest, body);
            LLVMPositionBuilderAtEnd(h, done);
            LLVMBuildRet(h, result);
        } finally {
            LLVMDisposeBuilder(h);
        }
        Callee callee = new Callee(f, fnType);
        declarations.put(name, callee);
        return callee;
    }

    private LLVMValueRef floatBinary(TExpr.Binary e, LLVMValueRef l, LLVMValueRef r, Type.Float type) {
        LLVMValueRef zero = LLVMConstNull(t.value(type));
        ErrorSite site = e.zeroDivision();
        switch (e.op()) {
            case ADD: return fp(LLVMBuildFAdd(b, l, r, ""));
            case SUB: return fp(LLVMBuildFSub(b, l, r, ""));
            case MUL: return fp(LLVMBuildFMul(b, l, r, ""));
            case DIV:
                if (site != null) raiseIf(LLVMBuildFCmp(b, LLVMRealOEQ, r, zero, ""), site);
                return fp(LLVMBuildFDiv(b, l, r, ""));
            case FLOORDIV:
            case MOD:
                if (site != null) raiseIf(LLVMBuildFCmp(b, LLVMRealOEQ, r, zero, ""), site);
                return floatDivision(e.op(), l, r, type);
            case POW:
                if (site != null) {
                    raiseIf(LLVMBuildAnd(b, LLVMBuildFCmp(b, LLVMRealOEQ, l, zero, ""),
                            LLVMBuildFCmp(b, LLVMRealOLT, r, zero, ""), ""), site);
                }
                return mathIntrinsic("llvm.pow", "pow", type.bits(), l, r);
            default:
                throw ice("float " + e.op());
        }
    }

    /**
     * CPython's float floor division and modulo ({@code float_divmod}); a zero divisor (when it does
     * not raise) gives NumPy's values: {@code a // 0 = a / 0}, {@code a % 0 = nan}.
     */
    private LLVMValueRef floatDivision(ArithOp op, LLVMValueRef a, LLVMValueRef d, Type.Float type) {
        LLVMTypeRef ft = t.value(type);
        LLVMValueRef zero = LLVMConstNull(ft);
        LLVMValueRef mod = fp(LLVMBuildFRem(b, a, d, ""));
        LLVMValueRef modNonZero = LLVMBuildFCmp(b, LLVMRealUNE, mod, zero, "");
        LLVMValueRef signsDiffer = LLVMBuildXor(b, LLVMBuildFCmp(b, LLVMRealOLT, d, zero, ""),
                LLVMBuildFCmp(b, LLVMRealOLT, mod, zero, ""), "");
        LLVMValueRef adjust = LLVMBuildAnd(b, modNonZero, signsDiffer, "");
        if (op == ArithOp.MOD) {
            LLVMValueRef zeroWithSign = mathIntrinsic("llvm.copysign", null, type.bits(), zero, d);
            return select(adjust, fp(LLVMBuildFAdd(b, mod, d, "")), select(modNonZero, mod, zeroWithSign));
        }
        LLVMValueRef div = fp(LLVMBuildFDiv(b, fp(LLVMBuildFSub(b, a, mod, "")), d, ""));
        div = select(adjust, fp(LLVMBuildFSub(b, div, LLVMConstReal(ft, 1.0), "")), div);
        LLVMValueRef floor = mathIntrinsic("llvm.floor", null, type.bits(), div);
        LLVMValueRef roundUp = LLVMBuildFCmp(b, LLVMRealOGT, fp(LLVMBuildFSub(b, div, floor, "")), LLVMConstReal(ft, 0.5), "");
        floor = select(roundUp, fp(LLVMBuildFAdd(b, floor, LLVMConstReal(ft, 1.0), "")), floor);
        LLVMValueRef quotient = fp(LLVMBuildFDiv(b, a, d, ""));
        LLVMValueRef zeroQuotient = mathIntrinsic("llvm.copysign", null, type.bits(), zero, quotient);
        LLVMValueRef result = select(LLVMBuildFCmp(b, LLVMRealUNE, div, zero, ""), floor, zeroQuotient);
        return select(LLVMBuildFCmp(b, LLVMRealOEQ, d, zero, ""), quotient, result);
    }

    private LLVMValueRef complexBinary(TExpr.Binary e, LLVMValueRef l, LLVMValueRef r, Type.Complex type) {
        LLVMTypeRef ct = t.value(type);
        LLVMValueRef a = extract(l, 0), bi = extract(l, 1), c = extract(r, 0), d = extract(r, 1);
        switch (e.op()) {
            case ADD: return aggregate(ct, fp(LLVMBuildFAdd(b, a, c, "")), fp(LLVMBuildFAdd(b, bi, d, "")));
            case SUB: return aggregate(ct, fp(LLVMBuildFSub(b, a, c, "")), fp(LLVMBuildFSub(b, bi, d, "")));
            case MUL:
                return aggregate(ct,
                        fp(LLVMBuildFSub(b, fp(LLVMBuildFMul(b, a, c, "")), fp(LLVMBuildFMul(b, bi, d, "")), "")),
                        fp(LLVMBuildFAdd(b, fp(LLVMBuildFMul(b, a, d, "")), fp(LLVMBuildFMul(b, bi, c, "")), "")));
            case DIV: {
                int bits = type.bits() / 2;
                LLVMValueRef zero = LLVMConstNull(t.floatType(bits));
                if (e.zeroDivision() != null) {
                    raiseIf(LLVMBuildAnd(b, LLVMBuildFCmp(b, LLVMRealOEQ, c, zero, ""),
                            LLVMBuildFCmp(b, LLVMRealOEQ, d, zero, ""), ""), e.zeroDivision());
                }
                // Smith's algorithm, as CPython's complex division.
                LLVMValueRef realBigger = LLVMBuildFCmp(b, LLVMRealOGE, mathIntrinsic("llvm.fabs", null, bits, c),
                        mathIntrinsic("llvm.fabs", null, bits, d), "");
                LLVMValueRef ratio1 = fp(LLVMBuildFDiv(b, d, c, ""));
                LLVMValueRef denom1 = fp(LLVMBuildFAdd(b, c, fp(LLVMBuildFMul(b, d, ratio1, "")), ""));
                LLVMValueRef re1 = fp(LLVMBuildFDiv(b, fp(LLVMBuildFAdd(b, a, fp(LLVMBuildFMul(b, bi, ratio1, "")), "")), denom1, ""));
                LLVMValueRef im1 = fp(LLVMBuildFDiv(b, fp(LLVMBuildFSub(b, bi, fp(LLVMBuildFMul(b, a, ratio1, "")), "")), denom1, ""));
                LLVMValueRef ratio2 = fp(LLVMBuildFDiv(b, c, d, ""));
                LLVMValueRef denom2 = fp(LLVMBuildFAdd(b, fp(LLVMBuildFMul(b, c, ratio2, "")), d, ""));
                LLVMValueRef re2 = fp(LLVMBuildFDiv(b, fp(LLVMBuildFAdd(b, fp(LLVMBuildFMul(b, a, ratio2, "")), bi, "")), denom2, ""));
                LLVMValueRef im2 = fp(LLVMBuildFDiv(b, fp(LLVMBuildFSub(b, fp(LLVMBuildFMul(b, bi, ratio2, "")), a, "")), denom2, ""));
                return aggregate(ct, select(realBigger, re1, re2), select(realBigger, im1, im2));
            }
            case POW: {
                if (type.bits() == 128) {
                    Callee cpow = libraryFunction("cpow", ct, t.f64, t.f64, t.f64, t.f64);
                    return fp(call(cpow, a, bi, c, d));
                }
                LLVMTypeRef pair = LLVMVectorType(t.f32, 2);
                Callee cpowf = libraryFunction("cpowf", pair, pair, pair);
                LLVMValueRef packed = fp(call(cpowf, vector2(pair, a, bi), vector2(pair, c, d)));
                return aggregate(ct, LLVMBuildExtractElement(b, packed, i32(0), ""), LLVMBuildExtractElement(b, packed, i32(1), ""));
            }
            default:
                throw ice("complex " + e.op());
        }
    }

    private LLVMValueRef vector2(LLVMTypeRef type, LLVMValueRef x, LLVMValueRef y) {
        LLVMValueRef v = LLVMBuildInsertElement(b, LLVMGetPoison(type), x, i32(0), "");
        return LLVMBuildInsertElement(b, v, y, i32(1), "");
    }

    private LLVMValueRef compare(CmpOp op, LLVMValueRef l, LLVMValueRef r, Type type) {
        return switch (type) {
            case Type.Int i -> LLVMBuildICmp(b, intPredicate(op, i.signed()), l, r, "");
            case Type.Bool bool -> LLVMBuildICmp(b, intPredicate(op, false), l, r, "");
            case Type.Float f -> fp(LLVMBuildFCmp(b, floatPredicate(op), l, r, ""));
            case Type.Complex c -> {
                if (op != CmpOp.EQ && op != CmpOp.NE) throw ice("complex " + op);
                int p = floatPredicate(op);
                LLVMValueRef re = LLVMBuildFCmp(b, p, extract(l, 0), extract(r, 0), "");
                LLVMValueRef im = LLVMBuildFCmp(b, p, extract(l, 1), extract(r, 1), "");
                yield op == CmpOp.EQ ? LLVMBuildAnd(b, re, im, "") : LLVMBuildOr(b, re, im, "");
            }
            default -> throw ice("compare " + type);
        };
    }

    private static int intPredicate(CmpOp op, boolean signed) {
        return switch (op) {
            case EQ -> LLVMIntEQ;
            case NE -> LLVMIntNE;
            case LT -> signed ? LLVMIntSLT : LLVMIntULT;
            case LE -> signed ? LLVMIntSLE : LLVMIntULE;
            case GT -> signed ? LLVMIntSGT : LLVMIntUGT;
            case GE -> signed ? LLVMIntSGE : LLVMIntUGE;
        };
    }

    /** Ordered comparisons, except {@code !=}, which is true for nan as in Python. */
    private static int floatPredicate(CmpOp op) {
        return switch (op) {
            case EQ -> LLVMRealOEQ;
            case NE -> LLVMRealUNE;
            case LT -> LLVMRealOLT;
            case LE -> LLVMRealOLE;
            case GT -> LLVMRealOGT;
            case GE -> LLVMRealOGE;
        };
    }

    private LLVMValueRef unary(TExpr.Unary u) {
        LLVMValueRef v = expr(u.operand());
        Type type = u.operand().type();
        return switch (u.op()) {
            case NEG -> switch (type) {
                case Type.Int i -> LLVMBuildSub(b, LLVMConstNull(t.value(i)), v, "");
                case Type.Float f -> fp(LLVMBuildFNeg(b, v, ""));
                case Type.Complex c -> aggregate(t.value(c), fp(LLVMBuildFNeg(b, extract(v, 0), "")), fp(LLVMBuildFNeg(b, extract(v, 1), "")));
                case Type.Bool bool -> LLVMBuildSub(b, LLVMConstNull(t.value(u.type())), cast(v, type, u.type()), "");
                default -> throw ice("negate " + type);
            };
            case INVERT -> LLVMBuildNot(b, v, ""); // on bool: not, as Numba's ~True == False
            case NOT -> LLVMBuildNot(b, truth(v, type), "");
        };
    }

    /** Short-circuit {@code and}/{@code or} returning an operand. */
    private LLVMValueRef logical(TExpr.Logical e) {
        LLVMValueRef left = cast(expr(e.left()), e.left().type(), e.type());
        LLVMValueRef test = truth(left, e.type());
        LLVMBasicBlockRef leftEnd = LLVMGetInsertBlock(b);
        LLVMBasicBlockRef right = block(e.isAnd() ? "and.rhs" : "or.rhs");
        LLVMBasicBlockRef end = block(e.isAnd() ? "and.end" : "or.end");
        if (e.isAnd()) LLVMBuildCondBr(b, test, right, end);
        else LLVMBuildCondBr(b, test, end, right);
        LLVMPositionBuilderAtEnd(b, right);
        LLVMValueRef rightValue = cast(expr(e.right()), e.right().type(), e.type());
        LLVMBasicBlockRef rightEnd = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, end);
        LLVMPositionBuilderAtEnd(b, end);
        LLVMValueRef result = LLVMBuildPhi(b, t.value(e.type()), "");
        phi(result, left, leftEnd, rightValue, rightEnd);
        return result;
    }

    /** {@code x if cond else y}, evaluating one branch. */
    private LLVMValueRef conditional(TExpr.Select s) {
        LLVMValueRef cond = expr(s.cond());
        LLVMBasicBlockRef yes = block("sel.true");
        LLVMBasicBlockRef no = block("sel.false");
        LLVMBasicBlockRef end = block("sel.end");
        LLVMBuildCondBr(b, cond, yes, no);
        LLVMPositionBuilderAtEnd(b, yes);
        LLVMValueRef a = cast(expr(s.ifTrue()), s.ifTrue().type(), s.type());
        LLVMBasicBlockRef yesEnd = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, end);
        LLVMPositionBuilderAtEnd(b, no);
        LLVMValueRef z = cast(expr(s.ifFalse()), s.ifFalse().type(), s.type());
        LLVMBasicBlockRef noEnd = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, end);
        LLVMPositionBuilderAtEnd(b, end);
        LLVMValueRef result = LLVMBuildPhi(b, t.value(s.type()), "");
        phi(result, a, yesEnd, z, noEnd);
        return result;
    }

    // ---- math ----

    private LLVMValueRef mathCall(TExpr.MathCall m) {
        LLVMValueRef[] args = m.args().stream().map(this::expr).toArray(LLVMValueRef[]::new);
        int bits = m.args().get(0).type() instanceof Type.Float f ? f.bits() : 64;
        LLVMValueRef x = args[0];
        LLVMTypeRef ft = t.floatType(bits);
        return switch (m.fn()) {
            case ISNAN -> LLVMBuildFCmp(b, LLVMRealUNO, x, x, "");
            case ISINF -> LLVMBuildFCmp(b, LLVMRealOEQ, mathIntrinsic("llvm.fabs", null, bits, x),
                    LLVMConstReal(ft, Double.POSITIVE_INFINITY), "");
            case ISFINITE -> LLVMBuildFCmp(b, LLVMRealOLT, mathIntrinsic("llvm.fabs", null, bits, x),
                    LLVMConstReal(ft, Double.POSITIVE_INFINITY), "");
            case FMOD -> fp(LLVMBuildFRem(b, x, args[1], ""));
            case SQRT -> mathIntrinsic("llvm.sqrt", "sqrt", bits, args);
            case EXP -> mathIntrinsic("llvm.exp", "exp", bits, args);
            case EXP2 -> mathIntrinsic("llvm.exp2", "exp2", bits, args);
            case LOG -> mathIntrinsic("llvm.log", "log", bits, args);
            case LOG2 -> mathIntrinsic("llvm.log2", "log2", bits, args);
            case LOG10 -> mathIntrinsic("llvm.log10", "log10", bits, args);
            case SIN -> mathIntrinsic("llvm.sin", "sin", bits, args);
            case COS -> mathIntrinsic("llvm.cos", "cos", bits, args);
            case FLOOR -> mathIntrinsic("llvm.floor", null, bits, args);
            case CEIL -> mathIntrinsic("llvm.ceil", null, bits, args);
            case TRUNC -> mathIntrinsic("llvm.trunc", null, bits, args);
            case RINT -> mathIntrinsic("llvm.rint", null, bits, args);
            case FABS -> mathIntrinsic("llvm.fabs", null, bits, args);
            case POW -> mathIntrinsic("llvm.pow", "pow", bits, args);
            case COPYSIGN -> mathIntrinsic("llvm.copysign", null, bits, args);
            case MAXIMUM -> mathIntrinsic("llvm.maximum", null, bits, args);
            case MINIMUM -> mathIntrinsic("llvm.minimum", null, bits, args);
            case GAMMA -> libm("tgamma", bits, args);
            default -> libm(m.fn().name().toLowerCase(java.util.Locale.ROOT), bits, args);
        };
    }

    /**
     * A call of an overloaded float intrinsic; {@code libmName} names the libm function it computes
     * when libmvec may vectorize it.
     */
    private LLVMValueRef mathIntrinsic(String name, String libmName, int bits, LLVMValueRef... args) {
        LLVMValueRef call = fp(intrinsic(name, t.floatType(bits), args));
        if (libmName != null && vectorMath != null) {
            vectorMath.annotate(module, t, call, name + (bits == 32 ? ".f32" : ".f64"), libmName, bits, compilerUsed);
        }
        return call;
    }

    /** A call of a C math function ({@code tan}, or {@code tanf} for float32). */
    private LLVMValueRef libm(String doubleName, int bits, LLVMValueRef... args) {
        LLVMTypeRef ft = t.floatType(bits);
        LLVMTypeRef[] params = new LLVMTypeRef[args.length];
        java.util.Arrays.fill(params, ft);
        String name = bits == 32 ? doubleName + "f" : doubleName;
        LLVMValueRef call = fp(call(libraryFunction(name, ft, params), args));
        if (vectorMath != null) vectorMath.annotate(module, t, call, name, doubleName, bits, compilerUsed);
        return call;
    }

    private Callee libraryFunction(String name, LLVMTypeRef result, LLVMTypeRef... params) {
        Callee known = declarations.get(name);
        if (known != null) return known;
        LLVMTypeRef type = t.function(result, params);
        LLVMValueRef f = LLVMAddFunction(module, name, type);
        Attributes.pureFunction(ctx, f);
        Callee callee = new Callee(f, type);
        declarations.put(name, callee);
        return callee;
    }

    /** A call of the intrinsic {@code name} overloaded on {@code type} (or not overloaded when null). */
    private LLVMValueRef intrinsic(String name, LLVMTypeRef type, LLVMValueRef... args) {
        return call(intrinsicCallee(name, type), args);
    }

    private Callee intrinsicCallee(String name, LLVMTypeRef type) {
        String key = name + "#" + (type == null ? "" : LLVMGetTypeKind(type) + ":"
                + (LLVMGetTypeKind(type) == LLVMIntegerTypeKind ? LLVMGetIntTypeWidth(type) : 0));
        Callee callee = declarations.get(key);
        if (callee == null) {
            int id = LLVMLookupIntrinsicID(name, name.length());
            if (id == 0) throw ice("unknown intrinsic " + name);
            LLVMTypeRef[] overloads = type == null ? new LLVMTypeRef[0] : new LLVMTypeRef[] {type};
            try (PointerPointer<LLVMTypeRef> pp = Llvm.array(overloads)) {
                LLVMValueRef f = LLVMGetIntrinsicDeclaration(module, id, pp, overloads.length);
                callee = new Callee(f, LLVMIntrinsicGetType(ctx, id, pp, overloads.length));
            }
            declarations.put(key, callee);
        }
        return callee;
    }

    // ---- calls ----

    /** Functions on a cycle of the unit's call graph: calls of them count their depth. */
    private java.util.Set<String> recursive;

    private java.util.Set<String> recursiveFunctions() {
        if (recursive != null) return recursive;
        Map<String, List<String>> calls = new HashMap<>();
        for (TypedFunction f : unit.functions()) calls.put(f.symbol(), dev.arrayjit.typeinfer.ir.Exprs.callees(f.body()));
        recursive = new java.util.HashSet<>();
        for (TypedFunction f : unit.functions()) {
            // f is recursive when it can reach itself
            java.util.Deque<String> todo = new ArrayDeque<>(calls.get(f.symbol()));
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                String g = todo.pop();
                if (g.equals(f.symbol())) { recursive.add(g); break; }
                if (seen.add(g)) todo.addAll(calls.getOrDefault(g, List.of()));
            }
        }
        return recursive;
    }

    private LLVMValueRef callFunction(TExpr.Call c) {
        TypedFunction target = unit.function(c.symbol());
        Callee callee = functions.get(c.symbol());
        LLVMValueRef depthAt = null, depth = null;
        if (recursiveFunctions().contains(c.symbol())) {
            // Bounded recursion: RecursionError rather than a stack overflow that would kill the JVM.
            depthAt = ctxSlot(b, ctxArg, Abi.CTX_DEPTH);
            depth = LLVMBuildAdd(b, LLVMBuildLoad2(b, t.i64, depthAt, ""), i64(1), "");
            raiseIf(LLVMBuildICmp(b, LLVMIntSGT, depth, i64(Abi.MAX_RECURSION), ""), Abi.SITE_RECURSION, i64(Abi.MAX_RECURSION));
            LLVMBuildStore(b, depth, depthAt);
        }
        List<LLVMValueRef> args = new ArrayList<>();
        args.add(ctxArg);
        for (int k = 0; k < c.args().size(); k++) {
            TExpr a = c.args().get(k);
            args.add(cast(expr(a), a.type(), target.params().get(k).type()));
        }
        boolean hasResult = !(target.returnType() instanceof Type.None);
        LLVMValueRef result = hasResult ? temporary(t.value(target.returnType()), "ret." + target.name()) : null;
        if (hasResult) args.add(result);
        LLVMValueRef status = call(callee, args.toArray(LLVMValueRef[]::new));
        LLVMBasicBlockRef raised = block("call.raised");
        LLVMBasicBlockRef ok = block("call.ok");
        condBr(LLVMBuildICmp(b, LLVMIntNE, status, i32(0), ""), raised, ok, unlikely);
        LLVMPositionBuilderAtEnd(b, raised);
        if (c.where() != null) {
            // Out of the prelude into user code: the exception is reported at this call (the innermost such call).
            LLVMValueRef whereAt = ctxSlot(b, ctxArg, Abi.CTX_WHERE);
            LLVMValueRef unset = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildLoad2(b, t.i64, whereAt, ""), i64(0), "");
            LLVMBuildStore(b, select(unset, i64(c.where().id() + 1L), LLVMBuildLoad2(b, t.i64, whereAt, "")), whereAt);
        }
        LLVMBuildRet(b, status);
        LLVMPositionBuilderAtEnd(b, ok);
        if (depthAt != null) LLVMBuildStore(b, LLVMBuildSub(b, depth, i64(1), ""), depthAt);
        LLVMValueRef value = hasResult ? LLVMBuildLoad2(b, t.value(target.returnType()), result, "")
                : LLVMConstNull(t.none);
        return cast(value, target.returnType(), c.type());
    }

    // ---- arrays ----

    private LLVMValueRef arrayLoad(TExpr.ArrayLoad e) {
        Type.Array type = (Type.Array) e.array().type();
        LLVMValueRef address = elementAddress(expr(e.array()), type, e.indices(), e.outOfBounds());
        Type dtype = type.dtype();
        LLVMValueRef v = LLVMBuildLoad2(b, t.element(dtype), address, "");
        LLVMSetAlignment(v, LlvmTypes.elementAlign(dtype));
        return dtype instanceof Type.Bool ? LLVMBuildICmp(b, LLVMIntNE, v, LLVMConstInt(t.i8, 0, 0), "") : v;
    }

    /**
     * {@code data + sum(index_k * stride_k)}: the contiguous axis of a C or F array uses the element
     * size as its stride (a constant, which vectorization needs). Indices wrap when negative and are
     * checked when the site is non-null, except where a versioned loop proved them in bounds.
     */
    private LLVMValueRef elementAddress(LLVMValueRef array, Type.Array type, List<TExpr> indices, ErrorSite site) {
        int n = type.ndim();
        if (indices.size() != n) throw ice("indexing a " + n + "-d array with " + indices.size() + " indices");
        LLVMValueRef[] raw = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) raw[k] = expr(indices.get(k));
        int contiguous = n == 0 ? -1 : type.layout() == Layout.C ? n - 1 : type.layout() == Layout.F ? 0 : -1;
        LLVMValueRef offset = null;
        LLVMValueRef contiguousIndex = null;
        for (int k = 0; k < n; k++) {
            LLVMValueRef index = checkedIndex(array, k, raw[k], indices.get(k), site);
            if (k == contiguous) {
                contiguousIndex = index;
                continue;
            }
            LLVMValueRef term = LLVMBuildNSWMul(b, index, extract(array, 3, k), "");
            offset = offset == null ? term : LLVMBuildNSWAdd(b, offset, term, "");
        }
        LLVMValueRef address = extract(array, 1);
        if (offset != null) address = inboundsGep(t.i8, address, offset);
        if (contiguousIndex != null) address = inboundsGep(t.element(type.dtype()), address, contiguousIndex);
        return address;
    }

    private LLVMValueRef checkedIndex(LLVMValueRef array, int axis, LLVMValueRef index, TExpr indexExpr, ErrorSite site) {
        LoopVersioning.Kind kind = proven == null ? null : proven.get(indexExpr);
        if (kind == LoopVersioning.Kind.AFFINE) return index;
        LLVMValueRef extent = extract(array, 2, axis);
        LLVMValueRef wrapped = wrapIndex(index, extent);
        if (kind == LoopVersioning.Kind.INVARIANT || site == null) return wrapped;
        raiseIf(LLVMBuildICmp(b, LLVMIntUGE, wrapped, extent, ""), site, index, i64(axis), extent);
        return wrapped;
    }

    private LLVMValueRef wrapIndex(LLVMValueRef index, LLVMValueRef extent) {
        return select(LLVMBuildICmp(b, LLVMIntSLT, index, i64(0), ""), LLVMBuildAdd(b, index, extent, ""), index);
    }

    /** A constant array: its elements in a private read-only global, seen through an array value. */
    private LLVMValueRef constArray(TExpr.ConstArray c) {
        Type dtype = c.type().dtype();
        LLVMTypeRef el = t.element(dtype);
        LLVMValueRef[] values = new LLVMValueRef[c.elements().size()];
        for (int k = 0; k < values.length; k++) {
            Object v = c.elements().get(k);
            values[k] = dtype instanceof Type.Bool ? LLVMConstInt(t.i8, (Boolean) v ? 1 : 0, 0) : constant(dtype, v);
        }
        LLVMTypeRef arrayType = LLVMArrayType2(el, values.length);
        LLVMValueRef global = LLVMAddGlobal(module, arrayType, PREFIX + "const");
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(values)) {
            LLVMSetInitializer(global, LLVMConstArray2(el, pp, values.length));
        }
        LLVMSetGlobalConstant(global, 1);
        LLVMSetLinkage(global, LLVMPrivateLinkage);
        LLVMSetAlignment(global, 64);
        int n = c.shape().size();
        LLVMValueRef[] extents = new LLVMValueRef[n], strides = new LLVMValueRef[n];
        long stride = Types.sizeOf(dtype);
        for (int k = n - 1; k >= 0; k--) {
            extents[k] = i64(c.shape().get(k));
            strides[k] = i64(stride);
            stride *= c.shape().get(k);
        }
        return arrayValue(n, LLVMConstNull(t.ptr), global, extents, strides);
    }

    // ---- views ----

    /**
     * A view by basic indexing: integer indices move the data pointer and drop their axis, slices
     * are clipped as Python clips them ({@code PySlice_AdjustIndices}) and scale the stride, new axes
     * have extent 1 and stride 0.
     */
    private LLVMValueRef view(TExpr.View v) {
        Type.Array at = (Type.Array) v.array().type();
        LLVMValueRef array = expr(v.array());
        LLVMValueRef offset = i64(0);
        List<LLVMValueRef> extents = new ArrayList<>(), strides = new ArrayList<>();
        int axis = 0;
        for (ViewIndex idx : v.indices()) {
            switch (idx) {
                case ViewIndex.At a -> {
                    LLVMValueRef i = checkedIndex(array, axis, expr(a.index()), a.index(), v.outOfBounds());
                    offset = LLVMBuildAdd(b, offset, LLVMBuildMul(b, i, extract(array, 3, axis), ""), "");
                    axis++;
                }
                case ViewIndex.Range r -> {
                    LLVMValueRef len = extract(array, 2, axis), stride = extract(array, 3, axis);
                    LLVMValueRef step = r.step() == null ? i64(1) : expr(r.step());
                    if (v.zeroStep() != null) raiseIf(LLVMBuildICmp(b, LLVMIntEQ, step, i64(0), ""), v.zeroStep());
                    LLVMValueRef back = LLVMBuildICmp(b, LLVMIntSLT, step, i64(0), "");
                    LLVMValueRef lower = select(back, i64(-1), i64(0));
                    LLVMValueRef upper = select(back, LLVMBuildSub(b, len, i64(1), ""), len);
                    LLVMValueRef start = r.start() == null ? select(back, upper, lower) : clip(expr(r.start()), len, lower, upper);
                    LLVMValueRef stop = r.stop() == null ? select(back, lower, upper) : clip(expr(r.stop()), len, lower, upper);
                    // count = (stop - start - 1) / step + 1 forwards, (start - stop - 1) / -step + 1 backwards; 0 when empty.
                    LLVMValueRef span = select(back, LLVMBuildSub(b, start, stop, ""), LLVMBuildSub(b, stop, start, ""));
                    LLVMValueRef mag = select(back, LLVMBuildNeg(b, step, ""), step);
                    LLVMValueRef count = LLVMBuildAdd(b, LLVMBuildSDiv(b, LLVMBuildSub(b, span, i64(1), ""), mag, ""), i64(1), "");
                    count = select(LLVMBuildICmp(b, LLVMIntSGT, span, i64(0), ""), count, i64(0));
                    offset = LLVMBuildAdd(b, offset, LLVMBuildMul(b, start, stride, ""), "");
                    extents.add(count);
                    strides.add(LLVMBuildMul(b, stride, step, ""));
                    axis++;
                }
                case ViewIndex.NewAxis n -> {
                    extents.add(i64(1));
                    strides.add(i64(0));
                }
            }
        }
        for (; axis < at.ndim(); axis++) {
            extents.add(extract(array, 2, axis));
            strides.add(extract(array, 3, axis));
        }
        LLVMValueRef data = gep(t.i8, extract(array, 1), offset);
        return arrayValue(v.type().ndim(), extract(array, 0), data, extents.toArray(LLVMValueRef[]::new),
                strides.toArray(LLVMValueRef[]::new));
    }

    /** A slice bound: negative counts from the end, then clamped to [lower, upper]. */
    private LLVMValueRef clip(LLVMValueRef x, LLVMValueRef len, LLVMValueRef lower, LLVMValueRef upper) {
        LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntSLT, x, i64(0), "");
        LLVMValueRef adj = select(neg, LLVMBuildAdd(b, x, len, ""), x);
        adj = select(LLVMBuildICmp(b, LLVMIntSLT, adj, lower, ""), lower, adj);
        return select(LLVMBuildICmp(b, LLVMIntSGT, adj, upper, ""), upper, adj);
    }

    private LLVMValueRef transpose(TExpr.Transpose tr) {
        LLVMValueRef array = expr(tr.array());
        int n = tr.axes().size();
        LLVMValueRef[] extents = new LLVMValueRef[n], strides = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) {
            extents[k] = extract(array, 2, tr.axes().get(k));
            strides[k] = extract(array, 3, tr.axes().get(k));
        }
        return arrayValue(n, extract(array, 0), extract(array, 1), extents, strides);
    }

    /**
     * A C-contiguous array with a new shape over the same memory. One extent may be -1 (inferred);
     * a shape of another size raises the site with (size, requested extents...).
     */
    private LLVMValueRef reshape(TExpr.Reshape r) {
        Type.Array from = (Type.Array) r.array().type();
        LLVMValueRef array = expr(r.array());
        LLVMValueRef size = arraySize(array, from.ndim());
        int n = r.shape().size();
        LLVMValueRef[] dims = new LLVMValueRef[n];
        LLVMValueRef known = i64(1), unknown = i64(0), bad = LLVMConstInt(t.i1, 0, 0);
        for (int k = 0; k < n; k++) {
            dims[k] = expr(r.shape().get(k));
            LLVMValueRef isUnknown = LLVMBuildICmp(b, LLVMIntEQ, dims[k], i64(-1), "");
            unknown = LLVMBuildAdd(b, unknown, LLVMBuildZExt(b, isUnknown, t.i64, ""), "");
            bad = LLVMBuildOr(b, bad, LLVMBuildICmp(b, LLVMIntSLT, dims[k], i64(-1), ""), "");
            known = LLVMBuildMul(b, known, select(isUnknown, i64(1), dims[k]), "");
        }
        // With one unknown extent it is size / known, which must divide exactly.
        LLVMValueRef divisible = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntNE, known, i64(0), ""),
                LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildSRem(b, size, select(LLVMBuildICmp(b, LLVMIntEQ, known, i64(0), ""), i64(1), known), ""),
                        i64(0), ""), "");
        LLVMValueRef inferred = LLVMBuildSDiv(b, size, select(LLVMBuildICmp(b, LLVMIntEQ, known, i64(0), ""), i64(1), known), "");
        LLVMValueRef oneUnknown = LLVMBuildICmp(b, LLVMIntEQ, unknown, i64(1), "");
        LLVMValueRef ok = select(oneUnknown, divisible, LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntEQ, unknown, i64(0), ""),
                LLVMBuildICmp(b, LLVMIntEQ, known, size, ""), ""));
        ok = LLVMBuildAnd(b, ok, LLVMBuildNot(b, bad, ""), "");
        LLVMValueRef[] payload = new LLVMValueRef[n + 1];
        payload[0] = size;
        System.arraycopy(dims, 0, payload, 1, n);
        raiseIf(LLVMBuildNot(b, ok, ""), r.mismatch(), payload);
        LLVMValueRef[] extents = new LLVMValueRef[n], strides = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) extents[k] = select(LLVMBuildICmp(b, LLVMIntEQ, dims[k], i64(-1), ""), inferred, dims[k]);
        LLVMValueRef stride = i64(Types.sizeOf(from.dtype()));
        for (int k = n - 1; k >= 0; k--) {
            strides[k] = stride;
            stride = LLVMBuildMul(b, stride, extents[k], "");
        }
        return arrayValue(n, extract(array, 0), extract(array, 1), extents, strides);
    }

    /** The array seen with the given extents: new leading axes and axes of extent 1 get stride 0. */
    private LLVMValueRef broadcastTo(TExpr.BroadcastTo bt) {
        int m = ((Type.Array) bt.array().type()).ndim(), n = bt.shape().size();
        LLVMValueRef array = expr(bt.array());
        LLVMValueRef[] extents = new LLVMValueRef[n], strides = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) {
            extents[k] = expr(bt.shape().get(k));
            int a = k - (n - m);
            strides[k] = a < 0 ? i64(0)
                    : select(LLVMBuildICmp(b, LLVMIntEQ, extract(array, 2, a), i64(1), ""), i64(0), extract(array, 3, a));
        }
        return arrayValue(n, extract(array, 0), extract(array, 1), extents, strides);
    }

    /** Whether the byte ranges two arrays' elements occupy intersect (empty arrays occupy none). */
    private LLVMValueRef overlaps(TExpr.Overlaps o) {
        LLVMValueRef[] x = byteRange(expr(o.left()), (Type.Array) o.left().type());
        LLVMValueRef[] y = byteRange(expr(o.right()), (Type.Array) o.right().type());
        LLVMValueRef cross = LLVMBuildAnd(b, LLVMBuildICmp(b, LLVMIntULT, x[0], y[1], ""), LLVMBuildICmp(b, LLVMIntULT, y[0], x[1], ""), "");
        return LLVMBuildAnd(b, cross, LLVMBuildAnd(b, x[2], y[2], ""), "");
    }

    /** {lowest address, one past the highest, non-empty} of an array's elements. */
    private LLVMValueRef[] byteRange(LLVMValueRef array, Type.Array type) {
        LLVMValueRef base = LLVMBuildPtrToInt(b, extract(array, 1), t.i64, "");
        LLVMValueRef lo = base, hi = LLVMBuildAdd(b, base, i64(Types.sizeOf(type.dtype())), "");
        LLVMValueRef nonEmpty = LLVMConstInt(t.i1, 1, 0);
        for (int k = 0; k < type.ndim(); k++) {
            LLVMValueRef n = extract(array, 2, k);
            nonEmpty = LLVMBuildAnd(b, nonEmpty, LLVMBuildICmp(b, LLVMIntSGT, n, i64(0), ""), "");
            LLVMValueRef reach = LLVMBuildMul(b, LLVMBuildSub(b, n, i64(1), ""), extract(array, 3, k), "");
            LLVMValueRef neg = LLVMBuildICmp(b, LLVMIntSLT, reach, i64(0), "");
            lo = LLVMBuildAdd(b, lo, select(neg, reach, i64(0)), "");
            hi = LLVMBuildAdd(b, hi, select(neg, i64(0), reach), "");
        }
        return new LLVMValueRef[] {lo, hi, nonEmpty};
    }

    // ---- printing ----

    /** One piece through the runtime's printer ({@code Abi.CTX_PRINT}). */
    private void printPiece(int kind, LLVMValueRef bits, LLVMValueRef extra) {
        LLVMValueRef fnPtr = LLVMBuildLoad2(b, t.ptr, ctxSlot(b, ctxArg, Abi.CTX_PRINT), "");
        LLVMTypeRef type = t.function(LLVMVoidTypeInContext(ctx), t.i64, t.i64, t.ptr);
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(i64(kind), bits, extra)) {
            LLVMBuildCall2(b, type, fnPtr, pp, 3, "");
        }
    }

    private void printText(String text) {
        if (text.isEmpty()) return;
        LLVMValueRef s = LLVMBuildGlobalStringPtr(b, text, "str");
        printPiece(Abi.PRINT_TEXT, i64(0), s);
    }

    /** A value as Python's print shows it: numbers and bools, arrays as NumPy, tuples, None, optionals. */
    private void printValue(LLVMValueRef v, Type type) {
        switch (type) {
            case Type.Bool bool -> printPiece(Abi.PRINT_BOOL, LLVMBuildZExt(b, v, t.i64, ""), LLVMConstNull(t.ptr));
            case Type.Int i -> printPiece(i.signed() ? Abi.PRINT_INT : Abi.PRINT_UINT, cast(v, type, i.signed() ? Types.INT64 : Types.UINT64),
                    LLVMConstNull(t.ptr));
            case Type.Float f -> printPiece(f.bits() == 64 ? Abi.PRINT_FLOAT64 : Abi.PRINT_FLOAT32,
                    LLVMBuildBitCast(b, f.bits() == 64 ? v : LLVMBuildFPExt(b, v, t.f64, ""), t.i64, ""), LLVMConstNull(t.ptr));
            case Type.Complex c -> {
                printText("(");
                printValue(extract(v, 0), new Type.Float(c.bits() / 2));
                printText("+");
                printValue(extract(v, 1), new Type.Float(c.bits() / 2));
                printText("j)");
            }
            case Type.Array a -> {
                LLVMValueRef slot = temporary(t.array(a.ndim()), "print.array");
                LLVMBuildStore(b, v, slot);
                printPiece(Abi.PRINT_ARRAY, i64(Abi.DTYPE_CODES.indexOf(a.dtype()) | ((long) a.ndim() << 8)), slot);
            }
            case Type.Tuple tu -> {
                printText("(");
                for (int k = 0; k < tu.elements().size(); k++) {
                    if (k > 0) printText(", ");
                    printValue(extract(v, k), tu.elements().get(k));
                }
                printText(tu.elements().size() == 1 ? ",)" : ")");
            }
            case Type.None n -> printText("None");
            case Type.ListOf l -> {
                LLVMValueRef slot = temporary(t.array(1), "print.list");
                LLVMBuildStore(b, listItems(v, l), slot);
                printPiece(Abi.PRINT_LIST, i64(Abi.DTYPE_CODES.indexOf(l.element())), slot);
            }
            case Type.Optional o -> {
                LLVMBasicBlockRef some = block("print.some"), none = block("print.none"), done = block("print.done");
                LLVMBuildCondBr(b, extract(v, 0), some, none);
                LLVMPositionBuilderAtEnd(b, some);
                printValue(extract(v, 1), o.type());
                LLVMBuildBr(b, done);
                LLVMPositionBuilderAtEnd(b, none);
                printText("None");
                LLVMBuildBr(b, done);
                LLVMPositionBuilderAtEnd(b, done);
            }
        }
    }

    /**
     * A helper function of the module (internal, never inlined), built once by {@code body} with the
     * function and a builder of its own; registered before its body is built, so helpers may call
     * each other.
     */
    private Callee helper(String name, LLVMTypeRef fnType, java.util.function.BiConsumer<LLVMValueRef, LLVMBuilderRef> body) {
        Callee known = declarations.get(name);
        if (known != null) return known;
        LLVMValueRef f = LLVMAddFunction(module, name, fnType);
        LLVMSetLinkage(f, LLVMInternalLinkage);
        Attributes.add(ctx, f, Attributes.FUNCTION, "nounwind", "noinline");
        Callee callee = new Callee(f, fnType);
        declarations.put(name, callee);
        LLVMBuilderRef h = LLVMCreateBuilderInContext(ctx);
        try {
            body.accept(f, h);
        } finally {
            LLVMDisposeBuilder(h);
        }
        return callee;
    }

    // ---- lists: a header block {i64 length, i64 capacity, ptr storage}, both blocks on the call's allocation list

    private static final int LIST_HEADER_BYTES = 24, LIST_MIN_CAPACITY = 4;

    private LLVMValueRef listField(LLVMBuilderRef h, LLVMValueRef header, int slot) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(i64(slot))) {
            return LLVMBuildInBoundsGEP2(h, t.i64, header, pp, 1, "");
        }
    }

    /** A new list of {@code length} unset elements (capacity at least {@link #LIST_MIN_CAPACITY}). */
    private LLVMValueRef listNew(TExpr.ListNew e) {
        long size = Types.sizeOf(e.type().element());
        LLVMValueRef length = expr(e.length());
        LLVMValueRef header = call(allocHelper(), ctxArg, i64(LIST_HEADER_BYTES));
        raiseIf(LLVMBuildICmp(b, LLVMIntEQ, header, LLVMConstNull(t.ptr), ""), Abi.SITE_NO_MEMORY, i64(LIST_HEADER_BYTES));
        LLVMValueRef capacity = select(LLVMBuildICmp(b, LLVMIntSLT, length, i64(LIST_MIN_CAPACITY), ""), i64(LIST_MIN_CAPACITY), length);
        LLVMValueRef pair = intrinsic("llvm.umul.with.overflow", t.i64, capacity, i64(size));
        LLVMValueRef bytes = select(extract(pair, 1), i64(-1), extract(pair, 0));
        LLVMValueRef storage = call(allocHelper(), ctxArg, bytes);
        raiseIf(LLVMBuildICmp(b, LLVMIntEQ, storage, LLVMConstNull(t.ptr), ""), Abi.SITE_NO_MEMORY, bytes);
        LLVMBuildStore(b, length, listField(b, header, 0));
        LLVMBuildStore(b, capacity, listField(b, header, 1));
        LLVMBuildStore(b, storage, listField(b, header, 2));
        return header;
    }

    /** The elements of a list as a 1-D C array over its storage (which owns them: meminfo = storage). */
    private LLVMValueRef listItems(LLVMValueRef header, Type.ListOf type) {
        LLVMValueRef length = LLVMBuildLoad2(b, t.i64, listField(b, header, 0), "list.len");
        LLVMValueRef storage = LLVMBuildLoad2(b, t.ptr, listField(b, header, 2), "list.data");
        return arrayValue(1, storage, storage, new LLVMValueRef[] {length}, new LLVMValueRef[] {i64(Types.sizeOf(type.element()))});
    }

    /**
     * {@code i1 aj.list.resize(ptr ctx, ptr list, i64 length, i64 elementSize)}: sets the length,
     * first moving the elements to storage of twice the capacity (or the length, if more) when they
     * do not fit, and freeing the old storage; false when the new storage cannot be had.
     */
    private Callee listResizeHelper() {
        return helper(PREFIX + "list.resize", t.function(t.i1, t.ptr, t.ptr, t.i64, t.i64), (f, h) -> {
            Callee alloc = allocHelper(), release = releaseHelper();
            LLVMValueRef context = LLVMGetParam(f, 0), header = LLVMGetParam(f, 1), length = LLVMGetParam(f, 2), size = LLVMGetParam(f, 3);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef grow = LLVMAppendBasicBlockInContext(ctx, f, "grow");
            LLVMBasicBlockRef move = LLVMAppendBasicBlockInContext(ctx, f, "move");
            LLVMBasicBlockRef set = LLVMAppendBasicBlockInContext(ctx, f, "set");
            LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(ctx, f, "fail");
            LLVMPositionBuilderAtEnd(h, entry);
            LLVMValueRef capacity = LLVMBuildLoad2(h, t.i64, listField(h, header, 1), "capacity");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntSLE, length, capacity, ""), set, grow);
            LLVMPositionBuilderAtEnd(h, grow);
            LLVMValueRef doubled = LLVMBuildShl(h, capacity, i64(1), "");
            LLVMValueRef newCapacity = LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntSGT, length, doubled, ""), length, doubled, "");
            LLVMValueRef pair = buildCall(h, intrinsicCallee("llvm.umul.with.overflow", t.i64), newCapacity, size);
            LLVMValueRef bytes = LLVMBuildSelect(h, LLVMBuildExtractValue(h, pair, 1, ""), i64(-1), LLVMBuildExtractValue(h, pair, 0, ""), "");
            LLVMValueRef storage = buildCall(h, alloc, context, bytes);
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, storage, LLVMConstNull(t.ptr), ""), fail, move);
            LLVMPositionBuilderAtEnd(h, move);
            LLVMValueRef old = LLVMBuildLoad2(h, t.ptr, listField(h, header, 2), "old");
            LLVMValueRef oldLength = LLVMBuildLoad2(h, t.i64, listField(h, header, 0), "");
            LLVMBuildMemCpy(h, storage, 64, old, 64, LLVMBuildMul(h, oldLength, size, ""));
            buildCall(h, release, context, old);
            LLVMBuildStore(h, storage, listField(h, header, 2));
            LLVMBuildStore(h, newCapacity, listField(h, header, 1));
            LLVMBuildBr(h, set);
            LLVMPositionBuilderAtEnd(h, set);
            LLVMBuildStore(h, length, listField(h, header, 0));
            LLVMBuildRet(h, LLVMConstInt(t.i1, 1, 0));
            LLVMPositionBuilderAtEnd(h, fail);
            LLVMBuildRet(h, LLVMConstInt(t.i1, 0, 0));
        });
    }

    private LLVMValueRef arraySize(LLVMValueRef array, int ndim) {
        LLVMValueRef size = i64(1);
        for (int k = 0; k < ndim; k++) size = LLVMBuildMul(b, size, extract(array, 2, k), "");
        return size;
    }

    /**
     * A new C-contiguous array: 64-byte aligned memory recorded in the context's allocation list,
     * owned by the caller. A negative extent raises the site (payload: the extent); a size that does
     * not fit, or a failed allocation, raises MemoryError ({@link Abi#SITE_NO_MEMORY}, payload: bytes).
     */
    private LLVMValueRef allocArray(TExpr.AllocArray e) {
        Type.Array type = e.type();
        int n = type.ndim();
        Type dtype = type.dtype();
        long elementSize = Types.sizeOf(dtype);
        LLVMValueRef[] extents = new LLVMValueRef[n];
        for (int k = 0; k < n; k++) {
            TExpr s = e.shape().get(k);
            extents[k] = cast(expr(s), s.type(), Types.INT64);
        }
        for (int k = 0; k < n; k++) {
            LLVMValueRef negative = LLVMBuildICmp(b, LLVMIntSLT, extents[k], i64(0), "");
            if (e.negativeDim() != null) raiseIf(negative, e.negativeDim(), extents[k]);
            else extents[k] = select(negative, i64(0), extents[k]);
        }
        LLVMValueRef bytes = i64(elementSize);
        LLVMValueRef overflow = LLVMConstInt(t.i1, 0, 0);
        for (int k = 0; k < n; k++) {
            LLVMValueRef pair = intrinsic("llvm.umul.with.overflow", t.i64, bytes, extents[k]);
            bytes = extract(pair, 0);
            overflow = LLVMBuildOr(b, overflow, extract(pair, 1), "");
        }
        bytes = select(overflow, i64(-1), bytes);
        LLVMValueRef block = call(allocHelper(), ctxArg, bytes);
        raiseIf(LLVMBuildICmp(b, LLVMIntEQ, block, LLVMConstNull(t.ptr), ""), Abi.SITE_NO_MEMORY, bytes);
        LLVMValueRef count = LLVMBuildUDiv(b, bytes, i64(elementSize), "");
        switch (e.fill()) {
            case ZEROS -> LLVMBuildMemSet(b, block, LLVMConstInt(t.i8, 0, 0), bytes, 64);
            case ONES -> {
                if (elementSize == 1) LLVMBuildMemSet(b, block, LLVMConstInt(t.i8, 1, 0), bytes, 64);
                else fillOnes(block, count, dtype);
            }
            case EMPTY -> { }
        }
        LLVMValueRef[] strides = new LLVMValueRef[n];
        LLVMValueRef stride = i64(elementSize);
        boolean fortran = type.layout() == Layout.F;
        for (int j = 0; j < n; j++) {
            int k = fortran ? j : n - 1 - j;
            strides[k] = stride;
            stride = LLVMBuildMul(b, stride, extents[k], "");
        }
        return arrayValue(n, block, block, extents, strides);
    }

    private void fillOnes(LLVMValueRef data, LLVMValueRef count, Type dtype) {
        LLVMValueRef one = constant(dtype, dtype instanceof Type.Complex ? new double[] {1, 0} : (Object) 1.0);
        LLVMBasicBlockRef before = LLVMGetInsertBlock(b);
        LLVMBasicBlockRef loop = block("ones");
        LLVMBasicBlockRef done = block("ones.end");
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, count, i64(0), ""), done, loop);
        LLVMPositionBuilderAtEnd(b, loop);
        LLVMValueRef k = LLVMBuildPhi(b, t.i64, "");
        LLVMBuildStore(b, one, inboundsGep(t.element(dtype), data, k));
        LLVMValueRef next = LLVMBuildNUWAdd(b, k, i64(1), "");
        phi(k, i64(0), before, next, loop);
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, next, count, ""), loop, done);
        LLVMPositionBuilderAtEnd(b, done);
    }

    /** Blocks from this size on get transparent huge pages (NumPy's allocator uses the same bound). */
    static final long HUGE_BLOCK = 4L << 20;
    private static final long HUGE_PAGE = 2L << 20;
    private static final int MADV_HUGEPAGE = 14;

    /**
     * {@code ptr aj.alloc(ptr ctx, i64 bytes)}: 64-byte aligned memory appended to the context's
     * allocation list (grown with realloc); null when it cannot be had.
     *
     * <p>On Linux a block of {@link #HUGE_BLOCK} bytes or more is 2 MiB aligned, rounded up to 2 MiB
     * and advised {@code MADV_HUGEPAGE} (as NumPy does for its arrays of 4 MiB or more): a fresh block
     * comes from {@code mmap}, and writing a new 80 MB array otherwise takes 20000 page faults, which
     * dominate kernels such as saxpy (in a VM ~10 us each: 200 ms against 12 ms with 2 MiB pages).
     * Where THP is off the advice is a no-op; {@code -Darrayjit.hugePages=false} leaves it out.
     */
    private Callee allocHelper() {
        return helper(PREFIX + "alloc", t.function(t.ptr, t.ptr, t.i64), (f, h) -> {
            Callee alignedAlloc = runtimeFunction("aligned_alloc", t.ptr, t.i64, t.i64);
            Callee free = runtimeFunction("free", LLVMVoidTypeInContext(ctx), t.ptr);
            LLVMValueRef context = LLVMGetParam(f, 0);
            LLVMValueRef bytes = LLVMGetParam(f, 1);
            LLVMValueRef nothing = LLVMConstNull(t.ptr);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef allocate = LLVMAppendBasicBlockInContext(ctx, f, "allocate");
            LLVMBasicBlockRef record = LLVMAppendBasicBlockInContext(ctx, f, "record");
            LLVMBasicBlockRef recorded = LLVMAppendBasicBlockInContext(ctx, f, "recorded");
            LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(ctx, f, "fail");
            LLVMBasicBlockRef failFree = LLVMAppendBasicBlockInContext(ctx, f, "fail.free");
            LLVMPositionBuilderAtEnd(h, entry);
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntUGT, bytes, i64(1L << 62), ""), fail, allocate);
            LLVMPositionBuilderAtEnd(h, allocate);
            LLVMValueRef size = LLVMBuildAnd(h, LLVMBuildAdd(h, LLVMBuildSelect(h,
                    LLVMBuildICmp(h, LLVMIntEQ, bytes, i64(0), ""), i64(1), bytes, ""), i64(63), ""), i64(~63L), "");
            LLVMValueRef align = i64(64);
            LLVMValueRef huge = null;
            if (hugePages) {
                huge = LLVMBuildICmp(h, LLVMIntUGE, bytes, i64(HUGE_BLOCK), "huge");
                align = LLVMBuildSelect(h, huge, i64(HUGE_PAGE), align, "");
                size = LLVMBuildSelect(h, huge, LLVMBuildAnd(h, LLVMBuildAdd(h, size, i64(HUGE_PAGE - 1), ""),
                        i64(~(HUGE_PAGE - 1)), ""), size, "");
            }
            LLVMValueRef block = buildCall(h, alignedAlloc, align, size);
            if (hugePages) {
                LLVMBasicBlockRef advise = LLVMAppendBasicBlockInContext(ctx, f, "advise");
                LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, block, nothing, ""), fail, advise);
                LLVMPositionBuilderAtEnd(h, advise);
                LLVMBasicBlockRef madvise = LLVMAppendBasicBlockInContext(ctx, f, "madvise");
                LLVMBuildCondBr(h, huge, madvise, record);
                LLVMPositionBuilderAtEnd(h, madvise);
                buildCall(h, runtimeFunction("madvise", t.i32, t.ptr, t.i64, t.i32), block, size, i32(MADV_HUGEPAGE));
                LLVMBuildBr(h, record);
            } else {
                LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, block, nothing, ""), fail, record);
            }
            LLVMPositionBuilderAtEnd(h, record);
            LLVMValueRef kept = buildCall(h, adoptHelper(), context, block);
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, kept, nothing, ""), failFree, recorded);
            LLVMPositionBuilderAtEnd(h, recorded);
            LLVMBuildRet(h, block);
            LLVMPositionBuilderAtEnd(h, failFree);
            buildCall(h, free, block);
            LLVMBuildRet(h, nothing);
            LLVMPositionBuilderAtEnd(h, fail);
            LLVMBuildRet(h, nothing);
        });
    }

    // ---- parallel loops: chunks on native threads (pthreads from the C library, nothing else) ----

    /** A worker's packet, in int64 slots: the chunk call's operands, its status and thread, then its own context. */
    private static final int PK_TRAMPOLINE = 0, PK_ARGS = 1, PK_CHUNK = 2, PK_LO = 3, PK_HI = 4, PK_STATUS = 5, PK_THREAD = 6,
            PK_CTX = 7, PK_SLOTS = PK_CTX + Abi.CTX_SLOTS;

    /** {@code i32 (ptr ctx, ptr args, i64 chunk, i64 lo, i64 hi)}: what runs one chunk. */
    private LLVMTypeRef trampolineType() { return t.function(t.i32, t.ptr, t.ptr, t.i64, t.i64, t.i64); }

    /**
     * A parallel loop: the chunk function's operands packed into a struct, then {@code aj.parallel}
     * runs every chunk through a trampoline that unpacks them; an exception in any chunk propagates.
     */
    private void parallelChunks(TStmt.ParallelChunks p) {
        TypedFunction target = unit.function(p.symbol());
        List<Var> params = target.params();
        LLVMTypeRef[] fields = new LLVMTypeRef[p.args().size()];
        for (int k = 0; k < fields.length; k++) fields[k] = t.value(params.get(k).type());
        LLVMTypeRef packType = LLVMStructTypeInContext(ctx, new PointerPointer<>(fields), fields.length, 0);
        LLVMValueRef pack = LLVMGetUndef(packType);
        for (int k = 0; k < fields.length; k++) {
            TExpr a = p.args().get(k);
            pack = LLVMBuildInsertValue(b, pack, cast(expr(a), a.type(), params.get(k).type()), k, "");
        }
        LLVMValueRef packed = temporary(packType, "parallel.args");
        LLVMBuildStore(b, pack, packed);
        LLVMValueRef length = expr(p.length()), chunks = expr(p.chunks());
        LLVMValueRef status = call(parallelHelper(), ctxArg, trampoline(target, packType), packed, length, chunks);
        LLVMBasicBlockRef raised = block("parallel.raised");
        LLVMBasicBlockRef ok = block("parallel.ok");
        condBr(LLVMBuildICmp(b, LLVMIntNE, status, i32(0), ""), raised, ok, unlikely);
        LLVMPositionBuilderAtEnd(b, raised);
        LLVMBuildRet(b, status);
        LLVMPositionBuilderAtEnd(b, ok);
    }

    /** The trampoline of a chunk function: unpacks its operands and calls it for one chunk. */
    private LLVMValueRef trampoline(TypedFunction target, LLVMTypeRef packType) {
        LLVMValueRef f = LLVMAddFunction(module, PREFIX + "chunk." + target.symbol(), trampolineType());
        LLVMSetLinkage(f, LLVMInternalLinkage);
        Attributes.add(ctx, f, Attributes.FUNCTION, "nounwind");
        LLVMBuilderRef h = LLVMCreateBuilderInContext(ctx);
        try {
            LLVMPositionBuilderAtEnd(h, LLVMAppendBasicBlockInContext(ctx, f, "entry"));
            LLVMValueRef pack = LLVMBuildLoad2(h, packType, LLVMGetParam(f, 1), "");
            int n = LLVMCountStructElementTypes(packType);
            LLVMValueRef[] args = new LLVMValueRef[n + 4];
            args[0] = LLVMGetParam(f, 0);
            for (int k = 0; k < n; k++) args[k + 1] = LLVMBuildExtractValue(h, pack, k, "");
            for (int k = 0; k < 3; k++) args[n + 1 + k] = LLVMGetParam(f, 2 + k);
            LLVMBuildRet(h, buildCall(h, functions.get(target.symbol()), args));
        } finally {
            LLVMDisposeBuilder(h);
        }
        return f;
    }

    /** {@code i64 slot} of a packet or context block, as an address. */
    private LLVMValueRef slotAt(LLVMBuilderRef h, LLVMValueRef base, LLVMValueRef slot) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(slot)) {
            return LLVMBuildInBoundsGEP2(h, t.i64, base, pp, 1, "");
        }
    }

    /** {@code for (i = from; i < to; i++) body(i)} inside a helper function. */
    private void helperLoop(LLVMBuilderRef h, LLVMValueRef f, LLVMValueRef from, LLVMValueRef to,
                            java.util.function.Consumer<LLVMValueRef> body) {
        LLVMBasicBlockRef before = LLVMGetInsertBlock(h);
        LLVMBasicBlockRef head = LLVMAppendBasicBlockInContext(ctx, f, "loop");
        LLVMBasicBlockRef inside = LLVMAppendBasicBlockInContext(ctx, f, "loop.body");
        LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(ctx, f, "loop.end");
        LLVMBuildBr(h, head);
        LLVMPositionBuilderAtEnd(h, head);
        LLVMValueRef i = LLVMBuildPhi(h, t.i64, "i");
        LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntSLT, i, to, ""), inside, exit);
        LLVMPositionBuilderAtEnd(h, inside);
        body.accept(i);
        LLVMValueRef next = LLVMBuildAdd(h, i, i64(1), "");
        LLVMBasicBlockRef last = LLVMGetInsertBlock(h);
        LLVMBuildBr(h, head);
        phi(i, from, before, next, last);
        LLVMPositionBuilderAtEnd(h, exit);
    }

    /** {@code if (cond) then()} inside a helper function. */
    private void helperIf(LLVMBuilderRef h, LLVMValueRef f, LLVMValueRef cond, Runnable then) {
        LLVMBasicBlockRef yes = LLVMAppendBasicBlockInContext(ctx, f, "then");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(ctx, f, "endif");
        LLVMBuildCondBr(h, cond, yes, done);
        LLVMPositionBuilderAtEnd(h, yes);
        then.run();
        LLVMBuildBr(h, done);
        LLVMPositionBuilderAtEnd(h, done);
    }

    /**
     * {@code i32 aj.parallel(ptr ctx, ptr trampoline, ptr args, i64 n, i64 chunks)}: splits
     * {@code [0, n)} into {@code chunks} near-equal parts; runs chunk 0 on the calling thread and
     * each other chunk on a thread of its own, with a context of its own (its own allocation list
     * and random state); joins them; adopts their allocations into the caller's list; and returns
     * the status of the lowest chunk that raised (its site and payload copied into {@code ctx}), or
     * 0. A thread that cannot be created runs its chunk on the calling thread instead; without
     * memory for the packets every chunk does.
     */
    private Callee parallelHelper() {
        return helper(PREFIX + "parallel", t.function(t.i32, t.ptr, t.ptr, t.ptr, t.i64, t.i64), (f, h) -> {
            Callee calloc = runtimeFunction("calloc", t.ptr, t.i64, t.i64);
            Callee free = runtimeFunction("free", LLVMVoidTypeInContext(ctx), t.ptr);
            Callee create = runtimeFunction("pthread_create", t.i32, t.ptr, t.ptr, t.ptr, t.ptr);
            Callee join = runtimeFunction("pthread_join", t.i32, t.i64, t.ptr);
            Callee adopt = adoptHelper();
            LLVMValueRef worker = workerMain();
            LLVMValueRef context = LLVMGetParam(f, 0), tramp = LLVMGetParam(f, 1), args = LLVMGetParam(f, 2);
            LLVMValueRef n = LLVMGetParam(f, 3), chunks = LLVMGetParam(f, 4);
            Callee chunk = new Callee(tramp, trampolineType());
            LLVMValueRef nothing = LLVMConstNull(t.ptr);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef serial = LLVMAppendBasicBlockInContext(ctx, f, "serial");
            LLVMBasicBlockRef threads = LLVMAppendBasicBlockInContext(ctx, f, "threads");
            LLVMPositionBuilderAtEnd(h, entry);
            LLVMValueRef result = LLVMBuildAlloca(h, t.i32, "result");
            LLVMBuildStore(h, i32(0), result);
            LLVMValueRef base = LLVMBuildSDiv(h, n, chunks, "base"), rem = LLVMBuildSRem(h, n, chunks, "rem");
            java.util.function.Function<LLVMValueRef, LLVMValueRef> lo = c -> LLVMBuildAdd(h, LLVMBuildMul(h, c, base, ""),
                    LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntSLT, c, rem, ""), c, rem, ""), "lo");
            java.util.function.Function<LLVMValueRef, LLVMValueRef> hi = c -> lo.apply(LLVMBuildAdd(h, c, i64(1), ""));
            LLVMBasicBlockRef allocate = LLVMAppendBasicBlockInContext(ctx, f, "packets");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntSLE, chunks, i64(1), ""), serial, allocate);
            LLVMPositionBuilderAtEnd(h, allocate);
            LLVMValueRef packets = buildCall(h, calloc, chunks, i64(PK_SLOTS * 8L));
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, packets, nothing, ""), serial, threads);

            // Serial: every chunk in order on this thread (one chunk, or no memory for packets).
            LLVMPositionBuilderAtEnd(h, serial);
            LLVMBasicBlockRef serialDone = LLVMAppendBasicBlockInContext(ctx, f, "serial.done");
            helperLoop(h, f, i64(0), chunks, c -> {
                LLVMValueRef st = buildCall(h, chunk, context, args, c, lo.apply(c), hi.apply(c));
                LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(ctx, f, "serial.next");
                LLVMBasicBlockRef failed = LLVMAppendBasicBlockInContext(ctx, f, "serial.raised");
                LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntNE, st, i32(0), ""), failed, next);
                LLVMPositionBuilderAtEnd(h, failed);
                LLVMBuildStore(h, st, result);
                LLVMBuildBr(h, serialDone);
                LLVMPositionBuilderAtEnd(h, next);
            });
            LLVMBuildBr(h, serialDone);
            LLVMPositionBuilderAtEnd(h, serialDone);
            LLVMBuildRet(h, LLVMBuildLoad2(h, t.i32, result, ""));

            // Threads: start chunks 1.., run chunk 0 here, join, adopt, report.
            LLVMPositionBuilderAtEnd(h, threads);
            java.util.function.Function<LLVMValueRef, LLVMValueRef> packet = c -> slotAt(h, packets, LLVMBuildMul(h, c, i64(PK_SLOTS), ""));
            LLVMValueRef parentRandom = LLVMBuildLoad2(h, t.ptr, ctxSlot(h, context, Abi.CTX_RANDOM), "");
            helperLoop(h, f, i64(1), chunks, c -> {
                LLVMValueRef pk = packet.apply(c);
                LLVMValueRef cLo = lo.apply(c), cHi = hi.apply(c);
                LLVMBuildStore(h, tramp, slotAt(h, pk, i64(PK_TRAMPOLINE)));
                LLVMBuildStore(h, args, slotAt(h, pk, i64(PK_ARGS)));
                LLVMBuildStore(h, c, slotAt(h, pk, i64(PK_CHUNK)));
                LLVMBuildStore(h, cLo, slotAt(h, pk, i64(PK_LO)));
                LLVMBuildStore(h, cHi, slotAt(h, pk, i64(PK_HI)));
                LLVMValueRef own = slotAt(h, pk, i64(PK_CTX));
                LLVMBuildMemCpy(h, own, 8, context, 8, i64(Abi.CTX_SLOTS * 8L));
                for (int slot : new int[] {Abi.CTX_SITE, Abi.CTX_ALLOC_COUNT, Abi.CTX_ALLOC_CAPACITY, Abi.CTX_ALLOC_LIST}) {
                    LLVMBuildStore(h, i64(0), ctxSlot(h, own, slot));
                }
                LLVMValueRef random = buildCall(h, calloc, i64(1), i64(Abi.RANDOM_BLOCK_BYTES));
                LLVMBuildStore(h, LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntEQ, random, nothing, ""), parentRandom, random, ""),
                        ctxSlot(h, own, Abi.CTX_RANDOM));
                LLVMValueRef rc = buildCall(h, create, slotAt(h, pk, i64(PK_THREAD)), nothing, worker, pk);
                helperIf(h, f, LLVMBuildICmp(h, LLVMIntNE, rc, i32(0), ""), () -> {
                    LLVMBuildStore(h, i64(0), slotAt(h, pk, i64(PK_THREAD)));
                    LLVMValueRef st = buildCall(h, chunk, own, args, c, cLo, cHi);
                    LLVMBuildStore(h, LLVMBuildZExt(h, st, t.i64, ""), slotAt(h, pk, i64(PK_STATUS)));
                });
            });
            LLVMValueRef first = buildCall(h, chunk, context, args, i64(0), i64(0), hi.apply(i64(0)));
            LLVMBuildStore(h, first, result);
            helperLoop(h, f, i64(1), chunks, c -> {
                LLVMValueRef thread = LLVMBuildLoad2(h, t.i64, slotAt(h, packet.apply(c), i64(PK_THREAD)), "");
                helperIf(h, f, LLVMBuildICmp(h, LLVMIntNE, thread, i64(0), ""), () -> buildCall(h, join, thread, nothing));
            });
            helperLoop(h, f, i64(1), chunks, c -> {
                LLVMValueRef pk = packet.apply(c);
                LLVMValueRef own = slotAt(h, pk, i64(PK_CTX));
                LLVMValueRef count = LLVMBuildLoad2(h, t.i64, ctxSlot(h, own, Abi.CTX_ALLOC_COUNT), "");
                LLVMValueRef list = LLVMBuildLoad2(h, t.ptr, ctxSlot(h, own, Abi.CTX_ALLOC_LIST), "");
                helperLoop(h, f, i64(0), count, j -> {
                    LLVMValueRef blk = LLVMBuildLoad2(h, t.ptr, slotAt(h, list, j), "");
                    helperIf(h, f, LLVMBuildICmp(h, LLVMIntNE, blk, nothing, ""), () -> {
                        LLVMValueRef kept = buildCall(h, adopt, context, blk);
                        helperIf(h, f, LLVMBuildICmp(h, LLVMIntEQ, kept, nothing, ""), () -> buildCall(h, free, blk));
                    });
                });
                buildCall(h, free, list);
                LLVMValueRef random = LLVMBuildLoad2(h, t.ptr, ctxSlot(h, own, Abi.CTX_RANDOM), "");
                helperIf(h, f, LLVMBuildICmp(h, LLVMIntNE, random, parentRandom, ""), () -> buildCall(h, free, random));
                LLVMValueRef st = LLVMBuildTrunc(h, LLVMBuildLoad2(h, t.i64, slotAt(h, pk, i64(PK_STATUS)), ""), t.i32, "");
                LLVMValueRef firstFailure = LLVMBuildAnd(h, LLVMBuildICmp(h, LLVMIntEQ, LLVMBuildLoad2(h, t.i32, result, ""), i32(0), ""),
                        LLVMBuildICmp(h, LLVMIntNE, st, i32(0), ""), "");
                helperIf(h, f, firstFailure, () -> {
                    LLVMBuildStore(h, st, result);
                    LLVMBuildStore(h, LLVMBuildLoad2(h, t.i64, ctxSlot(h, own, Abi.CTX_SITE), ""), ctxSlot(h, context, Abi.CTX_SITE));
                    LLVMBuildStore(h, LLVMBuildLoad2(h, t.i64, ctxSlot(h, own, Abi.CTX_WHERE), ""), ctxSlot(h, context, Abi.CTX_WHERE));
                    LLVMBuildMemCpy(h, ctxSlot(h, context, Abi.CTX_PAYLOAD), 8, ctxSlot(h, own, Abi.CTX_PAYLOAD), 8,
                            i64(Abi.PAYLOAD_SLOTS * 8L));
                });
            });
            buildCall(h, free, packets);
            LLVMBuildRet(h, LLVMBuildLoad2(h, t.i32, result, ""));
        });
    }

    /** {@code ptr aj.parallel.worker(ptr packet)}: a thread's start routine, running its packet's chunk. */
    private LLVMValueRef workerMain() {
        LLVMValueRef f = LLVMAddFunction(module, PREFIX + "parallel.worker", t.function(t.ptr, t.ptr));
        LLVMSetLinkage(f, LLVMInternalLinkage);
        Attributes.add(ctx, f, Attributes.FUNCTION, "nounwind");
        LLVMBuilderRef h = LLVMCreateBuilderInContext(ctx);
        try {
            LLVMPositionBuilderAtEnd(h, LLVMAppendBasicBlockInContext(ctx, f, "entry"));
            LLVMValueRef pk = LLVMGetParam(f, 0);
            java.util.function.IntFunction<LLVMValueRef> field = k -> LLVMBuildLoad2(h, t.i64, slotAt(h, pk, i64(k)), "");
            LLVMValueRef tramp = LLVMBuildLoad2(h, t.ptr, slotAt(h, pk, i64(PK_TRAMPOLINE)), "");
            LLVMValueRef args = LLVMBuildLoad2(h, t.ptr, slotAt(h, pk, i64(PK_ARGS)), "");
            LLVMValueRef st = buildCall(h, new Callee(tramp, trampolineType()), slotAt(h, pk, i64(PK_CTX)), args,
                    field.apply(PK_CHUNK), field.apply(PK_LO), field.apply(PK_HI));
            LLVMBuildStore(h, LLVMBuildZExt(h, st, t.i64, ""), slotAt(h, pk, i64(PK_STATUS)));
            LLVMBuildRet(h, LLVMConstNull(t.ptr));
        } finally {
            LLVMDisposeBuilder(h);
        }
        return f;
    }

    /**
     * {@code ptr aj.adopt(ptr ctx, ptr block)}: appends a block to the context's allocation list
     * (grown with realloc), so the runtime frees it after the call unless a result owns it; the
     * block, or null when the list cannot grow.
     */
    private Callee adoptHelper() {
        return helper(PREFIX + "adopt", t.function(t.ptr, t.ptr, t.ptr), (f, h) -> {
            Callee realloc = runtimeFunction("realloc", t.ptr, t.ptr, t.i64);
            LLVMValueRef context = LLVMGetParam(f, 0), block = LLVMGetParam(f, 1);
            LLVMValueRef nothing = LLVMConstNull(t.ptr);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef grow = LLVMAppendBasicBlockInContext(ctx, f, "grow");
            LLVMBasicBlockRef grown = LLVMAppendBasicBlockInContext(ctx, f, "grown");
            LLVMBasicBlockRef append = LLVMAppendBasicBlockInContext(ctx, f, "append");
            LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(ctx, f, "fail");
            LLVMPositionBuilderAtEnd(h, entry);
            LLVMValueRef countAt = ctxSlot(h, context, Abi.CTX_ALLOC_COUNT);
            LLVMValueRef capacityAt = ctxSlot(h, context, Abi.CTX_ALLOC_CAPACITY);
            LLVMValueRef listAt = ctxSlot(h, context, Abi.CTX_ALLOC_LIST);
            LLVMValueRef count = LLVMBuildLoad2(h, t.i64, countAt, "count");
            LLVMValueRef capacity = LLVMBuildLoad2(h, t.i64, capacityAt, "capacity");
            LLVMValueRef list = LLVMBuildLoad2(h, t.ptr, listAt, "list");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntUGE, count, capacity, ""), grow, append);
            LLVMPositionBuilderAtEnd(h, grow);
            LLVMValueRef newCapacity = LLVMBuildSelect(h, LLVMBuildICmp(h, LLVMIntULT, capacity, i64(8), ""), i64(16),
                    LLVMBuildMul(h, capacity, i64(2), ""), "");
            LLVMValueRef newList = buildCall(h, realloc, list, LLVMBuildMul(h, newCapacity, i64(8), ""));
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, newList, nothing, ""), fail, grown);
            LLVMPositionBuilderAtEnd(h, grown);
            LLVMBuildStore(h, newList, listAt);
            LLVMBuildStore(h, newCapacity, capacityAt);
            LLVMBuildBr(h, append);
            LLVMPositionBuilderAtEnd(h, append);
            LLVMValueRef current = LLVMBuildPhi(h, t.ptr, "");
            phi(current, list, entry, newList, grown);
            try (PointerPointer<LLVMValueRef> pp = Llvm.array(count)) {
                LLVMBuildStore(h, block, LLVMBuildInBoundsGEP2(h, t.ptr, current, pp, 1, ""));
            }
            LLVMBuildStore(h, LLVMBuildAdd(h, count, i64(1), ""), countAt);
            LLVMBuildRet(h, block);
            LLVMPositionBuilderAtEnd(h, fail);
            LLVMBuildRet(h, nothing);
        });
    }

    /**
     * {@code void aj.release(ptr ctx, ptr block)}: frees a block this call allocated and clears its
     * entry in the allocation list (searched from the newest), so the runtime does not free it again.
     * A null block (memory the kernel does not own) is left alone.
     */
    private Callee releaseHelper() {
        return helper(PREFIX + "release", t.function(LLVMVoidTypeInContext(ctx), t.ptr, t.ptr), (f, h) -> {
            Callee free = runtimeFunction("free", LLVMVoidTypeInContext(ctx), t.ptr);
            LLVMValueRef context = LLVMGetParam(f, 0), target = LLVMGetParam(f, 1);
            LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(ctx, f, "entry");
            LLVMBasicBlockRef scan = LLVMAppendBasicBlockInContext(ctx, f, "scan");
            LLVMBasicBlockRef check = LLVMAppendBasicBlockInContext(ctx, f, "check");
            LLVMBasicBlockRef found = LLVMAppendBasicBlockInContext(ctx, f, "found");
            LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(ctx, f, "done");
            LLVMPositionBuilderAtEnd(h, entry);
            LLVMValueRef count = LLVMBuildLoad2(h, t.i64, ctxSlot(h, context, Abi.CTX_ALLOC_COUNT), "count");
            LLVMValueRef list = LLVMBuildLoad2(h, t.ptr, ctxSlot(h, context, Abi.CTX_ALLOC_LIST), "list");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, target, LLVMConstNull(t.ptr), ""), done, scan);
            LLVMPositionBuilderAtEnd(h, scan);
            LLVMValueRef k = LLVMBuildPhi(h, t.i64, "k");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, k, i64(0), ""), done, check);
            LLVMPositionBuilderAtEnd(h, check);
            LLVMValueRef prev = LLVMBuildSub(h, k, i64(1), "");
            LLVMValueRef at;
            try (PointerPointer<LLVMValueRef> pp = Llvm.array(prev)) {
                at = LLVMBuildInBoundsGEP2(h, t.ptr, list, pp, 1, "");
            }
            LLVMValueRef entryValue = LLVMBuildLoad2(h, t.ptr, at, "");
            LLVMBuildCondBr(h, LLVMBuildICmp(h, LLVMIntEQ, entryValue, target, ""), found, scan);
            try (PointerPointer<LLVMValueRef> vals = Llvm.array(count, prev);
                 PointerPointer<LLVMBasicBlockRef> blocks = new PointerPointer<>(entry, check)) {
                LLVMAddIncoming(k, vals, blocks, 2);
            }
            LLVMPositionBuilderAtEnd(h, found);
            LLVMBuildStore(h, LLVMConstNull(t.ptr), at);
            buildCall(h, free, target);
            LLVMBuildBr(h, done);
            LLVMPositionBuilderAtEnd(h, done);
            LLVMBuildRetVoid(h);
        });
    }

    private LLVMValueRef ctxSlot(LLVMBuilderRef h, LLVMValueRef context, int slot) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(i64(slot))) {
            return LLVMBuildInBoundsGEP2(h, t.i64, context, pp, 1, "");
        }
    }

    private Callee runtimeFunction(String name, LLVMTypeRef result, LLVMTypeRef... params) {
        Callee known = declarations.get(name);
        if (known != null) return known;
        LLVMTypeRef type = t.function(result, params);
        LLVMValueRef f = LLVMAddFunction(module, name, type);
        Attributes.add(ctx, f, Attributes.FUNCTION, "nounwind");
        Callee callee = new Callee(f, type);
        declarations.put(name, callee);
        return callee;
    }

    private LLVMValueRef arrayValue(int ndim, LLVMValueRef meminfo, LLVMValueRef data, LLVMValueRef[] extents,
                                    LLVMValueRef[] strides) {
        LLVMValueRef v = LLVMGetUndef(t.array(ndim));
        v = LLVMBuildInsertValue(b, v, meminfo, 0, "");
        v = LLVMBuildInsertValue(b, v, data, 1, "");
        LLVMTypeRef dims = LLVMArrayType2(t.i64, ndim);
        LLVMValueRef e = LLVMGetUndef(dims);
        LLVMValueRef s = LLVMGetUndef(dims);
        for (int k = 0; k < ndim; k++) {
            e = LLVMBuildInsertValue(b, e, extents[k], k, "");
            s = LLVMBuildInsertValue(b, s, strides[k], k, "");
        }
        v = LLVMBuildInsertValue(b, v, e, 2, "");
        return LLVMBuildInsertValue(b, v, s, 3, "");
    }

    // =====================================================================================
    // Raising
    // =====================================================================================

    /** Stores the site and payload into the context and returns status 1. */
    private void raise(long site, LLVMValueRef... payload) {
        LLVMBuildStore(b, i64(site), ctxSlot(b, ctxArg, Abi.CTX_SITE));
        for (int k = 0; k < payload.length; k++) LLVMBuildStore(b, payload[k], ctxSlot(b, ctxArg, Abi.CTX_PAYLOAD + k));
        LLVMBuildRet(b, i32(1));
    }

    private void raiseIf(LLVMValueRef cond, ErrorSite site, LLVMValueRef... payload) {
        raiseIf(cond, site.id(), payload);
    }

    private void raiseIf(LLVMValueRef cond, long site, LLVMValueRef... payload) {
        LLVMBasicBlockRef raise = block("raise");
        LLVMBasicBlockRef ok = block("ok");
        condBr(cond, raise, ok, unlikely);
        LLVMPositionBuilderAtEnd(b, raise);
        raise(site, payload);
        LLVMPositionBuilderAtEnd(b, ok);
    }

    // =====================================================================================
    // Builder helpers
    // =====================================================================================

    private LLVMBasicBlockRef block(String name) { return LLVMAppendBasicBlockInContext(ctx, llfn, name); }

    private boolean terminated() {
        LLVMValueRef term = LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(b));
        return term != null && !term.isNull();
    }

    private void condBr(LLVMValueRef cond, LLVMBasicBlockRef ifTrue, LLVMBasicBlockRef ifFalse, LLVMValueRef weights) {
        LLVMSetMetadata(LLVMBuildCondBr(b, cond, ifTrue, ifFalse), profKind, weights);
    }

    private LLVMValueRef branchWeights(int taken, int notTaken) {
        try (PointerPointer<org.bytedeco.llvm.LLVM.LLVMMetadataRef> pp = Llvm.array(
                LLVMMDStringInContext2(ctx, "branch_weights", 14),
                LLVMValueAsMetadata(LLVMConstInt(LLVMInt32TypeInContext(ctx), taken, 0)),
                LLVMValueAsMetadata(LLVMConstInt(LLVMInt32TypeInContext(ctx), notTaken, 0)))) {
            return LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, pp, 3));
        }
    }

    private LLVMValueRef call(Callee callee, LLVMValueRef... args) { return buildCall(b, callee, args); }

    private LLVMValueRef buildCall(LLVMBuilderRef builder, Callee callee, LLVMValueRef... args) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(args)) {
            return LLVMBuildCall2(builder, callee.type(), callee.fn(), pp, args.length, "");
        }
    }

    private void phi(LLVMValueRef phi, LLVMValueRef v1, LLVMBasicBlockRef b1, LLVMValueRef v2, LLVMBasicBlockRef b2) {
        try (PointerPointer<LLVMValueRef> values = Llvm.array(v1, v2);
             PointerPointer<LLVMBasicBlockRef> blocks = Llvm.array(b1, b2)) {
            LLVMAddIncoming(phi, values, blocks, 2);
        }
    }

    private LLVMValueRef gep(LLVMTypeRef type, LLVMValueRef base, LLVMValueRef index) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(index)) {
            return LLVMBuildGEP2(b, type, base, pp, 1, "");
        }
    }

    private LLVMValueRef inboundsGep(LLVMTypeRef type, LLVMValueRef base, LLVMValueRef index) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(index)) {
            return LLVMBuildInBoundsGEP2(b, type, base, pp, 1, "");
        }
    }

    private LLVMValueRef select(LLVMValueRef cond, LLVMValueRef ifTrue, LLVMValueRef ifFalse) {
        return LLVMBuildSelect(b, cond, ifTrue, ifFalse, "");
    }

    private LLVMValueRef extract(LLVMValueRef aggregate, int index) {
        return LLVMBuildExtractValue(b, aggregate, index, "");
    }

    private LLVMValueRef extract(LLVMValueRef aggregate, int field, int element) {
        return LLVMBuildExtractValue(b, LLVMBuildExtractValue(b, aggregate, field, ""), element, "");
    }

    private LLVMValueRef aggregate(LLVMTypeRef type, LLVMValueRef... parts) {
        LLVMValueRef v = LLVMGetUndef(type);
        for (int k = 0; k < parts.length; k++) v = LLVMBuildInsertValue(b, v, parts[k], k, "");
        return v;
    }

    private LLVMValueRef constStruct(LLVMValueRef... parts) {
        try (PointerPointer<LLVMValueRef> pp = Llvm.array(parts)) {
            return LLVMConstStructInContext(ctx, pp, parts.length, 0);
        }
    }

    /** Fast-math flags on a float instruction of a {@code fastmath=True} function. */
    private LLVMValueRef fp(LLVMValueRef v) {
        if (fastmath && LLVMCanValueUseFastMathFlags(v) != 0) LLVMSetFastMathFlags(v, LLVMFastMathAll);
        return v;
    }

    private LLVMValueRef i64(long v) { return LLVMConstInt(t.i64, v, 1); }

    private LLVMValueRef i32(long v) { return LLVMConstInt(t.i32, v, 1); }

    /** An integer constant of {@code bits} from a long holding its (possibly unsigned) bit pattern. */
    private LLVMValueRef constInt(int bits, long v) {
        long normalized = bits == 64 ? v : (v << (64 - bits)) >> (64 - bits);
        return LLVMConstInt(t.intType(bits), normalized, 1);
    }

    /** Typing keeps GPU intrinsics inside GPU kernels, which never reach this backend. */
    private IllegalStateException gpuOnly(TExpr e) {
        return ice("the GPU operation " + dev.arrayjit.typeinfer.ir.IrPrinter.expr(e) + " reached the CPU backend");
    }

    private IllegalStateException ice(String what) {
        return new IllegalStateException("internal compiler error in "
                + (fn == null ? "unit" : fn.name() + " (" + fn.symbol() + ")") + ": " + what);
    }
}
