"""Calls that start Flask's development server: `app.run(...)`, and where they run."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.appconfig import is_app
from flask_lsp.analysis.module import ParsedModule

from ._memo import per_tree

_RUN = "run"
EVERY_INTERFACE = frozenset({"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"})


@dataclass
class RunCall:
    call: ast.Call
    statement: ast.stmt  # the statement the call is part of
    import_time: bool  # runs when the module is imported (module level, no main guard)
    top_level: bool  # the statement sits directly in the module body


def run_calls(module: ParsedModule) -> list[RunCall]:
    return per_tree("run_calls", module.cache_token, lambda: _run_calls(module))


def _run_calls(module: ParsedModule) -> list[RunCall]:
    if _RUN not in module.source.text:  # the method's name: `app.run (...)` is a call too
        return []
    found: list[RunCall] = []
    _block(module, module.checked_statements, import_time=True, top_level=True, found=found)
    return found


def is_main_guard(test: ast.expr) -> bool:
    """`__name__ == "__main__"`, either way round."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    if not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    mains = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return len(names) == 1 and len(mains) == 1


def literal_keyword(call: ast.Call, name: str, position: int | None = None) -> object:
    """The literal value of a keyword (or positional) argument; `...` when absent or not literal."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value.value if isinstance(keyword.value, ast.Constant) else ...
    if position is not None and len(call.args) > position:
        value = call.args[position]
        return value.value if isinstance(value, ast.Constant) else ...
    return ...


def _block(
    module: ParsedModule,
    statements: list[ast.stmt],
    import_time: bool,
    top_level: bool,
    found: list[RunCall],
) -> None:
    for statement in statements:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            _block(module, statement.body, False, False, found)
            continue
        if isinstance(statement, ast.If) and is_main_guard(statement.test):
            _block(module, statement.body, False, False, found)
            _block(module, statement.orelse, import_time, False, found)
            continue
        for call in astwalk.own_calls(statement):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == _RUN and is_app(module, func.value):
                found.append(RunCall(call, statement, import_time, top_level))
        for field_name in astwalk.node_fields(type(statement)):
            value = getattr(statement, field_name, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                _block(module, value, import_time, False, found)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.ExceptHandler | ast.match_case):
                        _block(module, item.body, import_time, False, found)
