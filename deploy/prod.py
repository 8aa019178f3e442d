"""The production stack, natively on this machine: nginx in front of two gunicorn app
servers and one Celery worker, on the machine's PostgreSQL and Redis.

    deploy/prod.py run        start, print the URLs, stop everything on Ctrl+C  (make prod)
    deploy/prod.py start      start in the background, return once ready      (make prod-start)
    deploy/prod.py stop       stop what `start` started, by its pid files      (make prod-stop)
    deploy/prod.py manage …   a manage.py command in the stack's environment (seed_demo …)

Run it with the project's Python (.venv/bin/python): the app servers and the worker are
started with that interpreter. Everything is configured by environment variables, with
defaults for this machine: PROD_PORT (8080), PROD_APP_PORTS (8001,8002), PROD_RUN_DIR
(run/prod), DATABASE_URL, REDIS_URL, CELERY_BROKER_URL, GUNICORN_WORKERS, and any of the
app's own (see .env.example). Logs and pid files go to the run folder.
"""

import os
import secrets
import signal
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

DEPLOY_DIR = Path(__file__).resolve().parent
BASE_DIR = DEPLOY_DIR.parent
NGINX = "/usr/sbin/nginx"
HOST_NAMES = ("localhost", "127.0.0.1")


def run_dir() -> Path:
    return Path(os.environ.get("PROD_RUN_DIR", BASE_DIR / "run" / "prod")).resolve()


def nginx_config(
    folder: Path,
    *,
    listen: str,
    app_servers: list[str],
    static_root: Path,
    media_root: Path,
    server_names: tuple[str, ...] = HOST_NAMES,
    fail_timeout: int = 10,
) -> Path:
    """Write nginx.conf and site.conf for a run in `folder` (from deploy/nginx/); returns
    the main file's path. The tests start their nginx with this too."""
    (folder / "nginx-tmp").mkdir(parents=True, exist_ok=True)
    values = {
        "NEWSROOM_LISTEN": listen,
        "NEWSROOM_SERVER_NAMES": " ".join(server_names),
        "NEWSROOM_UPSTREAM_SERVERS": "\n    ".join(
            f"server {address} max_fails=1 fail_timeout={fail_timeout}s;" for address in app_servers
        ),
        "NEWSROOM_CACHE_DIR": str(folder / "nginx-cache"),
        "NEWSROOM_STATIC_ROOT": str(static_root),
        "NEWSROOM_MEDIA_ROOT": str(media_root),
        "NEWSROOM_DEPLOY_DIR": str(DEPLOY_DIR),
        "NEWSROOM_RUN_DIR": str(folder),
        "NEWSROOM_ACCESS_LOG": str(folder / "nginx-access.log"),
        # Run by root (as here), nginx would hand its workers to "nobody", who may not
        # read the project's files or a private temporary folder: they keep the caller's
        # user. The containers' nginx has its own user and needs none of this.
        "NEWSROOM_NGINX_USER": "user root;" if os.geteuid() == 0 else "",
    }
    for name in ("site.conf", "nginx.conf"):
        template = string.Template((DEPLOY_DIR / "nginx" / f"{name}.template").read_text())
        # safe_substitute: nginx's own $variables are left as they are.
        (folder / name).write_text(template.safe_substitute(values))
    return folder / "nginx.conf"


def nginx_command(config: Path) -> list[str]:
    folder = str(config.parent)
    return [NGINX, "-p", folder, "-e", f"{folder}/nginx-error.log", "-c", str(config),
            "-g", "daemon off;"]  # fmt: skip


def environment(folder: Path) -> dict[str, str]:
    """The app's production settings for this machine; the caller's variables win."""
    key_file = folder / "secret_key"
    if "DJANGO_SECRET_KEY" not in os.environ and not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    defaults = {
        "DJANGO_ENV_FILE": "",  # not the quick start's .env (it serves media from Django)
        "DJANGO_DEBUG": "off",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/newsroom",
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/1",
        "DJANGO_ALLOWED_HOSTS": ",".join(HOST_NAMES),
        "DJANGO_TRUSTED_PROXY_COUNT": "1",
        # Plain HTTP on loopback: cookies cannot be HTTPS-only here.
        "DJANGO_SECURE_COOKIES": "off",
        "DJANGO_SERVE_MEDIA": "off",  # nginx serves the renditions
        "PYTHONUNBUFFERED": "1",
    }
    values = defaults | dict(os.environ)
    values.setdefault("DJANGO_SECRET_KEY", key_file.read_text().strip())
    return values


def create_database(url: str) -> None:
    """Create the PostgreSQL database the stack names, if it is not there yet."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        if "does not exist" not in str(error):
            raise
        server, name = url.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name.split("?")[0]}"')
        print(f"Created the database {name}.")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def processes(folder: Path, env: dict[str, str]) -> dict[str, list[str]]:
    """name -> command of every long-running process of the stack."""
    app_ports = os.environ.get("PROD_APP_PORTS", "8001,8002").split(",")
    port = os.environ.get("PROD_PORT", "8080")
    config = nginx_config(
        folder,
        listen=f"127.0.0.1:{port}",
        app_servers=[f"127.0.0.1:{p}" for p in app_ports],
        static_root=BASE_DIR / "staticfiles",
        media_root=Path(env.get("MEDIA_ROOT", BASE_DIR / "media")).resolve(),
    )
    gunicorn_config = str(DEPLOY_DIR / "gunicorn.conf.py")
    commands = {
        f"app-{p}": [sys.executable, "-m", "gunicorn", "--config", gunicorn_config,
                     "--bind", f"127.0.0.1:{p}", "newsroom.wsgi"]
        for p in app_ports
    }  # fmt: skip
    concurrency = env.get("CELERY_CONCURRENCY", "1")
    commands["worker"] = [sys.executable, "-m", "celery", "-A", "newsroom", "worker",
                          "--concurrency", concurrency, "--loglevel", "INFO"]  # fmt: skip
    commands["nginx"] = nginx_command(config)
    return commands


def start() -> dict[str, subprocess.Popen]:
    folder = run_dir()
    folder.mkdir(parents=True, exist_ok=True)
    pids = folder / "pids"
    pids.mkdir(exist_ok=True)
    if any(_cwd(int(f.read_text())) == BASE_DIR for f in pids.glob("*.pid")):
        sys.exit(f"The stack is already running (pid files in {pids}): make prod-stop first.")
    env = environment(folder)
    env.setdefault("GUNICORN_WORKERS", "2")
    create_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    started = {}
    for name, command in processes(folder, env).items():
        if name == "nginx":
            # Proxying only once the app servers are ready (database, cache, queue and
            # storage reached): nginx would otherwise count their start-up as failures and
            # leave them out for its fail_timeout.
            for address in [n.removeprefix("app-") for n in started if n.startswith("app-")]:
                ready, answer = _wait_for(
                    f"http://127.0.0.1:{address}/readyz", started, host="127.0.0.1"
                )
                if not ready:
                    stop()
                    sys.exit(f"App server {address} is not ready ({answer}); logs in {folder}.")
        with (folder / f"{name}.log").open("ab") as log:
            # A session of its own: Ctrl+C in the terminal reaches this script only, which
            # then stops each process in order.
            started[name] = subprocess.Popen(
                command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        (pids / f"{name}.pid").write_text(str(started[name].pid))
    port = os.environ.get("PROD_PORT", "8080")
    ready, answer = _wait_for(f"http://127.0.0.1:{port}/readyz", started)
    if not ready:
        stop()
        sys.exit(f"The stack is not ready ({answer}); logs in {folder}.")
    print(
        f"\nNewsroom production stack (logs and pid files in {folder}):\n"
        f"  site     http://localhost:{port}/\n"
        f"  admin    http://localhost:{port}/admin/\n"
        f"  health   http://localhost:{port}/healthz (alive), "
        f"http://localhost:{port}/readyz (ready: database, cache, queue, storage)\n"
        f"  app servers "
        + ", ".join(f"http://127.0.0.1:{n.removeprefix('app-')}/" for n in started if "app-" in n)
        + f"\n  database {env['DATABASE_URL']}, cache {env['REDIS_URL']}, "
        f"queue {env['CELERY_BROKER_URL']}\n"
    )
    return started


def _healthy(
    url: str, started: dict[str, subprocess.Popen], *, host: str = HOST_NAMES[0], timeout=60
) -> bool:
    return _wait_for(url, started, host=host, timeout=timeout)[0]


def _wait_for(
    url: str, started: dict[str, subprocess.Popen], *, host: str = HOST_NAMES[0], timeout=60
) -> tuple[bool, str]:
    """Asks `url` until it answers 200; the last answer (a probe's body names the part
    that is down), or why there was none."""
    request = urllib.request.Request(url, headers={"Host": host})
    deadline = time.monotonic() + timeout
    answer = "no answer"
    while time.monotonic() < deadline:
        if exited := [name for name, p in started.items() if p.poll() is not None]:
            return False, f"{', '.join(exited)} exited"
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return True, response.read().decode()
        except urllib.error.HTTPError as error:
            answer = f"{error.code} {error.read().decode()[:200]}"
        except (urllib.error.URLError, OSError) as error:
            answer = str(error)
        time.sleep(0.3)
    return False, answer


def stop() -> None:
    """TERM each process of the stack (nginx first, so no request reaches a stopping app
    server), wait for it, KILL what outlives 20 s; remove the pid files."""
    pids = run_dir() / "pids"
    order = ["nginx", "app-", "worker"]
    pid_files = sorted(
        pids.glob("*.pid"),
        key=lambda f: next((i for i, n in enumerate(order) if f.stem.startswith(n)), 9),
    )
    for pid_file in pid_files:
        pid = int(pid_file.read_text())
        # Only a process of this stack (started in the project folder): a pid left from
        # an earlier run may have been reused since.
        if _cwd(pid) == BASE_DIR:
            os.kill(pid, signal.SIGTERM)
            for _ in range(200):
                if _cwd(pid) is None:
                    break
                time.sleep(0.1)
            else:
                os.kill(pid, signal.SIGKILL)
            print(f"Stopped {pid_file.stem} ({pid}).")
        pid_file.unlink()


def _cwd(pid: int) -> Path | None:
    """A live process's working folder; None once it has exited (or is a zombie)."""
    try:
        if Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].startswith("Z"):
            return None
        return Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None


def run() -> None:
    started = start()
    print("Ctrl+C stops the stack.")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while True:
            for name, process in started.items():
                if process.poll() is not None:
                    print(f"{name} exited ({process.returncode}); stopping the stack.")
                    return
            time.sleep(1)
    except KeyboardInterrupt:
        print()
    finally:
        stop()
        for process in started.values():
            process.wait()


if __name__ == "__main__":
    match sys.argv[1:2]:
        case ["run"]:
            run()
        case ["start"]:
            start()
        case ["stop"]:
            stop()
        case ["manage"]:
            folder = run_dir()
            folder.mkdir(parents=True, exist_ok=True)
            manage(environment(folder), *sys.argv[2:])
        case _:
            sys.exit(__doc__)
