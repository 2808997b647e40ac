def none():
    pass


def positional(a, b, c):
    return a


def defaults(a, b=1, c=-2.5, d=None, e=(1, 2)):
    return a


def star(a, *args, **kwargs):
    return args


def keyword_only(a, *, b, c=3):
    return b


def after_varargs(*args, key=None):
    return key


def positional_only(a, b, /, c, *, d):
    return d


def annotated(a: int, b: "float64[:]" = None, *c: int, **d: str) -> float:
    return a


def nested(x):
    def inner(y):
        return x + y
    return inner(1)


def one_line(x): return x * 2


def trailing_comma(
    a,
    b,
):
    return a
