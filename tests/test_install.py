"""`pip install .` (not editable) into a fresh virtual environment gives a
working `khabar`: the packages, their data files and the console script.

The build runs without network and in seconds: no build isolation (setuptools
comes from the test environment, see pyproject's test extra) and no
dependencies fetched (the fresh environment reads this one's site-packages
through a .pth file, after its own, so its own khabar is the one imported).
"""

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import ROOT, SEED

SOURCES = ("pyproject.toml", "README.md", "pkg", "core", "cli")


def run(*cmd, **kw):
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=240, **kw)
    assert proc.returncode == 0, (cmd, proc.stderr[-3000:])
    return proc.stdout


def test_pip_install_dot_into_a_fresh_venv_gives_a_working_khabar_with_its_data(tmp_path):
    src = tmp_path / "src"  # a copy: the build leaves build/ and *.egg-info where it runs
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, src / name)
    env = tmp_path / "env"
    run(sys.executable, "-m", "venv", "--without-pip", env)
    python = env / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index",
        "--no-build-isolation", "--disable-pip-version-check", src)

    where = run(python, "-c", "import khabar, khabar.core, khabar.cli; print(khabar.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(site)  # installed, not this checkout
    data = run(python, "-c", "import json; from importlib import resources; "
                             "print(json.dumps([p.name for p in (resources.files('khabar.core') / 'data').iterdir()]))")
    assert {"rules.toml", "metadata.toml", "halfspace.toml"} <= set(json.loads(data))
    khabar = env / "bin" / "khabar"
    article = json.loads(run(khabar, "clean", SEED, cwd=tmp_path))
    assert article["news_id"] == "2855" and article["published"] == "2022-08-23T13:56:00+04:30"
    assert run(khabar, "clean", SEED, "--format", "md", cwd=tmp_path) == \
        run(Path(sys.executable).parent / "khabar", "clean", SEED, "--format", "md", cwd=tmp_path)
    # The library too, and with its worker processes.
    out = run(python, "-c", f"import khabar; print([a.news_id for a in khabar.clean_many([{str(SEED)!r}] * 2, jobs=2)])",
              cwd=tmp_path)
    assert out.strip() == "['2855', '2855']"
