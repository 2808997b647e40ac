"""Dumps CPython's ast of a valid Python file in AstPrinter's format, following arrayjit's conventions
(elif nesting, docstrings, Unsupported names, spans of params and comprehensions), so that a parse
golden can be checked against CPython's own positions:

    python3 frontend/tools/cpython_ast_dump.py X.py | diff - X.ast

f-string parts are not compared (CPython 3.11 gives their inner nodes unreliable positions).
"""
import ast, bisect, math, re, sys

src = open(sys.argv[1], encoding='utf-8').read()
lines = src.split('\n')
# char offsets of line starts (CPython col offsets are UTF-8 byte offsets; convert)
starts = [0]
for l in lines[:-1]:
    starts.append(starts[-1] + len(l) + 1)

def off(lineno, col_bytes):
    line = lines[lineno - 1]
    col = len(line.encode('utf-8')[:col_bytes].decode('utf-8'))
    return starts[lineno - 1] + col

def lc(o):
    # 1-based line/col for char offset o
    i = bisect.bisect_right(starts, o) - 1
    return i + 1, o - starts[i] + 1

def pos(s, e):
    a = lc(s); b = lc(e)
    return f"{a[0]}:{a[1]}-{b[0]}:{b[1]}"

def span(n):
    return off(n.lineno, n.col_offset), off(n.end_lineno, n.end_col_offset)

def q(s):
    out = ['"']
    for ch in s:
        if ch == '\n': out.append('\\n')
        elif ch == '\r': out.append('\\r')
        elif ch == '\t': out.append('\\t')
        elif ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ord(ch) < 0x20 or ord(ch) == 0x7f: out.append('\\u%04x' % ord(ch))
        elif ord(ch) > 0xffff:
            v = ord(ch) - 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)))
        else: out.append(ch)
    out.append('"')
    return ''.join(out)

class T:
    def __init__(self, kind, sp, *attrs):
        self.header = kind + ' ' + pos(*sp) + ''.join(' ' + a for a in attrs if a is not None)
        self.fields = []
    def child(self, n, label=None):
        if n is not None: self.fields.append(('child', label, tree(n) if not isinstance(n, T) else n))
        return self
    def children(self, ns, label=None):
        ns = [x for x in ns]
        if ns: self.fields.append(('list', label, [tree(x) if not isinstance(x, T) else x for x in ns]))
        return self
    def value(self, label, text):
        if text is not None: self.fields.append(('value', label, text))
        return self
    def render(self, out, indent):
        out.append('(' + self.header)
        pad = ' ' * (indent + 2)
        for kind, label, x in self.fields:
            if kind == 'child':
                out.append('\n' + pad + (':' + label + ' ' if label else ''))
                x.render(out, indent + 2)
            elif kind == 'list':
                depth = indent + 2
                if label:
                    out.append('\n' + pad + ':' + label); depth += 2
                for n in x:
                    out.append('\n' + ' ' * depth); n.render(out, depth)
            else:
                out.append('\n' + pad + ':' + label + ' ' + x)
        out.append(')')

BIN = {ast.Add:'ADD', ast.Sub:'SUB', ast.Mult:'MUL', ast.Div:'DIV', ast.FloorDiv:'FLOORDIV', ast.Mod:'MOD', ast.Pow:'POW',
       ast.MatMult:'MATMUL', ast.LShift:'LSHIFT', ast.RShift:'RSHIFT', ast.BitAnd:'BITAND', ast.BitOr:'BITOR', ast.BitXor:'BITXOR'}
UN = {ast.USub:'NEG', ast.UAdd:'POS', ast.Invert:'INVERT', ast.Not:'NOT'}
CMP = {ast.Eq:'EQ', ast.NotEq:'NE', ast.Lt:'LT', ast.LtE:'LE', ast.Gt:'GT', ast.GtE:'GE', ast.Is:'IS', ast.IsNot:'IS_NOT', ast.In:'IN', ast.NotIn:'NOT_IN'}

def jfloat(v):
    """Java's Double.toString: the same shortest digits as Python's repr, other exponent thresholds."""
    from decimal import Decimal
    if v == math.inf: return 'Infinity'
    if v != v: return 'NaN'
    a = abs(v)
    if a == 0 or 1e-3 <= a < 1e7:
        r = repr(float(v))
        return r if 'e' not in r else format(Decimal(r), 'f') + ('' if '.' in format(Decimal(r), 'f') else '.0')
    sign, digits, exp = Decimal(repr(float(v))).normalize().as_tuple()
    ds = ''.join(map(str, digits))
    e = len(ds) - 1 + exp
    return ('-' if sign else '') + ds[0] + '.' + (ds[1:] or '0') + 'E' + str(e)

def expr(n):
    sp = span(n)
    t = type(n)
    if t is ast.Name: return T('Name', sp, n.id)
    if t is ast.Constant:
        v = n.value
        if v is True or v is False: return T('BoolLit', sp, 'True' if v else 'False')
        if v is None: return T('NoneLit', sp)
        if v is Ellipsis: return T('EllipsisLit', sp)
        if isinstance(v, int): return T('IntLit', sp, str(v))
        if isinstance(v, float): return T('FloatLit', sp, jfloat(v))
        if isinstance(v, complex): return T('ImagLit', sp, jfloat(v.imag) + 'j')
        if isinstance(v, str): return T('StrLit', sp, q(v))
        if isinstance(v, bytes): return T('Unsupported', sp, q('bytes literal'))
    if t is ast.BinOp: return T('Binary', sp, BIN[type(n.op)]).child(n.left).child(n.right)
    if t is ast.UnaryOp: return T('Unary', sp, UN[type(n.op)]).child(n.operand)
    if t is ast.BoolOp: return T('Logical', sp, 'AND' if isinstance(n.op, ast.And) else 'OR').children(n.values)
    if t is ast.Compare: return T('Compare', sp, ' '.join(CMP[type(o)] for o in n.ops)).child(n.left).children(n.comparators)
    if t is ast.IfExp: return T('IfExp', sp).child(n.test, 'test').child(n.body, 'body').child(n.orelse, 'orelse')
    if t is ast.Call: return T('Call', sp).child(n.func).children(n.args, 'args').children(n.keywords, 'keywords')
    if t is ast.keyword: return T('Keyword', sp, n.arg if n.arg else '**').child(n.value)
    if t is ast.Attribute: return T('Attribute', sp, n.attr).child(n.value)
    if t is ast.Subscript: return T('Subscript', sp).child(n.value).child(n.slice, 'index')
    if t is ast.Slice: return T('Slice', sp).child(n.lower, 'lower').child(n.upper, 'upper').child(n.step, 'step')
    if t is ast.Tuple: return T('Tuple', sp).children(n.elts)
    if t is ast.List: return T('ListLit', sp).children(n.elts)
    if t is ast.Starred: return T('Starred', sp).child(n.value)
    if t is ast.ListComp:
        gens = []
        for g in n.generators:
            ts = span(g.target)[0]
            fs = src.rfind('for', 0, ts)
            if g.is_async: fs = src.rfind('async', 0, fs)
            end = span(g.ifs[-1])[1] if g.ifs else span(g.iter)[1]
            gens.append(T('Comprehension', (fs, end)).child(g.target, 'target').child(g.iter, 'iter').children(g.ifs, 'ifs'))
        return T('ListComp', sp).child(n.elt, 'element').children(gens, 'generators')
    if t is ast.JoinedStr: return T('FString', sp, '<parts not compared>')
    names = {ast.Lambda:'lambda', ast.NamedExpr:'walrus operator (:=)', ast.Await:'await expression', ast.GeneratorExp:'generator expression',
             ast.Dict:'dict display', ast.Set:'set display', ast.DictComp:'dict comprehension', ast.SetComp:'set comprehension',
             ast.Yield:'yield expression', ast.YieldFrom:'yield from expression'}
    return T('Unsupported', sp, q(names[t]))

def params(a, defaults_src):
    out = []
    pos = a.posonlyargs + a.args
    dflts = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    def psp(arg, d, star=''):
        s, e = span(arg)
        if star: s = src.rfind(star, 0, s)
        if d is not None: e = span(d)[1]
        return (s, e)
    for arg, d in zip(pos, dflts):
        out.append(T('Param', psp(arg, d), arg.arg, 'PLAIN').child(d, 'default'))
    if a.vararg: out.append(T('Param', psp(a.vararg, None, '*'), a.vararg.arg, 'VARARGS'))
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append(T('Param', psp(arg, d), arg.arg, 'KEYWORD_ONLY').child(d, 'default'))
    if a.kwarg: out.append(T('Param', psp(a.kwarg, None, '**'), a.kwarg.arg, 'KWARGS'))
    return out

def stmt(n):
    sp = span(n)
    t = type(n)
    if t is ast.FunctionDef:
        body = n.body
        doc = None
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            doc = q(body[0].value.value); body = body[1:]
        m = re.compile(r'def\s+(' + re.escape(n.name) + ')').search(src, sp[0])
        ns = (m.start(1), m.end(1))
        return T('FunctionDef', sp, n.name, 'name=' + pos(*ns)).children(n.decorator_list, 'decorators') \
            .children(params(n.args, None), 'params').value('docstring', doc).children(body, 'body')
    if t is ast.Import: return T('Import', sp).children(n.names)
    if t is ast.ImportFrom: return T('ImportFrom', sp, '.' * n.level + (n.module or '')).children(n.names)
    if t is ast.alias: return T('Alias', sp, n.name, ('as ' + n.asname) if n.asname else None)
    if t is ast.Assign: return T('Assign', sp).children(n.targets, 'targets').child(n.value, 'value')
    if t is ast.AugAssign: return T('AugAssign', sp, BIN[type(n.op)]).child(n.target).child(n.value)
    if t is ast.AnnAssign: return T('AnnAssign', sp).child(n.target).child(n.annotation, 'annotation').child(n.value, 'value')
    if t is ast.Expr: return T('ExprStmt', sp).child(n.value)
    if t is ast.If: return T('If', sp).child(n.test, 'test').children(n.body, 'body').children(n.orelse, 'orelse')
    if t is ast.While: return T('While', sp).child(n.test, 'test').children(n.body, 'body').children(n.orelse, 'orelse')
    if t is ast.For: return T('For', sp).child(n.target, 'target').child(n.iter, 'iter').children(n.body, 'body').children(n.orelse, 'orelse')
    if t is ast.Break: return T('Break', sp)
    if t is ast.Continue: return T('Continue', sp)
    if t is ast.Pass: return T('Pass', sp)
    if t is ast.Return: return T('Return', sp).child(n.value)
    if t is ast.Raise: return T('Raise', sp).child(n.exc, 'exc').child(n.cause, 'cause')
    if t is ast.Assert: return T('Assert', sp).child(n.test, 'test').child(n.msg, 'msg')
    if t is ast.Global: return T('Global', sp, ' '.join(n.names))
    if t is ast.Nonlocal: return T('Nonlocal', sp, ' '.join(n.names))
    if t is ast.Delete: return T('Del', sp).children(n.targets)
    names = {ast.ClassDef:'class definition', ast.With:'with statement', ast.Try:'try statement', ast.AsyncFunctionDef:'async function definition',
             ast.AsyncFor:'async for statement', ast.AsyncWith:'async with statement', ast.Match:'match statement'}
    return T('Unsupported', sp, q(names[t]))

def tree(n):
    if isinstance(n, ast.stmt) or isinstance(n, ast.alias): return stmt(n)
    return expr(n)

mod = ast.parse(src)
def yield_stmt(s):
    if isinstance(s, ast.Expr) and isinstance(s.value, (ast.Yield, ast.YieldFrom)):
        return T('Unsupported', span(s), q('yield statement' if isinstance(s.value, ast.Yield) else 'yield from statement'))
    return None
_stmt = stmt
def stmt(n):
    y = yield_stmt(n)
    return y if y else _stmt(n)
root = T('Module', (0, len(src))).children(mod.body)
out = []
root.render(out, 0)
print(''.join(out))
