# Constructs outside the kernel language parse, and are named for later phases.
class Particle:
    def __init__(self, x):
        self.x = x


@dataclass
class Point(Base, metaclass=Meta):
    x: float = 0.0


with open("data.txt") as f, lock:
    data = f.read()

try:
    risky()
except (ValueError, TypeError) as e:
    handle(e)
except Exception:
    pass
else:
    ok()
finally:
    cleanup()


async def fetch(url):
    async with session.get(url) as r:
        async for chunk in r:
            await process(chunk)


def gen(n):
    yield n
    yield from range(n)
    x = yield
    return [(yield)]


match command:
    case [x, y, *rest]:
        pass
    case {"kind": "move", **others} if others:
        pass
    case Point(x=0, y=0) | None:
        pass
    case _:
        pass

f = lambda x, y=1: x + y
d = {"a": 1, **extra}
s = {1, 2, 3}
e = {}
dc = {k: v for k, v in pairs}
sc = {x for x in xs}
g = (x * x for x in xs)
total = sum(x for x in xs)
if (n := len(xs)) > 10:
    pass
b = b"bytes" + rb"\d"
