"""FL104: a context proxy handed to, or used by, code that runs in another thread or process."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity
from flask_lsp.analysis.module import ThreadStart

from .base import Rule, RuleContext

EXPLANATION = """\
Flask's contexts live in `contextvars`, which a new thread does not inherit. A function started
with `threading.Thread`, a `Timer`, an executor's `submit`/`map`, `asyncio.to_thread` or
`loop.run_in_executor` starts with *no* context, so `request`, `session`, `g`, `current_app` and
`url_for` raise `RuntimeError: Working outside of ... context` there. Handing the proxy itself to
the thread does not help: the proxy is looked up when it is used, in the thread. An executor's
`Future.result()` then re-raises the error in the view.

With `multiprocessing` it depends on the start method: *fork* copies the context of the forking
thread, *spawn* and *forkserver* do not (forkserver is Linux's default from Python 3.14, spawn is
macOS's and Windows'), so process targets are reported as warnings.

**How to fix.**
- Read what the job needs in the view and pass plain values (`request.form["email"]`).
- Pass `current_app._get_current_object()` instead of `current_app` (quick fix) and use
  `with app.app_context():` in the thread.
- Decorate a nested target with `@copy_current_request_context` (quick fix) so it runs with a
  copy of the view's request context, or run it with `contextvars.copy_context().run`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    for start in rc.module.facts.thread_starts:
        yield from _proxy_arguments(rc, start)
        yield from _lambda_reads(rc, start)
        yield from _target_uses(rc, start)


def _lambda_reads(rc: RuleContext, start: ThreadStart) -> Iterator[Finding]:
    """`Thread(target=lambda: send(request.json))`: the lambda runs in the thread, so does
    everything it reads. No quick fix: the value must be read before the thread starts."""
    for proxy, raw, span in start.lambda_reads:
        if rc.proxy_kind(raw) is None:
            continue
        message = (
            f"`{proxy}` is read by a lambda that runs in {_where(start)}: it raises "
            "RuntimeError there; read the value before starting it"
        )
        yield rc.finding(span, message, severity=_severity(start))


def _severity(start: ThreadStart) -> Severity:
    return Severity.WARNING if start.kind == "process" else Severity.ERROR


def _where(start: ThreadStart) -> str:
    if start.kind == "process":
        return "a new process (with no Flask context unless it is forked)"
    return f"another thread (started by `{start.api}`) with no Flask context"


def _proxy_arguments(rc: RuleContext, start: ThreadStart) -> Iterator[Finding]:
    for proxy, raw, span in start.proxy_args:
        if rc.proxy_kind(raw) is None or proxy == "url_for":
            continue
        fix = None
        if proxy == "current_app":
            text = rc.module.source.text_at(span)
            fix = Fix(
                "Pass `current_app._get_current_object()`",
                (edits.replace(span, f"{text}._get_current_object()"),),
            )
        message = (
            f"`{proxy}` is handed to {_where(start)}: the proxy is looked up there, where it "
            "is unbound, and raises RuntimeError"
        )
        yield rc.finding(span, message, fix=fix, severity=_severity(start))


def _target_uses(rc: RuleContext, start: ThreadStart) -> Iterator[Finding]:
    if start.target is None or start.target_span is None:
        return
    found = rc.workspace.resolve_function(start.target, rc.path)
    if found is None:
        return
    target_module, target = found
    if target.copies_request_context:
        return
    needs = rc.workspace.body_needs(target.qualname, target_module.path)
    if not needs:
        return
    first = needs[0]
    proxies = ", ".join(f"`{need.proxy}`" for need in needs)
    message = f"`{target.name}` runs in {_where(start)}, but uses {proxies}"
    yield rc.finding(
        start.target_span,
        message,
        fix=_copy_context_fix(rc, start, target.qualname),
        related=first.chain,
        severity=_severity(start),
    )


def _copy_context_fix(rc: RuleContext, start: ThreadStart, qualname: str) -> Fix | None:
    """`@copy_current_request_context` on a nested target started from inside a request."""
    info = rc.module.facts.functions.get(qualname)
    if (
        not start.nested_target
        or info is None
        or start.ctx.request is not True
        or start.kind != "thread"
    ):
        return None
    source = rc.module.source
    decorator = edits.insert_line_before(
        source, info.def_span.start_line, f"{info.indent}@copy_current_request_context"
    )
    import_edit = edits.add_import(source, rc.module.tree, "flask", "copy_current_request_context")
    fix_edits = (decorator,) if import_edit is None else (import_edit, decorator)
    return Fix("Add `@copy_current_request_context` to the thread's target", fix_edits)


RULE = Rule(
    code="FL104",
    name="proxy-in-other-thread",
    title="a context proxy handed to, or used by, another thread, executor or process",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.copy_current_request_context",),
)
