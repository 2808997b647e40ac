package dev.arrayjit.runtime;

import dev.arrayjit.runtime.call.Invoker;
import dev.arrayjit.runtime.call.Typeof;
import dev.arrayjit.typeinfer.KernelInfo;
import dev.arrayjit.typeinfer.UfuncRequest;
import dev.arrayjit.typeinfer.types.Type;
import dev.arrayjit.typeinfer.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code @vectorize} kernel as a NumPy ufunc: called with numbers it gives a number; with arrays
 * (and numbers) it applies the kernel to every element of the operands broadcast together, into a
 * new array or an {@code out} array; {@link #reduce}, {@link #accumulate} and {@link #outer} work
 * as NumPy's do. The loop comes from the decorator's signatures by NumPy's casting rules
 * ({@link UfuncLoopChooser}). A ufunc without signatures works as Numba's DUFunc: a call uses the
 * first loop compiled so far that its inputs cast to, else compiles a loop for the inputs' own
 * types, so which loop a call gets can depend on the calls before it, as in Numba. Each
 * (operation, operand types, loop) compiles once.
 */
public final class Ufunc {
    private final KernelModule module;
    private final KernelInfo info;
    private final CompileCache<UfuncRequest> cache;
    /** The loops a ufunc without signatures has made so far, in order. */
    private final List<KernelInfo.Signature> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Whether element loops run on several threads: the decorator's target, unless the module's options name one. */
    private final boolean parallel;
    /** The loops on an OpenCL device under target='opencl' (null: on the CPU). */
    private final DeviceLoops device;

    /** Why ufuncs cannot run on an OpenCL device here (what to install), or null when they can. */
    public static String offloadUnavailable() { return DeviceLoops.unavailable(); }

    /** The OpenCL C of the loops this ufunc has run on a device so far (empty on the CPU). */
    public List<String> deviceSources() { return device == null ? List.of() : device.sources(); }

    Ufunc(KernelModule module, KernelInfo info) {
        this.module = module;
        this.info = info;
        String target = module.options().targetGiven() ? module.options().target() : info.target();
        this.parallel = target.equals("parallel");
        this.device = target.equals("opencl") ? new DeviceLoops(module, info.name()) : null;
        this.cache = new CompileCache<>(info.name(), this::compile);
    }

    private Specialization compile(UfuncRequest r) {
        List<Type> params = new ArrayList<>(r.argTypes());
        if (r.out() != null) params.add(r.out());
        String label = info.name() + "." + r.method().name().toLowerCase(java.util.Locale.ROOT) + r.argTypes() + " loop " + r.loop();
        return module.compile(label, params, () -> module.program().specializeUfunc(info.name(), r));
    }

    public String name() { return info.name(); }

    /** The number of inputs. */
    public int nin() { return info.layout() != null ? info.layout().inputs().size() : info.params().size(); }

    /** The number of outputs. */
    public int nout() { return info.layout() != null ? info.layout().outputs().size() : 1; }

    /** The loops of the decorator's signatures, in NumPy's notation ({@code dd->d}); empty for a lazily compiled ufunc. */
    public List<String> types() { return loops().stream().map(KernelInfo.Signature::loopLetters).toList(); }

    private List<KernelInfo.Signature> loops() { return info.signatures().isEmpty() ? List.copyOf(made) : info.signatures(); }

    /** The loop for these operands: by NumPy's rules among the loops there are, or a new one of their own types (lazily). */
    private List<Type> loop(Object[] values, List<Type> types) {
        if (!info.signatures().isEmpty()) return UfuncLoopChooser.choose(info, values, types);
        List<Type> found = UfuncLoopChooser.first(made, values, types);
        if (found != null) return found;
        return types.stream().map(dev.arrayjit.typeinfer.types.Types::dtypeOf).toList();
    }

    /** The compiled request; a new loop of a ufunc without signatures joins its loops once it compiles. */
    private Specialization specialization(UfuncRequest r) {
        Specialization spec = cache.get(r);
        remember(r.loop());
        return spec;
    }

    /** A loop that compiled joins the loops of a ufunc without signatures, as Numba's DUFunc keeps them. */
    private void remember(List<Type> loop) {
        if (!info.signatures().isEmpty()) return;
        synchronized (made) {
            if (made.stream().noneMatch(l -> l.args().equals(loop))) made.add(new KernelInfo.Signature(loop, null));
        }
    }

    /** The specializations compiled so far. */
    List<Specialization> specializations() { return cache.specializations(); }

    /** Time spent compiling this ufunc's specializations. */
    long compileNanos() { return cache.compileNanos(); }

    /**
     * The kernel applied element-wise: a number for numbers, else a new C-contiguous array of the
     * operands' broadcast shape. Java arrays are taken as 1-D arrays.
     * @throws ArgumentException for operands it cannot take or a loop that does not exist
     * @throws KernelException when the kernel raises, or the shapes do not broadcast (ValueError)
     */
    public Object call(Object... inputs) {
        if (info.layout() != null) return callGeneralized(inputs);
        Object[] in = operands(inputs, nin());
        List<Type> types = types(in);
        if (device != null) {
            List<Type> loop = loop(in, types);
            Object r = device.call(in, types, loop);
            remember(loop);
            return r;
        }
        return Invoker.call(specialization(new UfuncRequest(UfuncRequest.Method.CALL, types, loop(in, types), null, 0, parallel)), in);
    }

    /** {@link #call} writing into {@code out} (converted to its dtype, NumPy's same-kind casting); returns {@code out}. */
    public NDArray callInto(NDArray out, Object... inputs) {
        Object[] in = operands(inputs, nin());
        List<Type> types = types(in);
        int ndim = 0;
        for (Type t : types) ndim = Math.max(ndim, t instanceof Type.Array a ? a.ndim() : 0);
        if (out.readOnly()) throw new ArgumentException("the out array of " + name() + "() is read-only");
        if (out.ndim() < ndim) {
            throw new ArgumentException("the out array of " + name() + "() has " + out.ndim() + " dimension" + (out.ndim() == 1 ? "" : "s")
                    + " but the inputs broadcast to " + ndim);
        }
        if (device != null) { // the loop runs on the device; its result is cast into out here
            List<Type> loop = loop(in, types);
            NDArray result = device.callArray(in, types, loop);
            remember(loop);
            if (!Types.canCastSameKind(result.dtype(), out.dtype())) {
                throw new ArgumentException("cannot cast ufunc '" + name() + "' output from " + result.dtype() + " to " + out.dtype()
                        + " with casting rule 'same_kind'; pass an out array of " + result.dtype());
            }
            DeviceLoops.copyInto(out, result);
            return out;
        }
        Object[] all = java.util.Arrays.copyOf(in, in.length + 1);
        all[in.length] = out;
        UfuncRequest r = new UfuncRequest(UfuncRequest.Method.CALL, types, loop(in, types), out.type(), 0, parallel);
        Invoker.call(specialization(r), all);
        return out;
    }

    /**
     * A {@code target='opencl'} ufunc writing into a device array (Numba's {@code out=} of a CUDA
     * ufunc): {@code out} must have the result's shape and the chosen loop's result type; returns it.
     * @throws ArgumentException for a CPU ufunc or an out of another dtype or shape
     */
    public DeviceArray callInto(DeviceArray out, Object... inputs) {
        if (device == null || info.layout() != null) {
            throw new ArgumentException(name() + "() runs on the CPU; a device array out= needs a @vectorize(..., target='opencl') ufunc");
        }
        Object[] in = operands(inputs, nin());
        List<Type> types = types(in);
        List<Type> loop = loop(in, types);
        device.call(in, types, loop, out);
        remember(loop);
        return out;
    }

    /**
     * A {@code @guvectorize} kernel: its inputs, and optionally its outputs (written and returned);
     * without outputs they are allocated and returned (a tuple for several, a number for a scalar
     * core without outer dimensions).
     */
    private Object callGeneralized(Object[] given) {
        int nin = nin(), nout = nout();
        if (given.length != nin && given.length != nin + nout) {
            throw new ArgumentException(name() + "() takes " + nin + " input" + (nin == 1 ? "" : "s") + " (and optionally its " + nout
                    + " output" + (nout == 1 ? "" : "s") + ") but " + given.length + (given.length == 1 ? " was" : " were") + " given");
        }
        if (info.signatures().isEmpty()) {
            throw new ArgumentException("@guvectorize '" + name() + "' has no signatures: give them in the decorator");
        }
        Object[] in = operands(given, given.length);
        List<Type> types = types(in);
        for (int j = nin; j < in.length; j++) {
            if (!(in[j] instanceof NDArray o) || o.readOnly()) {
                throw new ArgumentException("output " + (j - nin + 1) + " of " + name() + "() must be a writable array");
            }
        }
        List<KernelInfo.Signature> byInputs = new ArrayList<>();
        for (KernelInfo.Signature sig : info.signatures()) {
            byInputs.add(new KernelInfo.Signature(sig.args().subList(0, Math.min(nin, sig.args().size())).stream()
                    .map(dev.arrayjit.typeinfer.types.Types::dtypeOf).toList(), null));
        }
        List<Type> inputs = types.subList(0, nin);
        // As Numba's gufuncs (like its parallel ufuncs): a loop of exactly the inputs' types first.
        Object[] values = java.util.Arrays.copyOf(in, nin);
        List<Type> chosen = UfuncLoopChooser.exact(byInputs, values, inputs);
        if (chosen == null) chosen = UfuncLoopChooser.first(byInputs, values, inputs);
        if (chosen == null) {
            throw new ArgumentException("gufunc '" + name() + "' has no loop for the input types (" + String.join(", ", inputs.stream()
                    .map(t -> dev.arrayjit.typeinfer.types.Types.dtypeOf(t).toString()).toList()) + "); its signatures are "
                    + info.signatures().stream().map(KernelInfo.Signature::loopLetters).toList());
        }
        List<Type> loop = info.signatures().get(byInputs.stream().map(KernelInfo.Signature::args).toList().indexOf(chosen)).args();
        if (device != null) {
            Object[] outs = device.callGeneralized(in, loop, info.layout());
            return outs.length == 1 ? outs[0] : new PyTuple(java.util.Arrays.asList(outs));
        }
        Object r = Invoker.call(specialization(new UfuncRequest(UfuncRequest.Method.GENERALIZED, types, loop, null, 0, parallel)), in);
        if (given.length == nin) return r;
        return nout == 1 ? in[nin] : new PyTuple(java.util.Arrays.asList(java.util.Arrays.copyOfRange(in, nin, in.length)));
    }

    /** {@code reduce(a, axis=0)}. */
    public Object reduce(Object array) { return reduce(array, 0); }

    /**
     * Folds {@code array} along {@code axis} with the kernel (a two-input one): a number for a 1-D
     * array, else an array of one dimension less. An empty axis raises ValueError.
     */
    public Object reduce(Object array, int axis) { return fold(UfuncRequest.Method.REDUCE, array, axis); }

    /** {@code accumulate(a, axis=0)}. */
    public NDArray accumulate(Object array) { return accumulate(array, 0); }

    /** The running folds along {@code axis}: an array of the operand's shape. */
    public NDArray accumulate(Object array, int axis) { return (NDArray) fold(UfuncRequest.Method.ACCUMULATE, array, axis); }

    /** The kernel applied to every pair of an element of {@code a} and one of {@code b}: shape {@code a.shape + b.shape}. */
    public NDArray outer(Object a, Object b) {
        binary("outer");
        Object[] in = operands(new Object[] {a, b}, 2);
        List<Type> types = types(in);
        for (int i = 0; i < 2; i++) {
            if (!(types.get(i) instanceof Type.Array)) throw new ArgumentException(name() + ".outer() needs two arrays");
        }
        UfuncRequest r = new UfuncRequest(UfuncRequest.Method.OUTER, types, loop(in, types), null, 0, parallel);
        return (NDArray) Invoker.call(specialization(r), in);
    }

    private Object fold(UfuncRequest.Method method, Object array, int axis) {
        String what = method.name().toLowerCase(java.util.Locale.ROOT);
        binary(what);
        Object[] in = operands(new Object[] {array}, 1);
        if (!(in[0] instanceof NDArray a) || a.ndim() == 0) throw new ArgumentException(name() + "." + what + "() needs an array of at least one dimension");
        int ax = axis < 0 ? axis + a.ndim() : axis;
        if (ax < 0 || ax >= a.ndim()) {
            throw new ArgumentException("axis " + axis + " is out of bounds for array of dimension " + a.ndim());
        }
        Type at = a.type();
        List<Type> loop = loop(new Object[] {a, a}, List.of(at, at));
        return Invoker.call(specialization(new UfuncRequest(method, List.of(at), loop, null, ax, parallel)), in);
    }

    private void binary(String what) {
        if (nin() != 2) throw new ArgumentException(what + "() only works on ufuncs of two inputs; " + name() + "() takes " + nin());
    }

    private Object[] operands(Object[] inputs, int n) {
        if (inputs.length != n) {
            throw new ArgumentException(name() + "() takes " + n + " input" + (n == 1 ? "" : "s") + " but " + inputs.length
                    + (inputs.length == 1 ? " was" : " were") + " given");
        }
        Object[] in = inputs.clone();
        for (int i = 0; i < in.length; i++) {
            in[i] = KernelFunction.javaArrayAsNDArray(in[i]);
            if (in[i] instanceof DeviceArray && device == null) {
                throw new ArgumentException("input " + (i + 1) + " of " + name() + "() is a device array, but this ufunc runs on the CPU; "
                        + "copy it back with copyToHost() or give the ufunc target='opencl'");
            }
        }
        return in;
    }

    private List<Type> types(Object[] in) {
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            Type t = in[i] instanceof DeviceArray d ? d.type() : Typeof.of(in[i]);
            if (t == null || !(t instanceof Type.Array || t.isScalar())) {
                throw new ArgumentException("input " + (i + 1) + " of " + name() + "(): ufuncs take arrays and numbers, not "
                        + (in[i] == null ? "None" : in[i].getClass().getSimpleName()));
            }
            types.add(t);
        }
        return types;
    }

    void closeDevice() { if (device != null) device.close(); }

    @Override public String toString() { return "<ufunc '" + name() + "'>"; }
}
