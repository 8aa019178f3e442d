"""make bench's reading of wrk and its verdicts (the load itself is never run in tests)."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

WRK_REPORT = """\
Running 5s test @ http://127.0.0.1:8380/rss/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    13.58ms   15.89ms  48.09ms   90.50%
    Req/Sec   632.67      2.36k   10.94k    71.99%
  Latency Distribution
     50%  358.00us
     75%   28.07ms
     90%   37.40ms
     99%    1.20s
  6328 requests in 5.10s, 637.33MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 3
Requests/sec:   1207.09
Transfer/sec:    124.90MB
"""


@pytest.fixture
def bench(monkeypatch):
    """bench/run.py as a module (bench/ is scripts, not a package)."""
    monkeypatch.syspath_prepend(str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wrk_report_read_from_its_latency_distribution(bench):
    # The thread stats' "+/- Stdev" column ends in "50%" and "99%" too: a regression
    # printed NaN or that column's neighbour as p50.
    run = bench.load.parse_wrk(WRK_REPORT)

    assert run.rps == 1207.09
    assert run.p50_ms == pytest.approx(0.358)
    assert run.p99_ms == 1200
    assert run.errors == 6  # socket errors and non-2xx answers alike


def test_table_prints_each_target_met_or_missed(bench):
    def row(mode, connections, rps, p99_ms=5.0, errors=0):
        run = bench.load.Run(rps=rps, p50_ms=1.0, p99_ms=p99_ms, errors=errors)
        return {"page": "article", "mode": mode, "connections": connections, "run": run,
                "queries": None, "bytes": 24_000}  # fmt: skip

    lines = bench.table([
        row("uncached", 8, 460),
        row("page", 8, 1500),
        row("proxy", 8, 12_000),
        row("static", 8, 30_000),
        row("proxy", 64, 20_000, p99_ms=80.0, errors=2),
        row("static", 64, 30_000),
    ])  # fmt: skip

    uncached, page, proxy, _, proxy_64, _ = lines[1:]
    assert uncached.endswith(">= 450 rps ok; 0 errors ok")
    assert page.endswith(">= 2000 rps MISSED; 0 errors ok")
    assert proxy.split()[9] == "40%"
    assert proxy.endswith(">= 50% of static MISSED; 0 errors ok")
    assert proxy_64.split()[9] == "67%"
    assert proxy_64.endswith(">= 50% of static ok; p99 < 50 ms MISSED; 0 errors MISSED")
