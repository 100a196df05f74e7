"""Hosting fixtures: the site served by nginx with deploy/nginx/inburgering-guide.conf.

The deployed file is used as it is: only its `listen` and `root` lines are replaced (to a free
localhost port and the site under test), inside a small nginx.conf of our own (`daemon off`,
pid, logs and temporary files in a temporary folder). Each pytest-xdist worker runs its own
nginx on its own port.

nginx missing: as root on Debian (CI) it is installed with apt-get; anywhere else the tests
are skipped, saying so.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "nginx" / "inburgering-guide.conf"
# Debian's package with just the nginx binary and its configuration (nginx-light is a
# meta-package on top of it in Debian 12 and a transitional one in Debian 13).
NGINX_PACKAGES = ("nginx", "nginx-light")
LISTEN = re.compile(r"^(\s*)listen 80;$", re.M)
LISTEN_IPV6 = re.compile(r"^\s*listen \[::\]:80;\n", re.M)
SITE_ROOT = re.compile(r"^(\s*)root /[^;]*;", re.M)


@pytest.fixture(scope="session")
def hosted_site(municipal_sites) -> Path:
    """The built site that nginx serves: the example municipality Lindewaard's copy (all ten
    languages, a logo, brand colours, its own pages; its public address has no sub-folder)."""
    return municipal_sites["lindewaard"]


def find_nginx() -> str | None:
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None


def _apt_get(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(["apt-get", *args], capture_output=True, text=True, env=env, check=False)


def install_nginx(lock_folder: Path) -> str:
    """nginx's path, installed with apt-get if need be; skips when it cannot be installed here."""
    nginx = find_nginx()
    if nginx:
        return nginx
    on_debian = Path("/etc/debian_version").exists() and shutil.which("apt-get")
    if os.geteuid() != 0 or not on_debian:
        pytest.skip("nginx is not installed (and only root on Debian installs it by itself): "
                    "install it, e.g. `apt-get install nginx`, to test the hosting configuration")
    # Both xdist workers may get here: one installs, the other waits and finds it.
    with open(lock_folder / "nginx-install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        nginx = find_nginx()
        if nginx:
            return nginx
        outputs = []
        for update_first in (False, True):
            if update_first:
                outputs.append(_apt_get("update").stderr)
            for package in NGINX_PACKAGES:
                result = _apt_get("install", "-y", "--no-install-recommends", package)
                outputs.append(result.stdout[-2000:] + result.stderr[-2000:])
                nginx = find_nginx()
                if result.returncode == 0 and nginx:
                    return nginx
    pytest.fail("could not install nginx with apt-get:\n" + "\n".join(outputs))


def mime_types(nginx: str) -> Path:
    """The mime.types file of this nginx (next to its nginx.conf)."""
    version = subprocess.run([nginx, "-V"], capture_output=True, text=True, check=True).stderr
    conf_path = re.search(r"--conf-path=(\S+)", version)
    candidates = [Path(conf_path.group(1)).parent / "mime.types"] if conf_path else []
    candidates.append(Path("/etc/nginx/mime.types"))
    for candidate in candidates:
        if candidate.exists():
            return candidate
    pytest.fail(f"nginx ({nginx}) has no mime.types in {[str(c) for c in candidates]}")


def for_test(conf: str, site: Path, listen: str) -> str:
    """The deployed server configuration, listening on `listen` and serving `site`."""
    conf, listens = LISTEN.subn(lambda m: f"{m.group(1)}listen {listen};", conf)
    conf, ipv6 = LISTEN_IPV6.subn("", conf)
    conf, roots = SITE_ROOT.subn(lambda m: f'{m.group(1)}root "{site}";', conf)
    assert (listens, ipv6, roots) == (1, 1, 1), (
        f"{CONF.relative_to(ROOT)} must have exactly one `listen 80;`, one `listen [::]:80;` and one "
        f"`root /...;` line (uncommented) for the tests to replace; found {listens}, {ipv6} and {roots}"
    )
    return conf


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Nginx:
    port: int
    folder: Path  # its configuration and logs

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start_nginx(server_conf: str, folder: Path, port: int, nginx: str) -> subprocess.Popen:
    """nginx in the foreground with `server_conf` in its http block, answering on `port`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "server.conf").write_text(server_conf, encoding="utf-8")
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    # As root, nginx's workers would otherwise run as nobody, who cannot read pytest's
    # temporary folders (mode 0700).
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"""{user}daemon off;
worker_processes 1;
pid "{folder}/nginx.pid";
error_log "{folder}/error.log" warn;
events {{ worker_connections 256; }}
http {{
    include "{mime_types(nginx)}";
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path "{temp}/client_body";
    proxy_temp_path "{temp}/proxy";
    fastcgi_temp_path "{temp}/fastcgi";
    uwsgi_temp_path "{temp}/uwsgi";
    scgi_temp_path "{temp}/scgi";
    include "{folder}/server.conf";
}}
""",
        encoding="utf-8",
    )
    command = [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]
    with open(folder / "output.log", "w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            logs = (folder / "output.log").read_text(errors="replace") + error_log(folder)
            raise RuntimeError(f"nginx stopped at start (exit {process.returncode}):\n{logs}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            if time.monotonic() > deadline:
                stop_nginx(process)
                raise RuntimeError(f"nginx does not answer on port {port}:\n{error_log(folder)}") from None
            time.sleep(0.05)


def stop_nginx(process: subprocess.Popen) -> None:
    process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def error_log(folder: Path) -> str:
    path = folder / "error.log"
    return path.read_text(errors="replace") if path.exists() else ""


@contextmanager
def serve_with_nginx(server_conf: Callable[[str], str], folder: Path, nginx: str) -> Iterator[Nginx]:
    """nginx with `server_conf(listen)` on a free localhost port (another one if that port is
    taken between choosing and starting it: the other xdist worker may start its nginx then)."""
    attempts = 5
    for attempt in range(attempts):
        port, run_folder = free_port(), folder / f"run{attempt}"
        try:
            process = start_nginx(server_conf(f"127.0.0.1:{port}"), run_folder, port, nginx)
            break
        except RuntimeError as error:
            if "Address already in use" not in str(error) or attempt == attempts - 1:
                raise
    try:
        yield Nginx(port, run_folder)
    finally:
        stop_nginx(process)


@pytest.fixture(scope="session")
def nginx_binary(tmp_path_factory) -> str:
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    return install_nginx(shared)


@pytest.fixture(scope="session")
def nginx(hosted_site, nginx_binary, tmp_path_factory) -> Iterator[Nginx]:
    """nginx serving the hosted site with the deployed configuration."""
    conf = CONF.read_text(encoding="utf-8")
    with serve_with_nginx(lambda listen: for_test(conf, hosted_site, listen),
                          tmp_path_factory.mktemp("nginx"), nginx_binary) as server:
        yield server
