#!/usr/bin/env python3
"""Runs the benchmarks of scripts/bench.sh and turns their measurements into ratios.

    bench.py run --bin-dir DIR --out DIR --display :N --sdk-python PY [--quick]
                 [--web-console-modules NODE_MODULES] [--only BENCHMARK ...]
    bench.py summarize --out DIR
    bench.py sdk-keypair --requests N     (under the Backend.AI venv's Python)
    bench.py http-floor --requests N      (under the Backend.AI venv's Python)

`run` measures, writes every measurement as a JSON line to OUT/results.jsonl, then summarises.
`summarize` writes OUT/report.md (Markdown tables of medians and ratios) and OUT/summary.txt,
whose one line has the form

    startup_ratio=R rss_ratio=R idle_repaints=N logs_100k_vs_2k=R editor_64k_vs_1k=R api_vs_sdk=R

Within each benchmark the programs compared run in turn (A B A B ...), and each figure is the
median over the runs. The standard library is enough here; only the SDK subcommands import
the Backend.AI client.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The app's update check goes to a loopback port where nothing listens.
DEAD_FEED_URL = "http://127.0.0.1:9/feed.json"

# eframe 0.37 logs this at trace level each time it requests a redraw of a window from winit
# (eframe/src/native/run.rs, `check_redraw_requests`).
REDRAW_LOG_LINE = "request_redraw for"

FULL = {
    "startup_runs": 7,
    "idle_runs": 5,
    "idle_seconds": 10.0,
    "idle_settle_seconds": 3.0,
    "frame_runs": 7,
    "frames": 300,
    "api_runs": 7,
    "api_requests": 200,
    "log_runs": 7,
    # Past the 200 appends a full 2,000-entry log takes before it is trimmed, so the average
    # includes one rewrite.
    "log_appends": 220,
}
QUICK = {
    "startup_runs": 2,
    "idle_runs": 1,
    "idle_seconds": 5.0,
    "idle_settle_seconds": 2.0,
    "frame_runs": 2,
    "frames": 60,
    "api_runs": 2,
    "api_requests": 50,
    "log_runs": 2,
    "log_appends": 10,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    run_parser = commands.add_parser("run", help="measure, then summarise")
    run_parser.add_argument("--bin-dir", type=Path, required=True, help="cargo's release directory")
    run_parser.add_argument("--out", type=Path, required=True, help="directory for the results")
    run_parser.add_argument("--display", required=True, help="X display for the windows, e.g. :7")
    run_parser.add_argument("--sdk-python", required=True, help="Python with ai.backend.client")
    run_parser.add_argument("--quick", action="store_true", help="fewer and shorter runs")
    run_parser.add_argument(
        "--web-console-modules",
        type=Path,
        help="node_modules with playwright-core: also measure the web console in Chromium",
    )
    run_parser.add_argument(
        "--only",
        choices=["startup", "idle", "frame", "api", "log", "web"],
        action="append",
        help="run only these benchmarks (repeatable)",
    )

    summarize_parser = commands.add_parser("summarize", help="summarise OUT/results.jsonl")
    summarize_parser.add_argument("--out", type=Path, required=True)

    for name, text in [
        ("sdk-keypair", "time GET /auth/ssh-keypair through the SDK's synchronous Session"),
        ("http-floor", "time GET /auth/ssh-keypair through http.client and the SDK's signature"),
    ]:
        sdk_parser = commands.add_parser(name, help=text)
        sdk_parser.add_argument("--requests", type=int, default=200)

    args = parser.parse_args()
    if args.command == "run":
        run(args)
        summarize(args.out)
    elif args.command == "summarize":
        summarize(args.out)
    elif args.command == "sdk-keypair":
        sdk_keypair(args.requests)
    elif args.command == "http-floor":
        http_floor(args.requests)


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# Measurements


def run(args):
    settings = QUICK if args.quick else FULL
    args.out.mkdir(parents=True, exist_ok=True)
    results_path = args.out / "results.jsonl"
    results_path.write_text("")
    app = args.bin_dir / "bai-settings"
    examples = args.bin_dir / "examples"
    for program in [app, examples / "blank", examples / "frame_bench", examples / "api_bench",
                    examples / "log_bench"]:
        if not os.access(program, os.X_OK):
            sys.exit(f"error: {program} is missing; build it with cargo build --release --examples")

    # One HOME for every window of this run: nothing of the user's (~/.backend.ai) is read, and
    # Mesa's shader cache under it is shared by the app and the blank window alike.
    home = args.out / "home"
    home.mkdir(exist_ok=True)
    window_env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("BACKEND_", "XDG_", "RUST_LOG", "WAYLAND_"))
    }
    window_env.update(
        HOME=str(home),
        DISPLAY=args.display,
        BAI_SETTINGS_UPDATE_FEED_URL=DEAD_FEED_URL,
        LANG="en_US.UTF-8",
    )

    def record(measurement):
        with results_path.open("a") as results:
            results.write(json.dumps(measurement) + "\n")

    selected = set(args.only or ["startup", "idle", "frame", "api", "log"])
    if "startup" in selected:
        bench_startup(app, examples / "blank", window_env, args.out, settings, record)
    if "idle" in selected:
        bench_idle(app, examples / "blank", window_env, args.out, settings, record)
    if "frame" in selected:
        run_json_lines(
            [examples / "frame_bench", "--runs", str(settings["frame_runs"]),
             "--frames", str(settings["frames"])],
            "frame cost", record)
    if "api" in selected:
        bench_api(examples / "api_bench", args.sdk_python, args.out, settings, record)
    if "log" in selected:
        run_json_lines(
            [examples / "log_bench", "--runs", str(settings["log_runs"]),
             "--appends", str(settings["log_appends"])],
            "request log", record)
    if args.web_console_modules and (args.only is None or "web" in selected):
        bench_web_console(app, window_env, args.web_console_modules, settings, record)


def run_json_lines(command, what, record):
    """Runs a benchmark example and records each JSON line it prints."""
    log(f"{what}: {' '.join(str(part) for part in command)}")
    completed = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"error: {command[0]} failed with status {completed.returncode}")
    count = 0
    for line in completed.stdout.splitlines():
        if line.startswith("{"):
            record(json.loads(line))
            count += 1
    log(f"{what}: {count} measurements")


def timed_process(command, env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """Runs `command` to its end; returns (status, wall seconds, peak RSS in KiB, CPU seconds).

    The peak RSS is the kernel's ru_maxrss from wait4, which /usr/bin/time reports as %M.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=stdout, stderr=stderr)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def bench_startup(app, blank, env, out, settings, record):
    """Times process start → first frame shown → exit with --screenshot, for the app and the
    blank window in turn. The first round warms the page cache and Mesa's shader cache and is not
    recorded."""
    variants = [
        ("blank", lambda png, _dir: [str(blank), "--screenshot", str(png)]),
        ("app-en", lambda png, config: [str(app), "--config-dir", str(config), "--lang", "en",
                                        "--screenshot", str(png)]),
        ("app-ko", lambda png, config: [str(app), "--config-dir", str(config), "--lang", "ko",
                                        "--screenshot", str(png)]),
    ]
    screenshots = out / "screenshots"
    screenshots.mkdir(exist_ok=True)
    runs = settings["startup_runs"]
    log(f"start-up: {runs} runs of {', '.join(name for name, _ in variants)}, interleaved")
    for run_index in range(-1, runs):
        for name, command in variants:
            png = screenshots / f"{name}.png"
            png.unlink(missing_ok=True)
            with tempfile.TemporaryDirectory(prefix="bench-config-") as config:
                status, wall, rss, cpu = timed_process(command(png, config), env)
            if status != 0 or not png.exists():
                sys.exit(f"error: {name} --screenshot failed with status {status}")
            if run_index >= 0:
                record({"bench": "startup", "variant": name, "run": run_index,
                        "wall_s": round(wall, 4), "peak_rss_kib": rss, "cpu_s": round(cpu, 4)})


def process_cpu_seconds(pid):
    """Returns the CPU time of all threads of process `pid` in seconds, twice: utime + stime from
    /proc/PID/stat, and the sum of the run times in /proc/PID/task/*/schedstat."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()
    ticks = int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat
    stat_seconds = ticks / os.sysconf("SC_CLK_TCK")
    schedstat_ns = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            schedstat_ns += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # The thread ended while the tasks were listed.
    return stat_seconds, schedstat_ns / 1e9


def count_redraws(stderr_path):
    with open(stderr_path, errors="replace") as stream:
        return sum(REDRAW_LOG_LINE in line for line in stream)


def bench_idle(app, blank, env, out, settings, record):
    """Measures the CPU time and redraw requests of an untouched window over a fixed time, after
    it settled.

    Redraws are counted from eframe's own trace log, so neither program needs a counter."""
    variants = [
        ("blank", lambda _config: [str(blank)], "warn,eframe::native::run=trace"),
        ("app", lambda config: [str(app), "--config-dir", str(config), "--lang", "en"],
         "warn,bai_settings=info,eframe::native::run=trace"),
    ]
    seconds = settings["idle_seconds"]
    settle = settings["idle_settle_seconds"]
    runs = settings["idle_runs"]
    log(f"idle: {runs} runs of {seconds:.0f} s after {settle:.0f} s to settle, interleaved")
    for run_index in range(runs):
        for name, command, rust_log in variants:
            stderr_path = out / f"idle-{name}.stderr"
            with tempfile.TemporaryDirectory(prefix="bench-config-") as config, \
                    open(stderr_path, "w") as stderr:
                process = subprocess.Popen(command(config), env={**env, "RUST_LOG": rust_log},
                                           stdout=subprocess.DEVNULL, stderr=stderr)
                try:
                    time.sleep(settle)
                    if process.poll() is not None:
                        sys.exit(f"error: {name} exited with status {process.returncode} "
                                 f"before the idle measurement; see {stderr_path}")
                    stat_before, sched_before = process_cpu_seconds(process.pid)
                    redraws_before = count_redraws(stderr_path)
                    if redraws_before == 0:
                        # Every window draws while it starts, so no line means eframe no longer
                        # logs it this way and every count below would read 0.
                        sys.exit(f"error: no {REDRAW_LOG_LINE!r} line in {stderr_path}; check "
                                 "eframe's trace log format")
                    time.sleep(seconds)
                    stat_after, sched_after = process_cpu_seconds(process.pid)
                    redraws_after = count_redraws(stderr_path)
                finally:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
            record({"bench": "idle", "variant": name, "run": run_index, "seconds": seconds,
                    "redraws": redraws_after - redraws_before,
                    "redraws_at_start": redraws_before,
                    "cpu_ms_stat": round((stat_after - stat_before) * 1e3, 1),
                    "cpu_ms": round((sched_after - sched_before) * 1e3, 2)})


def bench_api(api_bench, sdk_python, out, settings, record):
    """Times the app's ApiClient and the official SDK on the same server, in turn."""
    requests = str(settings["api_requests"])
    runs = settings["api_runs"]
    log_dir = out / "api-request-log"
    shutil.rmtree(log_dir, ignore_errors=True)
    me = str(Path(__file__).resolve())
    variants = [
        ("app-client", [str(api_bench), "--requests", requests]),
        ("sdk-session", [sdk_python, me, "sdk-keypair", "--requests", requests]),
        ("app-client-with-log", [str(api_bench), "--requests", requests,
                                 "--request-log", str(log_dir)]),
        ("http-floor", [sdk_python, me, "http-floor", "--requests", requests]),
    ]
    log(f"API: {runs} runs of {requests} calls each by {', '.join(n for n, _ in variants)}")
    for run_index in range(runs):
        for name, command in variants:
            completed = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
            lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
            if completed.returncode != 0 or not lines:
                sys.exit(f"error: {name} failed with status {completed.returncode}")
            measurement = json.loads(lines[-1])
            measurement.update(run=run_index, client=name)
            record(measurement)


# The web console in headless Chromium, driven by playwright-core. Each run waits for a line on
# standard input, then launches Chromium, signs in through the web server's /server/login, opens
# the User Settings page and waits until its first preference is visible. It prints the time and
# waits for a second line, so that bench.py can measure the browser's processes, before it closes
# the browser.
WEB_CONSOLE_SCRIPT = r"""
const { chromium } = require('playwright-core');
const readline = require('readline');

const url = process.env.WEB_URL;
const runs = Number(process.env.WEB_RUNS);
const input = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

async function main() {
  for (let run = 0; run < runs; run++) {
    await input.next();
    const started = performance.now();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 960, height: 680 } });
    const login = await context.request.post(`${url}/server/login`, {
      data: { username: process.env.WEB_EMAIL, password: process.env.WEB_PASSWORD },
    });
    const body = await login.json();
    if (!body.authenticated) {
      throw new Error(`sign-in to ${url} failed: ${JSON.stringify(body)}`);
    }
    const page = await context.newPage();
    await page.goto(`${url}/usersettings`);
    await page.getByText('Desktop Notification', { exact: true }).first()
      .waitFor({ state: 'visible', timeout: 60000 });
    const shownMs = performance.now() - started;
    console.log(JSON.stringify({ event: 'shown', run, ms: shownMs }));
    await input.next();
    await browser.close();
    console.log(JSON.stringify({ event: 'closed', run }));
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`error: ${error.stack || error}`);
  process.exit(1);
});
"""


def descendants(root_pid):
    """Returns the ids of all processes below `root_pid`, from the parent ids in /proc."""
    children = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        parent = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [root_pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def memory_kib(pid):
    """Returns (RSS, PSS) of process `pid` in KiB, or (0, 0) once it has ended."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0, 0
    fields = dict(line.split(":", 1) for line in rollup.splitlines()[1:] if ":" in line)

    def kib(name):
        return int(fields.get(name, "0 kB").split()[0])

    return kib("Rss"), kib("Pss")


def tree_cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            total += process_cpu_seconds(pid)[1]
        except (FileNotFoundError, ProcessLookupError):
            pass  # The process ended while it was being read.
    return total


def bench_web_console(app, env, node_modules, settings, record):
    """Opens bai-settings' General page and the web console's User Settings page in headless
    Chromium in turn. Measures the time until the page is shown, the memory of every Chromium
    process summed, and the browser's CPU time while the page is left untouched after it
    settled."""
    runs = settings["startup_runs"]
    seconds = settings["idle_seconds"]
    settle = settings["idle_settle_seconds"]
    log(f"web console: {runs} runs after bai-settings --screenshot each; "
        f"{seconds:.0f} s idle after {settle:.0f} s to settle")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as scratch:
        script = Path(scratch) / "web-console.js"
        script.write_text(WEB_CONSOLE_SCRIPT)
        node_env = {
            **os.environ,
            "NODE_PATH": str(node_modules),
            "WEB_URL": os.environ.get("BAI_WEBSERVER", "http://127.0.0.1:18090"),
            "WEB_EMAIL": os.environ["BAI_USER_EMAIL"],
            "WEB_PASSWORD": os.environ["BAI_USER_PASSWORD"],
            "WEB_RUNS": str(runs + 1),
        }
        driver = subprocess.Popen(["node", str(script)], env=node_env, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            for run_index in range(-1, runs):
                png = Path(scratch) / "app.png"
                with tempfile.TemporaryDirectory(prefix="bench-config-") as config:
                    status, wall, rss, _ = timed_process(
                        [str(app), "--config-dir", config, "--lang", "en", "--screenshot",
                         str(png)], env)
                if status != 0:
                    sys.exit(f"error: bai-settings --screenshot failed with status {status}")

                driver.stdin.write("start\n")
                driver.stdin.flush()
                line = driver.stdout.readline()
                if not line:
                    sys.exit(f"error: the web console driver exited with status {driver.wait()}")
                shown = json.loads(line)
                memory_at_shown = [memory_kib(pid) for pid in descendants(driver.pid)]
                time.sleep(settle)
                browser = descendants(driver.pid)
                memory_settled = [memory_kib(pid) for pid in browser]
                cpu_before = tree_cpu_seconds(browser)
                time.sleep(seconds)
                cpu_after = tree_cpu_seconds(browser)
                driver.stdin.write("close\n")
                driver.stdin.flush()
                if not driver.stdout.readline():
                    sys.exit(f"error: the web console driver exited with status {driver.wait()}")
                if run_index >= 0:
                    record({"bench": "web", "run": run_index, "web_shown_s": shown["ms"] / 1e3,
                            "app_wall_s": round(wall, 4), "app_peak_rss_kib": rss,
                            "web_processes": len(browser),
                            "web_rss_sum_kib": max(sum(rss for rss, _ in memory_at_shown),
                                                   sum(rss for rss, _ in memory_settled)),
                            "web_pss_sum_kib": max(sum(pss for _, pss in memory_at_shown),
                                                   sum(pss for _, pss in memory_settled)),
                            "web_idle_cpu_ms": round((cpu_after - cpu_before) * 1e3, 1),
                            "idle_seconds": seconds})
            if driver.wait(timeout=60) != 0:
                sys.exit(f"error: the web console driver failed with status {driver.returncode}")
        finally:
            if driver.poll() is None:
                driver.kill()
                driver.wait()


# The SDK side: runs under the Backend.AI venv's Python.


def own_cpu_seconds():
    """Returns the CPU time of all threads of this process in seconds, from
    /proc/self/task/*/schedstat, as examples/api_bench.rs reads it."""
    total = 0
    for task in Path("/proc/self/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except FileNotFoundError:
            pass
    return total / 1e9


def sdk_keypair(requests):
    """Times GET /auth/ssh-keypair through the SDK's synchronous Session, the way the SDK's own
    API functions run: a coroutine that builds a Request and reads its JSON, executed on the
    Session's worker thread (ai.backend.client.func.base)."""
    from ai.backend.client.request import Request
    from ai.backend.client.session import Session

    async def get_keypair():
        request = Request("GET", "/auth/ssh-keypair")
        async with request.fetch() as response:
            return await response.json()

    # Session() reads BACKEND_ENDPOINT, BACKEND_ACCESS_KEY and BACKEND_SECRET_KEY and negotiates
    # the API version on entry.
    with Session() as session:
        session.worker_thread.execute(get_keypair())
        cpu_before = own_cpu_seconds()
        started = time.perf_counter()
        for _ in range(requests):
            session.worker_thread.execute(get_keypair())
        wall = time.perf_counter() - started
        cpu = own_cpu_seconds() - cpu_before
    print(json.dumps({"bench": "api", "client": "sdk-session", "requests": requests,
                      "wall_s": round(wall, 4), "cpu_s": round(cpu, 4)}))


def http_floor(requests):
    """Times the same call with the least client work: the SDK's generate_signature and one
    kept-alive http.client connection, so the figure is mostly the server's time."""
    import http.client
    from datetime import datetime

    from ai.backend.client.auth import generate_signature
    from dateutil.tz import tzutc
    from yarl import URL

    endpoint = URL(os.environ["BACKEND_ENDPOINT"])
    access_key = os.environ["BACKEND_ACCESS_KEY"]
    secret_key = os.environ["BACKEND_SECRET_KEY"]
    connection = http.client.HTTPConnection(endpoint.host, endpoint.port)
    connection.request("GET", "/")
    version = json.loads(connection.getresponse().read())["version"]

    def get_keypair():
        date = datetime.now(tzutc())
        headers, _ = generate_signature(
            method="GET", version=version, endpoint=endpoint, date=date,
            rel_url="/auth/ssh-keypair", content_type="application/json",
            access_key=access_key, secret_key=secret_key, hash_type="sha256")
        headers.update({"Date": date.isoformat(), "Content-Type": "application/json",
                        "X-BackendAI-Version": version})
        connection.request("GET", "/auth/ssh-keypair", headers=headers)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"error: GET /auth/ssh-keypair returned {response.status}: {body[:200]!r}")
        return json.loads(body)

    get_keypair()
    cpu_before = own_cpu_seconds()
    started = time.perf_counter()
    for _ in range(requests):
        get_keypair()
    wall = time.perf_counter() - started
    cpu = own_cpu_seconds() - cpu_before
    print(json.dumps({"bench": "api", "client": "http-floor", "requests": requests,
                      "wall_s": round(wall, 4), "cpu_s": round(cpu, 4)}))


# Summary


def median_of(measurements, key, **match):
    values = [m[key] for m in measurements if all(m.get(k) == v for k, v in match.items())]
    return statistics.median(values) if values else None


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def text(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


def summarize(out):
    measurements = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()
                    if line.strip()]
    report = []
    summary = {}

    startup = [m for m in measurements if m["bench"] == "startup"]
    if startup:
        runs = len({m["run"] for m in startup})
        blank_wall = median_of(startup, "wall_s", variant="blank")
        blank_rss = median_of(startup, "peak_rss_kib", variant="blank")
        report += ["## Start-up (process start → first frame → screenshot → exit)", "",
                   f"Median of {runs} interleaved runs.", "",
                   "| Program | Wall time (ms) | × blank | Peak RSS (MiB) | × blank | CPU (ms) |",
                   "|---|---|---|---|---|---|"]
        worst_wall = worst_rss = None
        for variant in ["blank", "app-en", "app-ko"]:
            wall = median_of(startup, "wall_s", variant=variant)
            rss = median_of(startup, "peak_rss_kib", variant=variant)
            cpu = median_of(startup, "cpu_s", variant=variant)
            wall_ratio, rss_ratio = ratio(wall, blank_wall), ratio(rss, blank_rss)
            if variant != "blank":
                worst_wall = max(filter(None, [worst_wall, wall_ratio]), default=None)
                worst_rss = max(filter(None, [worst_rss, rss_ratio]), default=None)
            report.append(f"| {variant} | {text(wall and wall * 1e3, 0)} | {text(wall_ratio)} | "
                          f"{text(rss and rss / 1024, 1)} | {text(rss_ratio)} | "
                          f"{text(cpu and cpu * 1e3, 0)} |")
        report.append("")
        summary["startup_ratio"] = text(worst_wall)
        summary["rss_ratio"] = text(worst_rss)

    idle = [m for m in measurements if m["bench"] == "idle"]
    if idle:
        runs = len({m["run"] for m in idle})
        seconds = idle[0]["seconds"]
        report += [f"## Idle ({seconds:.0f} s untouched, after start-up settled)", "",
                   f"Median of {runs} interleaved runs.", "",
                   "| Program | Redraws | Redraws while settling | CPU (ms, schedstat) | "
                   "CPU (ms, /proc/PID/stat) |",
                   "|---|---|---|---|---|"]
        for variant in ["blank", "app"]:
            report.append(
                f"| {variant} | {text(median_of(idle, 'redraws', variant=variant), 0)} | "
                f"{text(median_of(idle, 'redraws_at_start', variant=variant), 0)} | "
                f"{text(median_of(idle, 'cpu_ms', variant=variant), 1)} | "
                f"{text(median_of(idle, 'cpu_ms_stat', variant=variant), 0)} |")
        report.append("")
        summary["idle_repaints"] = text(median_of(idle, "redraws", variant="app"), 0)

    frames = [m for m in measurements if m["bench"] == "frame"]
    if frames:
        runs = len({m["run"] for m in frames})
        blank = median_of(frames, "us_per_frame", scenario="blank")
        report += ["## Frame cost (CPU: run_ui + tessellate, no window)", "",
                   f"Median of {runs} interleaved runs of {frames[0]['frames']} frames.", "",
                   "| Scenario | µs per frame | × blank | of which run_ui (µs) | "
                   "tessellate (µs) |",
                   "|---|---|---|---|---|"]
        for scenario in ["blank", "general", "logs-2k", "logs-100k", "editor-1k", "editor-64k"]:
            total = median_of(frames, "us_per_frame", scenario=scenario)
            report.append(
                f"| {scenario} | {text(total, 1)} | {text(ratio(total, blank))} | "
                f"{text(median_of(frames, 'ui_us', scenario=scenario), 1)} | "
                f"{text(median_of(frames, 'tessellate_us', scenario=scenario), 1)} |")
        logs_ratio = ratio(median_of(frames, "us_per_frame", scenario="logs-100k"),
                           median_of(frames, "us_per_frame", scenario="logs-2k"))
        editor_ratio = ratio(median_of(frames, "us_per_frame", scenario="editor-64k"),
                             median_of(frames, "us_per_frame", scenario="editor-1k"))
        report += ["", f"Logs 100k ÷ Logs 2k: {text(logs_ratio)}; "
                       f"editor 64 KiB ÷ editor 1 KiB: {text(editor_ratio)}", ""]
        summary["logs_100k_vs_2k"] = text(logs_ratio)
        summary["editor_64k_vs_1k"] = text(editor_ratio)

    api = [m for m in measurements if m["bench"] == "api"]
    if api:
        runs = len({m["run"] for m in api})
        sdk_wall = median_of(api, "wall_s", client="sdk-session")
        report += [f"## API ({api[0]['requests']} sequential GET /auth/ssh-keypair)", "",
                   f"Median of {runs} interleaved runs.", "",
                   "| Client | Wall (ms) | ms per call | × SDK wall | Client CPU (ms) |",
                   "|---|---|---|---|---|"]
        for client in ["app-client", "app-client-with-log", "sdk-session", "http-floor"]:
            wall = median_of(api, "wall_s", client=client)
            cpu = median_of(api, "cpu_s", client=client)
            per_call = wall and wall * 1e3 / api[0]["requests"]
            report.append(f"| {client} | {text(wall and wall * 1e3, 0)} | {text(per_call)} | "
                          f"{text(ratio(wall, sdk_wall))} | {text(cpu and cpu * 1e3, 0)} |")
        report.append("")
        summary["api_vs_sdk"] = text(ratio(median_of(api, "wall_s", client="app-client"),
                                           sdk_wall))

    logs = [m for m in measurements if m["bench"] == "log"]
    if logs:
        runs = len({m["run"] for m in logs})
        report += ["## Request log", "", f"Median of {runs} interleaved runs.", "",
                   "| Case | ms |", "|---|---|"]
        for case in ["load-2k", "load-100k", "prepare-2k", "prepare-100k", "view-2k",
                     "view-100k"]:
            report.append(f"| {case} | {text(median_of(logs, 'ms', case=case), 1)} |")
        report += ["", "| Append case | Writers | µs per append (wall ÷ appends) | "
                       "Median call (µs) | Slowest call (µs) |",
                   "|---|---|---|---|---|"]
        for case in ["append-1w-2k-full", "append-4w-2k-full", "append-1w-2k-below-limit",
                     "append-1w-100k-full"]:
            writers = next((m["writers"] for m in logs if m["case"] == case), None)
            report.append(
                f"| {case} | {writers} | "
                f"{text(median_of(logs, 'us_per_append_wall', case=case), 0)} | "
                f"{text(median_of(logs, 'us_median_call', case=case), 0)} | "
                f"{text(median_of(logs, 'us_max_call', case=case), 0)} |")
        report.append("")

    web = [m for m in measurements if m["bench"] == "web"]
    if web:
        runs = len({m["run"] for m in web})
        seconds = web[0]["idle_seconds"]
        web_shown = median_of(web, "web_shown_s")
        app_wall = median_of(web, "app_wall_s")
        app_rss = median_of(web, "app_peak_rss_kib")
        web_pss = median_of(web, "web_pss_sum_kib")
        web_rss = median_of(web, "web_rss_sum_kib")
        app_idle_cpu = median_of(idle, "cpu_ms", variant="app")
        report += ["## Web console in headless Chromium against bai-settings", "",
                   f"Median of {runs} interleaved runs.", "",
                   "| Figure | Web console | bai-settings | Web console ÷ bai-settings |",
                   "|---|---|---|---|",
                   f"| Start to settings shown (ms) | {text(web_shown * 1e3, 0)} | "
                   f"{text(app_wall * 1e3, 0)} (to exit) | {text(ratio(web_shown, app_wall))} |",
                   f"| Memory (MiB): PSS summed over {median_of(web, 'web_processes'):.0f} "
                   f"browser processes (the larger of two samples), peak RSS of the app | "
                   f"{text(web_pss / 1024, 1)} | "
                   f"{text(app_rss / 1024, 1)} | {text(ratio(web_pss, app_rss))} |",
                   f"| Memory (MiB): RSS summed over the browser processes | "
                   f"{text(web_rss / 1024, 1)} | | {text(ratio(web_rss, app_rss))} |",
                   f"| CPU while untouched for {seconds:.0f} s (ms) | "
                   f"{text(median_of(web, 'web_idle_cpu_ms'), 1)} | "
                   f"{text(app_idle_cpu, 1)} (Idle above) | "
                   f"{text(ratio(median_of(web, 'web_idle_cpu_ms'), app_idle_cpu), 0)} |",
                   ""]

    (out / "report.md").write_text("\n".join(report) + "\n")
    keys = ["startup_ratio", "rss_ratio", "idle_repaints", "logs_100k_vs_2k", "editor_64k_vs_1k",
            "api_vs_sdk"]
    line = " ".join(f"{key}={summary.get(key, 'n/a')}" for key in keys)
    (out / "summary.txt").write_text(line + "\n")
    print("\n".join(report))
    print(line)


if __name__ == "__main__":
    main()
