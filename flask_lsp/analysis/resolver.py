"""The one resolver: what a qualified name written in one module is, across the workspace.

Each module's `NameResolver` turns the names of one file into *raw* qualified names
(`from .ext import db` makes `db.Model` mean `shop.ext.db.Model`). This module follows such a
name through the workspace's modules to where it is defined: imports and re-exports
(`from .ext import db` in `shop/__init__.py`), star imports, module-level aliases
(`Model = db.Model`), namespace folders. Every caller asks it (through `Workspace.locate` and
`Workspace.canonical`): the context rules, the route map, the data rules, the server.

The answer is one of:
- a `Definition`: a name bound at the top level of a workspace module, and the attributes read
  from it (`shop.ext.db.Model` is `db` in shop/ext.py, then `.Model`);
- an `External` name: the chain leaves the workspace (Flask, the standard library, an installed
  package), with the name as the last workspace module re-exported it;
- `None`: a dead end (a module of the workspace that does not bind the name, a cycle).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .module import ModuleFacts
from .names import FLASK_EXPORTS

MAX_HOPS = 10  # re-exports followed before giving up (cycles end here too)

# Binding kinds a module's export can follow to another name (see module._export_of).
_FOLLOWED = frozenset({"import", "alias"})

FindModule = Callable[[str, "str | None"], "ModuleFacts | None"]


@dataclass(frozen=True, slots=True)
class Definition:
    """`name`, bound at the top level of the module at `path`, then attributes `rest`.

    Holds the module's path rather than its facts: facts are replaced on every edit, and a
    definition survives edits that leave imports and exports alone (the workspace's stable memo).
    """

    path: str
    module_name: str
    name: str
    rest: tuple[str, ...]
    kind: str  # the binding's kind: def | class | assign | other | missing
    target: str | None  # the qualified name of a def or class

    @property
    def qualname(self) -> str:
        return ".".join([self.module_name, self.name, *self.rest])


@dataclass(frozen=True, slots=True)
class External:
    """A name that leads out of the workspace, e.g. `flask.request`."""

    qualname: str


Resolved = Definition | External | None


def locate(find_module: FindModule, raw: str, near: str | None, hops: int = 0) -> Resolved:
    """Where `raw`, as written in the module at `near`, is defined."""
    if hops > MAX_HOPS:
        return None
    if raw == "flask" or raw.startswith("flask."):
        return External(raw)  # never a workspace module, even in a checkout of Flask itself
    parts = raw.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = find_module(".".join(parts[:cut]), near)
        if module is not None:
            return _in_module(find_module, module, parts[cut], tuple(parts[cut + 1 :]), hops)
    return None if find_module(parts[0], near) is not None else External(raw)


def _in_module(
    find_module: FindModule, module: ModuleFacts, name: str, rest: tuple[str, ...], hops: int
) -> Resolved:
    kind, target = module.exports.get(name, ("missing", None))
    if kind in _FOLLOWED and target and target != f"{module.module_name}.{name}":
        return locate(find_module, ".".join([target, *rest]), module.path, hops + 1)
    here = Definition(module.path, module.module_name, name, rest, kind, target)
    if kind != "missing":
        return here
    return _from_star_imports(find_module, module, name, rest, hops) or here


def _from_star_imports(
    find_module: FindModule, module: ModuleFacts, name: str, rest: tuple[str, ...], hops: int
) -> Resolved:
    """`name` from one of the module's `from x import *`: a workspace module that binds it
    first, else an outside module that may export it (Flask's exports are known)."""
    outside: External | None = None
    for star in module.star_imports:
        found = locate(find_module, ".".join([star, name, *rest]), module.path, hops + 1)
        if isinstance(found, Definition) and found.kind != "missing":
            return found
        knowable = star != "flask" or name in FLASK_EXPORTS
        if isinstance(found, External) and outside is None and knowable:
            outside = found
    return outside
