"""The layout a newcomer reads: core/ knows no terminal, cli/ uses no private
name of core, no module grows past 500 lines, and every executor is used through
one interface."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

MODULES = sorted((ROOT / "core").rglob("*.py")) + sorted((ROOT / "cli").rglob("*.py"))


def imported_names(path: Path):
    """(module, name) for each ``from module import name`` in the file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                yield node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None


@pytest.mark.parametrize("path", sorted((ROOT / "cli").rglob("*.py")), ids=lambda p: p.name)
def test_the_cli_imports_no_private_name_of_core(path):
    private = [f"{module}.{name}" for module, name in imported_names(path)
               if module.startswith("khabar.core") and (name or "").startswith("_")]
    private += [node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name) and node.value.id in ("core", "pipeline", "template", "folder")]
    assert private == []


@pytest.mark.parametrize("path", sorted((ROOT / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_imports_no_terminal_library(path):
    assert not [m for m, _ in imported_names(path) if m.split(".")[0] in ("typer", "click", "rich")]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_module_is_over_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


def test_the_local_pool_and_the_dask_cluster_implement_the_one_executor_interface():
    from khabar.cli.cluster import ClusterExecutor
    from khabar.cli.pool import Executor, LocalPool

    wanted = {name for name in vars(Executor) if not name.startswith("_")}
    assert wanted == {"map", "learner", "serial", "close"}
    for cls in (LocalPool, ClusterExecutor):
        assert all(hasattr(cls, name) for name in wanted), cls
    runner = (ROOT / "cli" / "runner.py").read_text(encoding="utf-8")
    assert "isinstance(executor" not in runner and "ClusterExecutor)" not in runner


def test_the_readme_is_short_enough_to_read_top_to_bottom():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    for doc in ("docs/cli.md", "docs/runs.md", "docs/quality.md", "docs/benchmarks.md", "docs/internals.md"):
        assert doc in readme and (ROOT / doc).is_file()
    assert "scripts/setup" in readme and "scripts/test" in readme and "pip install ." in readme
