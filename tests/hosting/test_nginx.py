"""Self-hosting: the site served by nginx with deploy/nginx/inburgering-guide.conf.

Headers, per-language "not found" pages, compression and caching over plain HTTP
(http.client), the HTTPS example with a throwaway certificate, and in Chromium that the
Content-Security-Policy blocks nothing the pages use. The expected header values are read
from the configuration file (its one Content-Security-Policy), then held to fixed rules.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re
import shutil
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import CONF, ROOT, for_test, serve_with_nginx

ONE_YEAR = 31536000
IMMUTABLE = f"public, max-age={ONE_YEAR}, immutable"
HEADER_NAMES = {"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Permissions-Policy"}
# Powerful features no page of the guide uses: Permissions-Policy must switch them off.
DENIED_FEATURES = {"camera", "microphone", "geolocation", "payment", "usb", "display-capture"}
HTTPS_START, HTTPS_END = "# --- HTTPS: uncomment these lines", "# --- end of HTTPS"
MISSING = "/no-such-page-here/"


# --- The configuration file ------------------------------------------------------------

def conf_text() -> str:
    return CONF.read_text(encoding="utf-8")


def active(conf: str) -> str:
    """The configuration without its comments."""
    return "\n".join(line.split("#", 1)[0] for line in conf.splitlines())


ADD_HEADER = re.compile(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', re.M)


def configured_headers(conf: str) -> dict[str, str]:
    """The fixed-value headers the server adds (`add_header Name "value" always;`)."""
    headers: dict[str, str] = {}
    for name, value in ADD_HEADER.findall(active(conf)):
        assert name not in headers, f"{name} is added twice in {CONF.name}"
        headers[name] = value
    return headers


def csp_directives(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = part.split()
        assert name not in directives, f"the policy names {name} twice"
        directives[name] = sources
    return directives


def configured_csp() -> dict[str, list[str]]:
    return csp_directives(configured_headers(conf_text())["Content-Security-Policy"])


def https_example(conf: str) -> list[str]:
    """The directives of the commented HTTPS block, uncommented."""
    start, end = conf.index(HTTPS_START), conf.index(HTTPS_END)
    lines = [line for line in conf[start:end].splitlines()[1:] if line.strip()]
    assert all(line.strip().startswith("# ") for line in lines), "the HTTPS example must be commented out"
    return [line.strip()[2:] for line in lines]


# --- HTTP -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(nginx, path: str, headers: dict[str, str] | None = None) -> Response:
    """GET without following redirects or decoding (http.client asks for identity by default)."""
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def html_attributes(body: bytes) -> dict[str, str]:
    """The attributes of the <html> element."""
    tag = re.search(rb"<html\b[^>]*>", body)
    assert tag, "the response is no HTML page"
    return {name.decode(): value.decode() for name, value in re.findall(rb'([\w-]+)="([^"]*)"', tag.group())}


def one_file(site: Path, pattern: str) -> str:
    """The URL path of the first file of the site matching `pattern`."""
    found = sorted(site.glob(pattern))
    assert found, f"the site has no {pattern}"
    return "/" + found[0].relative_to(site).as_posix()


# --- Security headers --------------------------------------------------------------------

def test_the_configuration_adds_every_security_header_with_strict_values():
    headers = configured_headers(conf_text())
    assert set(headers) == HEADER_NAMES, f"headers added in {CONF.name}: {sorted(headers)}"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    features = dict(item.strip().split("=", 1) for item in headers["Permissions-Policy"].split(","))
    missing = DENIED_FEATURES - set(features)
    assert not missing, f"Permissions-Policy must deny {sorted(missing)}"
    allowed = {feature: value for feature, value in features.items() if value != "()"}
    assert not allowed, f"Permissions-Policy must only deny features (=()), not allow {allowed}"


def test_the_content_security_policy_is_strict():
    csp = configured_csp()
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["style-src"] == ["'self'"], "no inline styles: style-src 'self' only"
    scripts = csp["script-src"]
    assert scripts[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in scripts[2:]), scripts
    for directive in ("img-src", "font-src"):
        assert set(csp[directive]) <= {"'self'", "data:"}, f"{directive}: {csp[directive]}"
    for directive in ("connect-src", "worker-src"):
        assert csp[directive] == ["'self'"], f"{directive}: {csp[directive]}"
    loose = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:", "blob:"}
    for directive, sources in csp.items():
        assert not loose & set(sources), f"{directive} allows {sorted(loose & set(sources))}"
        hosts = [source for source in sources if not source.startswith("'") and source != "data:"]
        assert not hosts, f"{directive} allows other sites: {hosts}"


@pytest.mark.parametrize("path", ["/", "/ar/", "/assets/stylesheets/guide.css", "/assets/javascripts/menu-button.js",
                                  MISSING, "/ar" + MISSING, "/ar"],
                         ids=["home", "arabic home", "stylesheet", "script", "404", "arabic 404", "redirect"])
def test_every_response_carries_the_security_headers(nginx, path):
    response = get(nginx, path)
    expected_status = 404 if MISSING in path else 301 if path == "/ar" else 200
    assert response.status == expected_status
    for name, value in configured_headers(conf_text()).items():
        assert response.headers.get_all(name) == [value], f"{name} on {path}"
    assert "Strict-Transport-Security" not in response.headers, "HSTS belongs to HTTPS only"
    assert "nginx/" not in response.headers.get("Server", ""), "server_tokens off: no nginx version"


def test_hsts_is_configured_in_the_https_example():
    conf = conf_text()
    example = https_example(conf)
    hsts = [line for line in example if line.startswith("add_header Strict-Transport-Security")]
    assert hsts == ['add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;'], example
    assert "listen 443 ssl;" in example
    assert "Strict-Transport-Security" not in active(conf), "HSTS must not be sent over plain http"


def test_the_https_example_works_once_uncommented(nginx_binary, hosted_site, tmp_path):
    """The HTTPS block, uncommented as the file says, with a throwaway certificate."""
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("openssl is not installed: no certificate to try the HTTPS example with")
    key, certificate = tmp_path / "key.pem", tmp_path / "certificate.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=localhost"],
                   check=True, capture_output=True)
    conf = conf_text()
    start, end = conf.index(HTTPS_START), conf.index(HTTPS_END)
    example = "\n".join(https_example(conf))
    example = re.sub(r"ssl_certificate \S+;", f'ssl_certificate "{certificate}";', example)
    example = re.sub(r"ssl_certificate_key \S+;", f'ssl_certificate_key "{key}";', example)
    example = example.replace("listen [::]:443 ssl;\n", "")
    https_conf = conf[:start] + example + "\n" + conf[end:]

    def server_conf(listen: str) -> str:
        without_http = for_test(https_conf, hosted_site, "127.0.0.1:1").replace("listen 127.0.0.1:1;\n", "")
        return without_http.replace("listen 443 ssl;", f"listen {listen} ssl;")

    with serve_with_nginx(server_conf, tmp_path / "nginx", nginx_binary) as server:
        context = ssl._create_unverified_context()  # the throwaway certificate
        connection = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=10, context=context)
        try:
            connection.request("GET", MISSING)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
    assert response.status == 404
    assert response.headers.get_all("Strict-Transport-Security") == ["max-age=31536000; includeSubDomains"]
    for name, value in configured_headers(conf).items():
        assert response.headers.get_all(name) == [value], f"{name} over HTTPS"


# --- Inline constructs the policy would block ---------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
INLINE_STYLE = re.compile(r"<style[\s>]|<[a-zA-Z][^<>]*\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=|javascript:", re.I)


def test_every_inline_script_is_allowed_by_its_hash_and_every_hash_is_used(hosted_site):
    """The policy's hashes are exactly the site's inline <script>s (one page of each would
    otherwise break, or the policy would allow scripts no page has)."""
    allowed = set(configured_csp()["script-src"][2:])
    used: dict[str, str] = {}
    for page in sorted(hosted_site.rglob("*.html")):
        for attributes, script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "src=" not in attributes:
                digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
                used.setdefault(f"'sha256-{digest}'", page.relative_to(hosted_site).as_posix())
    missing = {source: page for source, page in used.items() if source not in allowed}
    assert not missing, (f"inline scripts the Content-Security-Policy in {CONF.relative_to(ROOT)} blocks (add the "
                         f"hash to script-src, or better move the script to a file): {missing}")
    unused = allowed - set(used)
    assert not unused, f"script-src allows hashes no page uses (remove them): {sorted(unused)}"


def test_no_page_has_inline_styles_or_event_handlers(hosted_site):
    """style-src has no 'unsafe-inline' and script-src no 'unsafe-hashes': both would be blocked."""
    found = []
    for page in sorted(hosted_site.rglob("*.html")):
        text = INLINE_SCRIPT.sub("", page.read_text(encoding="utf-8"))
        for construct in (INLINE_STYLE, EVENT_HANDLER):
            match = construct.search(text)
            if match:
                found.append(f"{page.relative_to(hosted_site)}: {match.group()[:80]}")
    assert not found, "constructs the Content-Security-Policy blocks:\n" + "\n".join(found[:20])


# --- Not found ---------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ti", "ltr")])
def test_an_unknown_address_in_a_language_gets_that_languages_404(nginx, hosted_site, language, direction):
    page = hosted_site / language / "404.html"
    response = get(nginx, f"/{language}{MISSING}")
    assert response.status == 404
    attributes = html_attributes(response.body)
    assert (attributes.get("lang"), attributes.get("dir")) == (language, direction), (
        f"/{language}{MISSING} must show the {language} 404 page ({page} exists: {page.exists()})")
    assert response.body == page.read_bytes()


def test_an_unknown_address_at_the_root_gets_the_english_404(nginx, hosted_site):
    response = get(nginx, MISSING)
    assert response.status == 404
    assert html_attributes(response.body).get("lang") == "en"
    assert response.body == (hosted_site / "404.html").read_bytes()


def test_every_folder_with_a_404_page_gets_its_own_and_the_others_the_root_one(nginx, hosted_site):
    root_page = (hosted_site / "404.html").read_bytes()
    for folder in sorted(path for path in hosted_site.iterdir() if path.is_dir()):
        own = folder / "404.html"
        for path in (f"/{folder.name}{MISSING}", f"/{folder.name}/deeper/no-such-file.css"):
            response = get(nginx, path)
            assert response.status == 404, path
            assert response.body == (own.read_bytes() if own.exists() else root_page), path


def test_a_folder_without_an_index_is_not_found_rather_than_forbidden(nginx, hosted_site):
    response = get(nginx, "/assets/")
    assert response.status == 404
    assert response.body == (hosted_site / "404.html").read_bytes()


# --- Compression -------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/ar/steps/", "/assets/stylesheets/guide.css",
                                  "/assets/javascripts/menu-button.js", "/pagefind/pagefind-entry.json"])
def test_text_is_sent_compressed_and_decompresses_to_the_file(nginx, hosted_site, path):
    file = hosted_site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    compressed = get(nginx, path, {"Accept-Encoding": "gzip"})
    assert compressed.status == 200
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.headers.get("Vary", "")
    assert len(compressed.body) < file.stat().st_size
    assert gzip.decompress(compressed.body) == file.read_bytes()
    plain = get(nginx, path)
    assert "Content-Encoding" not in plain.headers
    assert plain.body == file.read_bytes()


def test_a_ready_made_gz_file_is_sent_as_it_is(nginx, hosted_site):
    """gzip_static: sitemap.xml.gz goes out as it is, not compressed again."""
    ready = hosted_site / "sitemap.xml.gz"
    assert ready.exists(), "the build writes sitemap.xml.gz"
    response = get(nginx, "/sitemap.xml", {"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.body == ready.read_bytes()


# --- Caching -----------------------------------------------------------------------------

@pytest.mark.parametrize("pattern", ["pagefind/fragment/*", "pagefind/index/*", "pagefind/pagefind.*.pf_meta",
                                     "assets/fonts/*.woff2", "assets/stylesheets/main.*.min.css"])
def test_fingerprinted_files_and_fonts_are_cached_for_a_year(nginx, hosted_site, pattern):
    path = one_file(hosted_site, pattern)
    response = get(nginx, path)
    assert response.status == 200
    assert response.headers.get_all("Cache-Control") == [IMMUTABLE], path


@pytest.mark.parametrize("path", ["/", "/ar/steps/", "/index.html", MISSING, "/assets/stylesheets/guide.css",
                                  "/pagefind/pagefind.js", "/pagefind/pagefind-entry.json"])
def test_pages_and_files_without_a_fingerprint_are_revalidated(nginx, path):
    """A page, or a file whose name stays the same when it changes, must not be kept from a
    new build (pagefind-entry.json names the index files of the build)."""
    response = get(nginx, path)
    assert response.headers.get_all("Cache-Control") == ["no-cache"], path
    assert response.headers.get("ETag") or response.status == 404


# --- In the browser ----------------------------------------------------------------------

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}`);
});
"""
BROWSER_PAGES = {
    "home": "/",
    "step": "/steps/intake/",
    "arabic step": "/ar/steps/intake/",
    "tigrinya glossary": "/ti/glossary/",
    "arabic 404": "/ar" + MISSING,
}


class Watched:
    """A browser page with every console error or warning, page error and policy violation."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.context.add_init_script(COLLECT_VIOLATIONS)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.responses: list[tuple[str, int]] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("worker", lambda worker: worker.on("console", self._console))
        self.context.on("response", lambda response: self.responses.append((response.url, response.status)))

    def _console(self, message):
        # Chromium logs a page answered with 404 as an error: not a problem on a 404 page.
        own_status = message.text.startswith("Failed to load resource: the server responded with a status of 404") \
            and message.location.get("url") == self.page.url and MISSING in self.page.url
        if message.type in ("error", "warning") and not own_status:
            self.problems.append(f"console {message.type}: {message.text} ({message.location.get('url')})")

    def problems_after_settling(self) -> list[str]:
        # Fonts load when text needs them; violations are reported a task later.
        self.page.evaluate("document.fonts.ready.then(() => new Promise((done) => setTimeout(done, 100)))")
        violations = self.page.evaluate("window.__cspViolations")
        return self.problems + [f"violation: {violation}" for violation in violations]


@pytest.mark.parametrize("path", BROWSER_PAGES.values(), ids=BROWSER_PAGES.keys())
def test_pages_break_no_content_security_policy_rule(browser, nginx, path):
    watched = Watched(browser)
    try:
        response = watched.page.goto(nginx.url + path)
        assert response.status == (404 if MISSING in path else 200)
        assert response.headers["content-security-policy"] == configured_headers(conf_text())["Content-Security-Policy"]
        assert watched.problems_after_settling() == []
    finally:
        watched.context.close()


def test_search_works_under_the_content_security_policy(browser, nginx):
    """Pagefind runs WebAssembly in a worker: the policy must let it, without any violation."""
    watched = Watched(browser)
    try:
        watched.page.goto(nginx.url + "/search/")
        watched.page.get_by_role("searchbox").fill("DUO")
        watched.page.keyboard.press("Enter")
        status = watched.page.locator("#guide-search-status")
        watched.page.wait_for_function(
            "el => el.textContent.trim() && el.textContent !== el.dataset.searching", arg=status.element_handle()
        )
        results = watched.page.locator("#guide-search-results li > a")
        assert results.count() > 0, f"searching DUO found nothing: {status.inner_text()}"
        assert watched.problems_after_settling() == []
        wasm = [(url, code) for url, code in watched.responses if "/pagefind/wasm." in url]
        assert wasm and all(code == 200 for _, code in wasm), f"Pagefind's WebAssembly was not loaded: {wasm}"
    finally:
        watched.context.close()
