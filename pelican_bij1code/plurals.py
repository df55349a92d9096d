"""``Plural-Forms`` headers: parsing the C expression gettext uses, and comparing two rules.

Two headers can spell the same rule differently (gettext's and CLDR's Polish rules differ in
text but not in meaning), so rules are compared by what they give for n = 0 ... 1000.

>>> rule = parse_plural_forms("nplurals=2; plural=(n != 1);")
>>> rule.count, [rule(n) for n in (0, 1, 2)]
(2, [1, 0, 1])
>>> gettext = ("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
...            "(n%100<10 || n%100>=20) ? 1 : 2);")
>>> cldr = ("nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
...         "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;")
>>> same_rule(gettext, cldr)
True
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

#: The values of an unsigned long, as msgfmt evaluates a rule: a mask.
_UNSIGNED = 2 ** 64 - 1
_TOKEN = re.compile(r"[ \t\n]*([0-9]+|n|==|!=|<=|>=|&&|\|\||[-+*/%<>!?:()])")
_BINARY: dict[str, tuple[int, Callable[[int, int], int] | None]] = {
    "||": (1, None), "&&": (2, None),  # evaluated as C does, left side first: _logical
    "==": (3, operator.eq), "!=": (3, operator.ne),
    "<": (4, operator.lt), ">": (4, operator.gt), "<=": (4, operator.le), ">=": (4, operator.ge),
    # msgfmt computes with unsigned longs: below zero wraps around (0 - 100 <= 1 is false)
    "+": (5, lambda a, b: (a + b) & _UNSIGNED), "-": (5, lambda a, b: (a - b) & _UNSIGNED),
    "*": (6, lambda a, b: (a * b) & _UNSIGNED),
    "/": (6, operator.floordiv),  # ZeroDivisionError: as C's SIGFPE, which msgfmt -c catches
    "%": (6, operator.mod),  # and reports
}
#: Comparisons and logic give True or False, which count as 1 and 0 (int(), at the end).

Expr = Callable[[int], int]


class PluralFormsError(ValueError):
    """A ``Plural-Forms`` value that is not ``nplurals=N; plural=EXPR;``."""


class PluralRule:
    """How many forms a language has, which form a number takes, and the numbers the rule
    names (where it may single one out)."""

    __slots__ = ("count", "expr", "numbers")

    def __init__(self, count: int, expr: Expr, numbers: frozenset[int] = frozenset()) -> None:
        self.count = count
        self.expr = expr
        self.numbers = numbers

    def __repr__(self) -> str:
        return f"PluralRule(count={self.count})"

    def __call__(self, n: int) -> int:
        return int(self.expr(n))


#: Longest plural expression accepted (CLDR's longest is under 200 characters).
MAX_LENGTH = 500


def _tokens(text: str) -> list[str]:
    tokens, position = [], 0
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise PluralFormsError(f"the plural expression is longer than {MAX_LENGTH} characters")
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise PluralFormsError(f"unexpected {text[position:].strip()[:10]!r} in {text!r}")
        tokens.append(match.group(1))
        position = match.end()
    return tokens


#: An operand: an expression, or a whole number, which stands for itself.
Operand = Expr | int


def _n(n: int) -> int:
    """The number a rule is evaluated for (``n``)."""
    return n


def _expr(operand: Operand) -> Expr:
    if isinstance(operand, int):
        return lambda n: operand
    return operand


def _binary(func: Callable[[int, int], int], left: Operand, right: Operand) -> Expr:
    """``func`` of two operands; ``n`` and whole numbers are passed as they are, not through a
    call: most of a rule compares a number with n or its remainder (``n % 100 >= 3``)."""
    if isinstance(right, int):
        if left is _n:
            return lambda n: func(n, right)
        first = _expr(left)
        return lambda n: func(first(n), right)
    if left is _n:
        return lambda n: func(n, right(n))
    first = _expr(left)
    return lambda n: func(first(n), right(n))


def _logical(op: str, left: Operand, right: Operand) -> Expr:
    """``&&`` or ``||`` as C evaluates them: the right side only when the left does not decide
    (``n != 1 || n / (n - 5)`` never divides by zero, and msgfmt accepts it)."""
    first, second = _expr(left), _expr(right)
    if op == "&&":
        return lambda n: bool(first(n)) and bool(second(n))
    return lambda n: bool(first(n)) or bool(second(n))


#: The largest number msgfmt reads as it is written (an unsigned long); a larger one wraps.
MAX_NUMBER = _UNSIGNED


def _compile(tokens: list[str]) -> Expr:
    position = 0

    def peek() -> str | None:
        return tokens[position] if position < len(tokens) else None

    def take(expected: str | None = None) -> str:
        nonlocal position
        token = peek()
        if token is None or (expected is not None and token != expected):
            raise PluralFormsError(f"expected {expected or 'more'} in {' '.join(tokens)!r}")
        position += 1
        return token

    def primary() -> Operand:
        token = take()
        if token == "n":
            return _n
        if token.isdigit():
            if len(token) > 20 or int(token) > MAX_NUMBER:
                raise PluralFormsError(f"the number {token[:30]} is larger than msgfmt reads "
                                       f"({MAX_NUMBER}); it would wrap around")
            return int(token)
        if token == "(":
            inner = ternary()
            take(")")
            return inner
        if token == "!":
            operand = _expr(primary())
            return lambda n: not operand(n)
        raise PluralFormsError(f"unexpected {token!r}")

    def binary(level: int) -> Operand:
        left = primary()
        while (op := peek()) in _BINARY and _BINARY[op][0] >= level:
            take()
            strength, func = _BINARY[op]
            right = binary(strength + 1)
            left = _logical(op, left, right) if func is None else _binary(func, left, right)
        return left

    def ternary() -> Operand:
        condition = binary(1)
        if peek() != "?":
            return condition
        take("?")
        yes = _expr(ternary())
        take(":")
        no = _expr(ternary())
        test = _expr(condition)
        return lambda n: yes(n) if test(n) else no(n)

    expr = _expr(ternary())
    if position != len(tokens):
        raise PluralFormsError(f"unexpected {tokens[position]!r}")
    return expr


def nplurals(value: str) -> int | None:
    """How many plural forms a ``Plural-Forms`` value says there are; None if it cannot be
    read.

    >>> nplurals("nplurals=3; plural=(n==1 ? 0 : 2);"), nplurals("nplurals=x;")
    (3, None)
    """
    try:
        return parse_plural_forms(value).count
    except PluralFormsError:
        return None


def parse_plural_forms(value: str) -> PluralRule:
    """Parse a header value such as ``nplurals=2; plural=(n != 1);``.

    Read by splitting, not by a regular expression: linear on any input.

    >>> parse_plural_forms("nplurals=1; plural=0").count
    1
    >>> parse_plural_forms("nplurals=2; plural=n;; x")
    Traceback (most recent call last):
    pelican_bij1code.plurals.PluralFormsError: not of the form 'nplurals=N; plural=EXPR;': \
'nplurals=2; plural=n;; x'
    """
    shown = value if len(value) <= 80 else value[:77] + "..."
    fields = [part.strip() for part in value.split(";")]
    if len(fields) == 3 and not fields[2]:
        fields.pop()
    pairs = [field.partition("=") for field in fields]
    if len(pairs) != 2 or [(name.strip(), sep) for name, sep, _ in pairs] != [
            ("nplurals", "="), ("plural", "=")]:
        raise PluralFormsError(f"not of the form 'nplurals=N; plural=EXPR;': {shown!r}")
    number, expression = pairs[0][2].strip(), pairs[1][2].strip()
    if not number.isascii() or not number.isdigit() or len(number) > 3:
        raise PluralFormsError(f"nplurals must be a whole number, not {number[:10]!r}")
    count = int(number)
    if count < 1:
        raise PluralFormsError("nplurals must be at least 1")
    try:
        tokens = _tokens(expression)
        return PluralRule(count, _compile(tokens),
                          frozenset(int(token) for token in tokens if token.isdigit()))
    except RecursionError:
        raise PluralFormsError("the plural expression is nested too deeply") from None


def msgfmt_problem(rule: PluralRule) -> str | None:
    """What ``msgfmt -c`` says of ``rule`` when it evaluates it for n = 0 ... 1000, as it
    does; None if nothing.

    >>> [msgfmt_problem(parse_plural_forms(f"nplurals=2; plural={expression};"))
    ...  for expression in ("n != 1", "n/0", "n%(n-n)", "n+5", "n-1")]  # doctest: +ELLIPSIS
    [None, 'plural expression can produce division by zero', 'plural ... by zero', \
'nplurals = 2 but plural expression can produce values as large as 1005', \
'plural expression can produce negative values']
    """
    largest = 0
    for n in range(1001):  # in msgfmt's order: the first division by zero or negative value
        try:
            value = rule(n)
        except ZeroDivisionError:
            return "plural expression can produce division by zero"
        if value > _UNSIGNED >> 1:  # negative, read as a signed long
            return "plural expression can produce negative values"
        largest = max(largest, value)
    if largest >= rule.count:
        return (f"nplurals = {rule.count} but plural expression can produce values as large "
                f"as {largest}")
    return None


#: The numbers two rules are compared on: every remainder mod 10 and 100 (and then some),
#: and the thousands and millions some languages single out.
SAMPLES = (*range(0, 240), *range(1000, 1012), 10_000, 100_000, 1_000_000, 1_000_001, 2_000_000)


def same_rule(a: str, b: str) -> bool:
    """Whether two ``Plural-Forms`` values give every sample number the same form: those of
    :data:`SAMPLES`, and each number either rule names and the numbers either side of it (a
    rule that singles out 10001 differs there).

    >>> same_rule("nplurals=2; plural=(n != 1);", "nplurals=2; plural=n==10001?0:(n != 1);")
    False
    """
    first, second = parse_plural_forms(a), parse_plural_forms(b)
    named = {number + step for number in first.numbers | second.numbers for step in (-1, 0, 1)
             if 0 <= number + step <= MAX_NUMBER}
    try:
        return first.count == second.count and all(first(n) == second(n)
                                                   for n in (*SAMPLES, *sorted(named)))
    except ZeroDivisionError:  # no language's rule divides by zero
        return False
    except RecursionError:
        raise PluralFormsError("the plural expression is nested too deeply") from None
