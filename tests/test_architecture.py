"""The shape of the code base, checked: what ``lint-imports`` cannot see.

``lint-imports`` (pyproject) enforces the layers and the purity of the domain packages. These
tests add the rules of ``docs/architecture.md`` that are about names and sizes: adapters import
a domain's public names from the package, and no unit grows past what a reader can hold.
"""

from __future__ import annotations

import ast
from pathlib import Path

import koers

SRC = Path(koers.__file__).parent
DOMAINS = ("taxonomy", "forecast", "extraction", "access", "portfolio", "check")
MAX_FUNCTION_LINES = 150
MAX_MODULE_LINES = 600


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def _in_domain(path: Path) -> bool:
    return path.relative_to(SRC).parts[0] in DOMAINS


def test_no_function_longer_than_150_lines() -> None:
    long = [
        f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({length} lines)"
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert not long, "split these functions into named steps:\n" + "\n".join(long)


def test_no_module_over_600_lines() -> None:
    large = [
        f"{path.relative_to(SRC)} ({lines} lines)"
        for path in _modules()
        if (lines := path.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES
    ]
    assert not large, "split these modules by job:\n" + "\n".join(large)


def internal_imports(path: Path, root: Path = SRC) -> list[str]:
    """``from koers.<domain>.<module> import …`` statements in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if len(parts) > 2 and parts[0] == "koers" and parts[1] in DOMAINS:
                found.append(f"{path.relative_to(root)}:{node.lineno} from {node.module}")
    return found


def test_outside_a_domain_code_imports_its_public_names_from_the_package() -> None:
    internal = [
        line for path in _modules() if not _in_domain(path) for line in internal_imports(path)
    ]
    assert not internal, (
        "import these from the domain package (export them in its __init__):\n"
        + "\n".join(internal)
    )


def test_the_public_name_rule_sees_an_internal_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from koers.forecast import run_forecast\nfrom koers.forecast.run import run_forecast\n",
        encoding="utf-8",
    )
    assert internal_imports(probe, tmp_path) == ["probe.py:2 from koers.forecast.run"]


def test_api_and_web_never_import_each_other() -> None:
    crossing = []
    for path in _modules():
        top = path.relative_to(SRC).parts[0]
        other = {"api": "koers.web", "web": "koers.api"}.get(top)
        if other is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            crossing += [f"{path.relative_to(SRC)}: {n}" for n in names if n.startswith(other)]
    assert not crossing, "api and web share through koers.http only:\n" + "\n".join(crossing)
