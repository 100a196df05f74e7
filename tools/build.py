"""Build the site (all languages) into a folder, with the checks of a strict build.

    python -m tools.build [--jobs N] [--out sites] SETTINGS.yml [SETTINGS.yml ...]

builds one copy per settings file, each into <out>/<name of the settings file's folder>,
in parallel processes (default: one per CPU core), and prints each build's time. Without
settings files it builds the copy of $GUIDE_SETTINGS (else municipality/settings.yml, else
the national default) into site/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(site_dir: Path, project: Path = ROOT, settings: Path | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (never with -q: it hides warnings from strict mode)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if settings is not None:
        env["GUIDE_SETTINGS"] = str(Path(settings).resolve())
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def site_folder(settings: Path, out: Path) -> Path:
    """examples/lindewaard/settings.yml -> <out>/lindewaard; settings/national.yml -> <out>/national."""
    path = Path(settings).resolve()
    return out / (path.stem if path.parent == ROOT / "settings" else path.parent.name)


def build_many(settings_files: list[Path], out: Path, jobs: int) -> list[tuple[Path, float, subprocess.CompletedProcess]]:  # noqa: E501
    """Build every settings file's copy, `jobs` at a time (each build is its own process)."""

    def one(settings: Path):
        start = time.monotonic()
        result = build_site(site_folder(settings, out), settings=settings)
        return settings, time.monotonic() - start, result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, settings_files))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("settings", nargs="*", type=Path, help="settings files (one copy each)")
    parser.add_argument("--out", type=Path, default=ROOT / "sites", help="folder for the copies (default: sites/)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="builds at a time")
    args = parser.parse_args(argv)
    if not args.settings:
        result = build_site(ROOT / "site")
        sys.stdout.write(result.stdout + result.stderr)
        return result.returncode
    names = [site_folder(s, args.out).name for s in args.settings]
    if len(set(names)) != len(names):
        parser.error("two settings files are in folders with the same name; give each copy its own folder.")
    start = time.monotonic()
    failed = 0
    for settings, seconds, result in build_many(args.settings, args.out, args.jobs):
        if result.returncode == 0:
            print(f"built {site_folder(settings, args.out)} from {settings} in {seconds:.0f} s")
        else:
            failed += 1
            print(f"FAILED {settings} after {seconds:.0f} s:\n{result.stdout}{result.stderr}")
    took = time.monotonic() - start
    print(f"{len(args.settings)} copies in {took:.0f} s with {args.jobs} at a time; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
