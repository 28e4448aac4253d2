"""The package a user installs without this checkout: sdist and wheel built with the standard
build tooling (`python -m build`), the wheel installed into a fresh virtual environment, and
`termcheck check` run from there on a bundled pair.

Nothing is downloaded: the build runs without isolation (the setuptools of this environment) and
the venv reads termcheck's dependencies from this environment's site packages (`--no-deps
--no-index` installs only the wheel just built).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import termcheck

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "corpora" / "pmf-budget"

pytest.importorskip("build", reason="the `build` package (test extra) is not installed")


def run(*args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_NO_INDEX"] = "1"  # no download, whatever the pip configuration says
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=check)


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """sdist and wheel of a snapshot of the package sources (no build/ or egg-info in the checkout)."""
    top = tmp_path_factory.mktemp("packaging")
    src = top / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "termcheck", src / "termcheck", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = top / "dist"
    result = run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, src, cwd=top, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_sdist_and_wheel_carry_the_one_version(dist):
    version = termcheck.__version__
    sdists = list(dist.glob("*.tar.gz"))
    wheels = list(dist.glob("*.whl"))
    assert [p.name for p in sdists] == [f"termcheck-{version}.tar.gz"]
    assert [p.name for p in wheels] == [f"termcheck-{version}-py3-none-any.whl"]
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(f"termcheck-{version}.dist-info/METADATA").decode()
        entry_points = wheel.read(f"termcheck-{version}.dist-info/entry_points.txt").decode()
    assert f"Version: {version}\n" in metadata
    assert "termcheck = termcheck.cli:run" in entry_points
    assert "termcheck/cli.py" in names and "termcheck/commands/check.py" in names
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    with tarfile.open(sdists[0]) as sdist:
        members = sdist.getnames()
    assert f"termcheck-{version}/pyproject.toml" in members
    assert f"termcheck-{version}/termcheck/match.py" in members


def test_wheel_installs_into_a_fresh_venv_and_checks_a_pair(dist, tmp_path):
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    # the dependencies come from this environment's site packages, listed in a .pth file (which,
    # unlike --system-site-packages, also works when this environment is itself a venv); .pth files
    # there are not run, so this checkout's editable install stays out
    venv_site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).stdout.strip()
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    Path(venv_site, "outer_site_packages.pth").write_text("".join(f"{path}\n" for path in ours))
    wheel = next(dist.glob("*.whl"))
    run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    # the wheel's copy, not this checkout's editable install, is the one imported
    where = run(python, "-c", "import termcheck; print(termcheck.__file__)", cwd=tmp_path).stdout.strip()
    assert where.startswith(str(venv)), where
    version = run(venv / "bin" / "termcheck", "--version", cwd=tmp_path).stdout
    assert version == f"termcheck {termcheck.__version__}\n"
    result = run(venv / "bin" / "termcheck", "check", PAIR / "ar.md", PAIR / "en.md",
                 "-g", ROOT / "glossaries" / "house.csv", "--format", "json", cwd=tmp_path, check=False)
    assert result.returncode == 1, result.stderr  # the bundled pair has planted errors
    findings = json.loads(result.stdout)["findings"]
    assert any(f["rule"] == "TC101" and f["found"] == "Kataib Hizbollah" and (f["line"], f["column"]) == (7, 297)
               for f in findings)
    assert any(f["rule"] == "TC204" and f["found"] == "570,000" for f in findings)
