"""The page audit (make audit): Lighthouse (mobile), axe-core and the W3C Nu HTML checker
on the demo site served as in production.

The production stack (deploy/prod.py: nginx, gunicorn, DEBUG off, collectstatic'd files)
runs on its own ports, database, Redis database and media folder, seeded by seed_demo:

    AUDIT_PORT (8800), AUDIT_APP_PORT (8801), AUDIT_DATABASE_URL (…/newsroom_audit),
    AUDIT_REDIS_URL (redis://127.0.0.1:6379/13), AUDIT_RUN_DIR (run/audit)

The tools are npm packages pinned in audit/package.json, installed into audit/node_modules
(git-ignored) on first use; Lighthouse drives /usr/bin/chromium (CHROME_PATH), axe-core
runs in it through Playwright, vnu (vnu-jar) needs Java. Reports go to the run folder.
Exits non-zero when a score is under 100, axe finds a violation or vnu an error.
"""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

AUDIT_DIR = Path(__file__).resolve().parent
BASE_DIR = AUDIT_DIR.parent
TOOLS = AUDIT_DIR / "node_modules"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_PAGES = ("home", "article", "live")
LIGHTHOUSE_RUNS = int(os.environ.get("AUDIT_LIGHTHOUSE_RUNS", "3"))


def stack_environment() -> dict[str, str]:
    run = Path(os.environ.get("AUDIT_RUN_DIR", BASE_DIR / "run" / "audit")).resolve()
    redis = os.environ.get("AUDIT_REDIS_URL", "redis://127.0.0.1:6379/13")
    return os.environ | {
        "PROD_RUN_DIR": str(run),
        "PROD_PORT": os.environ.get("AUDIT_PORT", "8800"),
        "PROD_APP_PORTS": os.environ.get("AUDIT_APP_PORT", "8801"),
        "DATABASE_URL": os.environ.get(
            "AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_audit"
        ),
        "REDIS_URL": redis,
        "CELERY_BROKER_URL": redis,
        "MEDIA_ROOT": str(run / "media"),
        "ORIGINALS_ROOT": str(run / "originals"),
        "GUNICORN_WORKERS": "2",
    }


CLEAR_CACHES = "from django.core.cache import caches; [caches[a].clear() for a in caches]"


def install_tools() -> None:
    if not (TOOLS / ".package-lock.json").exists():
        print("Installing the audit's tools into audit/node_modules (npm ci)…", flush=True)
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=AUDIT_DIR, check=True
        )
    if subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
        sys.exit("vnu needs Java: apt-get install default-jre-headless")


def prod(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, str(BASE_DIR / "deploy" / "prod.py"), *args]
    return subprocess.run(command, cwd=BASE_DIR, env=env, check=True, **kwargs)


def lighthouse_run(url: str, report: Path) -> dict:
    command = [
        "node", str(TOOLS / "lighthouse" / "cli" / "index.js"), url,
        "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES),
        # Root in a container: Chromium's sandbox cannot start.
        "--chrome-flags=--headless=new --no-sandbox",
    ]  # fmt: skip
    # Now and then Chromium's trace misses the navigation (NO_NAVSTART): once more.
    for _attempt in range(3):
        done = subprocess.run(command, env=os.environ | {"CHROME_PATH": CHROME})
        if done.returncode == 0:
            return json.loads(report.read_text())
    sys.exit(f"Lighthouse failed three times on {url}")


def lighthouse(url: str, report: Path) -> tuple[dict[str, int], list[str]]:
    """The four category scores (0-100) of the median of LIGHTHOUSE_RUNS runs, mobile (its
    default): performance varies from run to run on a busy machine, and Lighthouse's own
    advice is the median run (by performance) of several, as here."""
    runs = []
    for number in range(LIGHTHOUSE_RUNS):
        path = report.with_name(f"{report.stem}-{number + 1}.json")
        runs.append((lighthouse_run(url, path), path))
    runs.sort(key=lambda run: run[0]["categories"]["performance"]["score"])
    result, path = runs[len(runs) // 2]
    report.write_text(path.read_text())
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = [
        f"    {audit['id']}: {audit['title']}"
        + (f" ({audit['displayValue']})" if audit.get("displayValue") else "")
        for name in CATEGORIES
        for ref in result["categories"][name]["auditRefs"]
        if ref["weight"] and (audit := result["audits"][ref["id"]])["score"] is not None
        and audit["score"] < 1
    ]  # fmt: skip
    every = ", ".join(str(round(r["categories"]["performance"]["score"] * 100)) for r, _ in runs)
    failing.append(f"    (performance of the {len(runs)} runs: {every})")
    return scores, failing


def axe(urls: dict[str, str]) -> dict[str, list[dict]]:
    """axe-core's violations per page, at a phone's and a desktop's width."""
    from playwright.sync_api import sync_playwright

    source = (TOOLS / "axe-core" / "axe.min.js").read_text()
    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME)
        for width, height in ((390, 844), (1280, 900)):
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, url in urls.items():
                page.goto(url, wait_until="load")
                # Evaluated by the browser's debugger protocol: the page's CSP
                # (script-src 'self') applies to the page's own scripts, not to this.
                page.evaluate(source)
                # Its default rules and WCAG 2.2's target size (off by default; Lighthouse
                # runs it too).
                result = page.evaluate(
                    "() => axe.run(document, {rules: {'target-size': {enabled: true}}})"
                )
                found[f"{name} at {width}px"] = result["violations"]
            page.close()
        browser.close()
    return found


def vnu(urls: dict[str, str], folder: Path) -> dict[str, list[dict]]:
    """The Nu HTML checker's errors per page (warnings left out), on the HTML as served
    (saved first: vnu refuses to read a page answered with 404, as the 404 page is)."""
    folder.mkdir(exist_ok=True)
    files = {}
    for name, url in urls.items():
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                html = response.read()
        except urllib.error.HTTPError as error:
            html = error.read()
        files[name] = folder / f"{name.replace(' ', '-')}.html"
        files[name].write_bytes(html)
    jar = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    by_file = {f"file:{file}": name for name, file in files.items()}
    found = {name: [] for name in urls}
    for message in messages:
        found.setdefault(by_file.get(message.get("url"), message.get("url")), []).append(message)
    return found


def main() -> int:
    install_tools()
    env = stack_environment()
    origin = f"http://localhost:{env['PROD_PORT']}"
    # Pages cached by an earlier run name the stylesheets of then: both caches start empty.
    shutil.rmtree(Path(env["PROD_RUN_DIR"]) / "nginx-cache", ignore_errors=True)
    prod(env, "start")
    try:
        prod(env, "manage", "shell", "--command", CLEAR_CACHES)
        prod(env, "manage", "seed_demo")
        code = (AUDIT_DIR / "pages.py").read_text()
        out = prod(env, "manage", "shell", "--command", code, stdout=subprocess.PIPE, text=True)
        pages = {
            name: origin + path for name, path in json.loads(out.stdout.splitlines()[-1]).items()
        }
        reports = Path(env["PROD_RUN_DIR"]) / "reports"
        reports.mkdir(exist_ok=True)
        problems = 0

        print("\nLighthouse (mobile), Chromium", CHROME)
        for name in LIGHTHOUSE_PAGES:
            scores, failing = lighthouse(pages[name], reports / f"lighthouse-{name}.json")
            print(f"  {name:8} {pages[name]}")
            print("    " + "  ".join(f"{c} {s}" for c, s in scores.items()))
            print("\n".join(failing) or "    (every weighted audit passed)")
            problems += sum(s < 100 for s in scores.values())

        print("\naxe-core violations")
        for name, violations in axe({n: pages[n] for n in LIGHTHOUSE_PAGES}).items():
            print(f"  {name}: {len(violations)}")
            for v in violations:
                targets = ", ".join(str(node["target"]) for node in v["nodes"][:3])
                print(f"    {v['id']} ({v['impact']}): {v['help']} at {targets}")
            problems += len(violations)

        print("\nNu HTML checker (vnu) errors")
        for name, errors in vnu(pages, reports / "html").items():
            print(f"  {name:12} {len(errors)}  {pages.get(name, '')}")
            for e in errors:
                print(f"    line {e.get('lastLine')}: {e['message']}")
            problems += len(errors)
        print(f"\nReports in {reports}. Problems: {problems}.")
        return 1 if problems else 0
    finally:
        prod(env, "stop")


if __name__ == "__main__":
    sys.exit(main())
