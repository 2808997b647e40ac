# Regenerates the .npy fixtures with NumPy 1.24:  cd runtime/src/test/resources/npy && /usr/bin/python3 make_fixtures.py
import numpy as np
from numpy.lib import format as fmt

def save(name, a, version=None):
    with open(name, "wb") as f:
        if version is None:
            np.save(f, a)
        else:
            fmt.write_array(f, a, version=version)

save("f8_1d.npy", np.array([1.0, 2.5, -3.0, 0.1]))
save("f4_2d_c.npy", np.arange(6, dtype=np.float32).reshape(2, 3) / 4)
save("f4_2d_f.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
save("i8_2d.npy", np.arange(-3, 9, dtype=np.int64).reshape(3, 4))
save("i4_1d.npy", np.array([1, -2, 2**31 - 1, -2**31], dtype=np.int32))
save("i2_1d.npy", np.array([1, -2, 32767], dtype=np.int16))
save("i1_1d.npy", np.array([1, -2, 127, -128], dtype=np.int8))
save("u1_1d.npy", np.array([0, 1, 255], dtype=np.uint8))
save("u2_1d.npy", np.array([0, 65535], dtype=np.uint16))
save("u4_1d.npy", np.array([0, 2**32 - 1], dtype=np.uint32))
save("u8_1d.npy", np.array([0, 2**64 - 1], dtype=np.uint64))
save("b1_1d.npy", np.array([True, False, True]))
save("c8_1d.npy", np.array([1 + 2j, -0.5j], dtype=np.complex64))
save("c16_1d.npy", np.array([1 + 2j, 3.5 - 1j]))
save("f8_0d.npy", np.array(2.5))
save("i8_0d.npy", np.array(-7))
save("f8_empty.npy", np.zeros(0))
save("f8_2x0.npy", np.zeros((2, 0)))
save("f8_3d.npy", np.arange(24, dtype=np.float64).reshape(2, 3, 4))
save("f8_big_endian.npy", np.array([1.0, -2.5, 1e300], dtype=">f8"))
save("i4_big_endian.npy", np.array([[1, -2], [3, 70000]], dtype=">i4"))
save("c16_big_endian.npy", np.array([1 + 2j], dtype=">c16"))
save("f8_v2.npy", np.array([1.0, 2.0]), version=(2, 0))
save("f8_v3.npy", np.array([1.0, 2.0]), version=(3, 0))
# Malformed files.
save("bad_unicode.npy", np.array(["abc", "d"]))       # '<U3' is not a numeric dtype
with open("bad_object.npy", "wb") as f:  # object arrays: header only, no pickle
    fmt.write_array_header_1_0(f, {"descr": "|O", "fortran_order": False, "shape": (2,)})
    f.write(b"\0" * 16)
open("bad_magic.npy", "wb").write(b"\x93NUMPX\x01\x00" + open("f8_1d.npy", "rb").read()[8:])
open("bad_truncated.npy", "wb").write(open("f8_1d.npy", "rb").read()[:-5])
open("bad_header.npy", "wb").write(open("f8_1d.npy", "rb").read().replace(b"'shape': (4,)", b"'shape': [4,]"))
open("bad_short.npy", "wb").write(b"\x93NUMPY\x01")
