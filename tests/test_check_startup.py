"""``bij1code check`` imports only what checking needs (issue 9: the CLI's start-up).

CI runs ``check`` on every change; rendering (``html.parser``, the anchors, the renderer), JSON
output and the writing commands are imported by the commands that use them.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys

from conftest import LOCALES

from pelican_bij1code import cli, render

#: Runs a command, then prints its exit code and the modules it imported (a repr: the probe
#: itself must not import json).
_PROBE = """
import contextlib, io, sys
before = set(sys.modules)
from pelican_bij1code.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(repr((code, sorted(set(sys.modules) - before))))
"""


def imported(*args: str) -> tuple[int, set[str]]:
    run = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    code, modules = ast.literal_eval(run.stdout.strip().splitlines()[-1])
    return code, set(modules)


def test_check_imports_neither_the_renderer_nor_json() -> None:
    code, modules = imported("check", "--locales", str(LOCALES))
    assert code == 0
    assert {"pelican_bij1code.check", "pelican_bij1code.pofile", "tomllib"} <= modules
    unused = {"pelican_bij1code.render", "pelican_bij1code.anchors", "pelican_bij1code.leaflet",
              "pelican_bij1code.merge", "pelican_bij1code.extract", "pelican_bij1code.stats",
              "html.parser", "html", "json", "tempfile", "hashlib"}
    assert not modules & unused, modules & unused


def test_check_json_imports_json() -> None:
    code, modules = imported("check", "--locales", str(LOCALES), "--format", "json")
    assert code == 0 and "json" in modules


def test_render_formats_written_in_the_cli_are_the_renderers() -> None:
    subcommands = next(a for a in cli._parser()._actions
                       if isinstance(a, argparse._SubParsersAction))
    formats = next(a for a in subcommands.choices["render"]._actions if a.dest == "format")
    assert tuple(formats.choices) == render.FORMATS == cli.RENDER_FORMATS
    json.dumps(formats.choices)  # plain strings
