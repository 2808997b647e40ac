# Regenerates the NumPy/Python printing cases with NumPy 1.24:
#   cd runtime/src/test/resources/format && /usr/bin/python3 make_cases.py
# floats.txt:  <float64 bits hex> <repr(float)>           then  f32 <float32 bits hex> <repr(np.float32)>
# arrays.txt:  <descr> <shape,> <C-order data base64> <str(a) base64> <repr(a) base64>
import base64, random, struct
import numpy as np

random.seed(7)
rng = np.random.default_rng(7)

def b64(b): return base64.b64encode(b).decode() or "-"

specials = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2 + 0.1, 1e-5, 1e-4, 9.99e-5, 0.001, 1e15, 1e16, 1e17, 1.5e16, 123456789012345680.0,
            10000000000.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), -float("inf"),
            float("nan"), 3.141592653589793, 2.5, 100.0, 1234.5678, 0.30000000000000004, 1 / 3, 2 / 3, 9007199254740993.0,
            4.35, 0.000123, 1e-7, 123e-20, 6.02214076e23]
values = list(specials)
for _ in range(400):
    values.append(random.uniform(-1, 1) * 10.0 ** random.randint(-30, 30))
    values.append(struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0])
    values.append(round(random.uniform(-1000, 1000), random.randint(0, 6)))
with open("floats.txt", "w") as f:
    for v in values:
        if v != v and struct.pack("<d", v) != struct.pack("<d", float("nan")):
            continue  # keep one canonical nan
        f.write("%016x %s\n" % (struct.unpack("<Q", struct.pack("<d", v))[0], repr(v)))
    f32 = [np.float32(v) for v in specials if abs(v) < 3e38 or v != v] + [np.float32(1.1), np.float32(16777217.0), np.float32(1e-45)]
    for _ in range(400):
        f32.append(np.float32(random.uniform(-1, 1) * 10.0 ** random.randint(-40, 38)))
        bits = random.getrandbits(32)
        x = np.frombuffer(struct.pack("<I", bits), dtype=np.float32)[0]
        if x == x:
            f32.append(x)
    for x in f32:
        f.write("f32 %08x %s\n" % (struct.unpack("<I", struct.pack("<f", x))[0], repr(x)))

cases = [
    np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, -3.25]), np.array([0.1, 0.25, 1 / 3]), np.array([1e-5, 1.0]),
    np.array([1e8, 1.0]), np.array([1e-3, 2.0, 3000.0]), np.array([np.nan, 1.0, -np.inf]), np.array([np.inf]),
    np.array([np.nan, np.nan]), np.array([-0.0, 0.0]), np.array([123456.789, 1e-3]), np.array([1e300, -1e-300, np.nan]),
    np.array(2.5), np.array(-7), np.array(True), np.array(np.float32(1.1)), np.array(1 + 2j),
    np.arange(12.0).reshape(3, 4), np.arange(24).reshape(2, 3, 4), np.arange(-5, 5, dtype=np.int8),
    np.array([[1, 2], [3, 4]]), np.array([True, False, True]), np.array([[True], [False]]),
    np.array([1.1, 2.2, 3.3], dtype=np.float32), np.array([1e-5, 1], dtype=np.float32), np.array([0.0001, 1], dtype=np.float32),
    np.array([0, 255], dtype=np.uint8), np.array([0, 2**64 - 1], dtype=np.uint64), np.array([1, -2**31], dtype=np.int32),
    np.array([1 + 2j, -0.5j, 3]), np.array([1.5 + 2.25j, np.nan + 1j], dtype=np.complex64), np.array([1e-9 + 1e9j, 1]),
    np.linspace(0, 1, 30), np.arange(100), rng.standard_normal(40), rng.standard_normal((5, 7)) * 1e5,
    np.arange(1100.0), np.arange(3000, dtype=np.int16).reshape(30, 100), np.arange(1001, dtype=np.int16), rng.standard_normal(1010),
    np.zeros(0), np.zeros((2, 0)), np.zeros(0, dtype=np.int32), np.arange(6, dtype=np.int16).reshape(1, 2, 3),
    np.array([[1e10, 1], [2, 3]]), (rng.standard_normal((4, 4)) * 100).astype(np.float32), np.full(20, 1e-20),
    np.array([9.999999999, 0.5]), np.array([0.123456785, 0.5]), np.array([2.5e-4, 1]), np.array([123.0, -4.5e-3]),
    np.ones((2, 2), dtype=np.complex64), np.array([1, 2, 3], dtype=np.uint16), np.array([[0.5, np.inf], [-np.inf, 1]]),
]
with open("arrays.txt", "w") as f:
    for a in cases:
        a = np.ascontiguousarray(a)
        shape = ",".join(str(d) for d in a.shape) or "-"
        f.write("%s %s %s %s %s\n" % (a.dtype.str, shape, b64(a.tobytes()), b64(str(a).encode()), b64(repr(a).encode())))
