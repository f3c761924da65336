"""The README runner: every journey the documentation marks runs as written, from a fresh clone.

A *journey* is what a newcomer does from a fresh clone: the quick start, JupyterLab, new
year-to-date data and a revision, the progress workbook, the briefing, next year's report, the
pip route. Its command blocks are marked in the Markdown (below; the README and the docs/ pages
of FILES) and run here, in order, as one shell session per journey, in a ``git clone`` of the
working tree in a temporary folder whose path holds Chinese characters (as a user's 桌面 does).
A step that fails names its file and line.
``tests/test_readme_journeys.py`` runs them in ``make test``; by hand::

    python tests/readme_runner.py                  # every journey; prints a transcript and times
    python tests/readme_runner.py ytd-revision     # the journeys up to and including this one
    python tests/readme_runner.py --keep DIR       # clone into DIR and leave it there to look at

Why a runner of our own rather than a documentation-testing tool: the maintained ones
(pytest-codeblocks, mktestdocs, pytest-examples, phmdoctest, pytest-markdown-docs, Sybil) run
every block of a file unless told to skip it, each shell block in its own process, in the folder
pytest runs in, and (most of them) Python blocks only. The journeys need the opposite on each
point: opt-in regions (reference blocks stay unrun), state across blocks (one shell:
``source .venv/bin/activate`` holds for the next block, files written by a step are there for the
next), a fresh clone, a server started in the background and stopped by the README's own
command, and stand-ins for what a person does by hand (reviewing a draft). Those are a few
hundred lines over markdown-it-py (already installed with jupytext), which reads the Markdown as
CommonMark does, so fences inside lists, ``~~~`` fences and HTML comments are found as GitHub
shows them.

Markers, HTML comments on lines of their own (GitHub does not show them), in any file of FILES:

``<!-- journey: NAME -->`` … ``<!-- /journey -->``
    A region of journey NAME: every ``bash``/``sh`` block in it runs, one command line at a time
    (a line ending in ``\\`` continues). A journey may have several regions, in one file or
    several (so a section can move to docs/ with its marker); they run in the order FILES lists
    the files and the regions appear. Options after the name:
    ``free-port=8899``: the number is replaced by a free port when run (a server's port);
    ``skip="why"``: not run here (conda is not installed), the reason is printed;
    ``same-as=OTHER``: not run, but its commands must equal OTHER's (a translation).
``<!-- journey-run: COMMAND -->``
    A step the reader does by hand that the prose describes (review a draft, open an address):
    COMMAND does it here.
``<!-- journey-background: wait-for=TEXT -->``
    The next block starts a server: its one command runs in the background until its output
    shows TEXT (``$JOURNEY_BACKGROUND_LOG`` holds the output); it must have stopped when the
    journey ends (by the README's own stop command).
``<!-- journey-skip: why -->``
    The next block is not run (it needs a second machine, …).

The journeys run in ORDER, in one clone, each in the state the previous ones left (the README
read top to bottom; pip first, so that its ``python3 -m venv`` makes the environment that the
later ``make`` targets reuse: one install for all). Inside them ``pytest`` and ``make test``
only collect the tests (``PYTEST_ADDOPTS=--collect-only``): the run proves they install and
start; the suite itself is what CI runs, and a full run here would run this runner again.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The Markdown files whose journey markers are run, in reading order: the README (its quick
# start) and the docs/ pages that hold a journey (tests/test_docs.py checks that no other page
# has a marker, so a journey moved into a new page is not silently left out).
FILES = (
    "README.md",
    "docs/install.md",  # pip, conda
    "docs/notebooks.md",  # lab
    "docs/ytd.md",  # ytd-revision
    "docs/progress.md",  # progress
    "docs/briefing.md",  # brief
    "docs/next-report.md",  # next-report
)

# The journeys, in the order they run (each continues the clone's state). A journey marked in
# FILES but missing here, or listed here but marked nowhere, fails tests/test_readme_journeys.py.
ORDER = (
    "pip",
    "quick-start",
    "quick-start-zh",
    "conda",
    "lab",
    "ytd-revision",
    "progress",
    "brief",
    "next-report",
)

# The README and docs/install.md: "The commands in the documentation assume that shell" (activated
# by the quick start): the journeys after this one start with `source .venv/bin/activate`.
ACTIVATED_AFTER = "quick-start"

RUN_LANGUAGES = {"bash", "sh", "shell"}
TEXT_LANGUAGES = {"", "text", "console", "output"}  # shown, never run
JOURNEY_TIMEOUT_S = 20 * 60  # one journey; far above the slowest (about a minute)
BACKGROUND_WAIT_S = 300  # make lab installs JupyterLab before it starts the server
BACKGROUND_STOP_S = 30  # after the journey's last step, for the server to have stopped

_MARKER = re.compile(r"^\s*<!--\s*(/?journey(?:-[a-z]+)?)\s*:?\s*(.*?)\s*-->\s*$", re.DOTALL)
_OPTION = re.compile(r'([a-z-]+)=(?:"([^"]*)"|(\S+))')
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


class JourneyMarkupError(ValueError):
    """A journey marker that cannot be read; the message names the file and line."""


@dataclass
class Step:
    """One command of a journey: a README line (or a stand-in for a step done by hand)."""

    where: str  # README.md:57
    command: str
    stand_in: bool = False  # a journey-run marker: what the reader does by hand
    wait_for: str | None = None  # run in the background until the output shows this


@dataclass
class Journey:
    name: str
    steps: list[Step] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # where its regions start
    free_port: str | None = None
    skip: str | None = None
    same_as: str | None = None

    @property
    def commands(self) -> list[str]:
        """The README's own command lines, without comments (stand-ins left out)."""
        return [_strip_comment(s.command) for s in self.steps if not s.stand_in]


def _strip_comment(command: str) -> str:
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return " ".join(lexer)


def _commands(block: str) -> list[tuple[int, str]]:
    """(line offset, command) for each command line of a block; comments and blanks skipped."""
    out: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for i, line in enumerate(block.splitlines()):
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if not pending:
            start = i
        if line.rstrip().endswith("\\"):
            pending.append(line.rstrip()[:-1])
            continue
        out.append((start, " ".join([*pending, line]).strip()))
        pending = []
    if pending:
        out.append((start, " ".join(pending).strip()))
    return out


def parse(files: tuple[str, ...] = FILES, root: Path = ROOT) -> dict[str, Journey]:
    """Every journey marked in ``files`` (paths relative to ``root``), by name."""
    from markdown_it import MarkdownIt

    journeys: dict[str, Journey] = {}
    md = MarkdownIt("commonmark")
    for name in files:
        text = (root / name).read_text(encoding="utf-8")
        current: Journey | None = None
        skip_next: str | None = None
        background: str | None = None
        for token in md.parse(text):
            line = token.map[0] + 1 if token.map else 0
            where = f"{name}:{line}"
            if token.type == "html_block":
                found = _MARKER.match(token.content)
                if not found:
                    if "journey" in token.content:
                        raise JourneyMarkupError(f"{where}: a journey marker I cannot read")
                    continue
                kind, rest = found.groups()
                if kind == "journey":
                    if current is not None:
                        raise JourneyMarkupError(f"{where}: journey inside journey {current.name}")
                    current = _open(journeys, rest, where)
                elif kind == "/journey":
                    if current is None:
                        raise JourneyMarkupError(f"{where}: /journey without a journey")
                    if skip_next or background:
                        raise JourneyMarkupError(f"{where}: a marker with no block after it")
                    current = None
                elif current is None:
                    raise JourneyMarkupError(f"{where}: {kind} outside a journey")
                elif kind == "journey-run":
                    current.steps.append(Step(where, rest, stand_in=True))
                elif kind == "journey-skip":
                    skip_next = rest or "no reason given"
                elif kind == "journey-background":
                    option = {k: a or b for k, a, b in _OPTION.findall(rest)}
                    if "wait-for" not in option:
                        raise JourneyMarkupError(f"{where}: journey-background needs wait-for=")
                    background = option["wait-for"]
                else:
                    raise JourneyMarkupError(f"{where}: unknown marker {kind}")
            elif token.type == "fence" and current is not None:
                language = (token.info.split() or [""])[0].lower()
                if skip_next:
                    skip_next = None
                    continue
                if language in TEXT_LANGUAGES:
                    continue
                if language not in RUN_LANGUAGES:
                    raise JourneyMarkupError(
                        f"{where}: a {language} block in journey {current.name}: the runner "
                        "runs shell blocks only (mark it <!-- journey-skip: why --> or move it "
                        "out of the journey)"
                    )
                commands = _commands(token.content)
                if background is not None and len(commands) != 1:
                    raise JourneyMarkupError(f"{where}: a background block has one command")
                for offset, command in commands:
                    at = f"{name}:{line + 1 + offset}"  # the fence line, then the block's lines
                    current.steps.append(Step(at, command, wait_for=background))
                background = None
        if current is not None:
            raise JourneyMarkupError(f"{name}: journey {current.name} has no <!-- /journey -->")
    return journeys


def _open(journeys: dict[str, Journey], rest: str, where: str) -> Journey:
    name, _, options = rest.partition(" ")
    if not _NAME.fullmatch(name):
        raise JourneyMarkupError(f"{where}: a journey needs a name (lower case, digits, -)")
    journey = journeys.setdefault(name, Journey(name))
    journey.places.append(where)
    for key, quoted, bare in _OPTION.findall(options):
        value = quoted or bare
        if key == "free-port":
            journey.free_port = value
        elif key == "skip":
            journey.skip = value
        elif key == "same-as":
            journey.same_as = value
        else:
            raise JourneyMarkupError(f"{where}: unknown journey option {key}")
    return journey


# -- running -------------------------------------------------------------------------------------

_PRELUDE = r"""
set -o pipefail
__journey_t0=0
__journey_bg_pid=""
__journey_bg_where=""
__step() {
    __journey_t0=$EPOCHREALTIME
    printf '\n[journey] $ %s    (%s)\n' "$2" "$1"
}
__done() {
    local rc=$1 took
    took=$(awk -v a="$__journey_t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    if [ "$rc" -ne 0 ]; then
        printf '[journey] FAILED: exit %s at %s after %s s\n' "$rc" "$2" "$took"
        exit "$rc"
    fi
    printf '[journey] ok %s s (%s)\n' "$took" "$2"
}
__now_us() { echo "${EPOCHREALTIME/./}"; }
__background() {  # where, text to wait for, command
    __journey_bg_where=$1
    : > "$JOURNEY_BACKGROUND_LOG"
    setsid bash -c "$3" > "$JOURNEY_BACKGROUND_LOG" 2>&1 < /dev/null &
    __journey_bg_pid=$!
    echo "$__journey_bg_pid" > "$JOURNEY_DIR/background.pid"
    local start deadline
    start=$(__now_us)
    deadline=$((start + JOURNEY_BACKGROUND_WAIT * 1000000))
    until grep -qF -- "$2" "$JOURNEY_BACKGROUND_LOG"; do
        if ! kill -0 "$__journey_bg_pid" 2> /dev/null; then
            printf '[journey] the background command stopped before showing %s:\n' "$2"
            cat "$JOURNEY_BACKGROUND_LOG"
            return 1
        fi
        if [ "$(__now_us)" -ge "$deadline" ]; then
            printf '[journey] %s s and no %s in its output\n' "$JOURNEY_BACKGROUND_WAIT" "$2"
            return 1
        fi
        sleep 0.2
    done
    printf '[journey] running in the background (pid %s) after %s s\n' "$__journey_bg_pid" \
        "$(( ($(__now_us) - start) / 1000000 ))"
}
__finish() {
    local rc=$? deadline
    if [ -n "$__journey_bg_pid" ]; then
        deadline=$(( $(__now_us) + JOURNEY_BACKGROUND_STOP * 1000000 ))
        while kill -0 "$__journey_bg_pid" 2> /dev/null && [ "$(__now_us)" -lt "$deadline" ]; do
            sleep 0.2
        done
        if kill -0 "$__journey_bg_pid" 2> /dev/null; then
            kill -TERM -- "-$__journey_bg_pid" 2> /dev/null
            printf '[journey] FAILED: the background command of %s still ran at the end\n' \
                "$__journey_bg_where"
            [ "$rc" -eq 0 ] && rc=1
        fi
        printf '\n[journey] its output:\n'
        cat "$JOURNEY_BACKGROUND_LOG"
    fi
    exit "$rc"
}
trap __finish EXIT
journey_open_url() {  # log, path, text the page must hold: what a reader does in a browser
    "$JOURNEY_PYTHON" "$JOURNEY_TOOLS" open-url "$@"
}
"""


def script(journey: Journey, port: int | None = None, *, activated: bool = False) -> str:
    """The bash script that runs ``journey``'s steps, each checked and timed; ``activated``:
    in the shell the quick start leaves (.venv activated)."""
    lines = [_PRELUDE]
    if activated:
        lines.append('echo "[journey] in the README\'s shell: source .venv/bin/activate"')
        lines.append("source .venv/bin/activate || exit 1")
    for step in journey.steps:
        command = step.command
        if journey.free_port and port is not None:
            command = command.replace(journey.free_port, str(port))
        where = shlex.quote(step.where)
        lines.append(f"__step {where} {shlex.quote(command)}")
        if step.wait_for is not None:
            lines.append(
                f"__background {where} {shlex.quote(step.wait_for)} {shlex.quote(command)}"
            )
        else:
            lines += ["{", command, "}"]
        lines.append(f"__done $? {where}")
    return "\n".join(lines) + "\n"


def fresh_clone(dest: Path, source: Path = ROOT) -> Path:
    """``git clone`` of ``source`` at ``dest``, with the working tree's uncommitted changes and
    untracked (not ignored) files laid over it: what a newcomer would get once it is committed.
    In CI, a clean clone, there is nothing to lay over."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "clone", "--quiet", str(source), str(dest)], check=True)
    diff = subprocess.run(
        ["git", "diff", "HEAD", "--binary"], cwd=source, capture_output=True, check=True
    ).stdout
    if diff:
        subprocess.run(["git", "apply", "--binary"], cwd=dest, input=diff, check=True)
    untracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "-z"],
        cwd=source, capture_output=True, check=True,
    ).stdout.decode("utf-8").split("\0")  # fmt: skip
    for name in filter(None, untracked):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, dest / name)
    return dest


def journey_env(clone: Path, work: Path) -> dict[str, str]:
    """A newcomer's shell: nothing of the developer's environment (venv, MUYE_* settings, test
    settings), Jupyter's files in ``work`` (a server here never meets a developer's), pip's own
    settings and cache kept (warm wheels)."""
    drop = ("MUYE_", "PYTEST_", "JUPYTER", "VIRTUAL_ENV", "CONDA_", "PYTHONPATH", "PYTHONHOME",
            "MPLBACKEND")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    skip = {str(Path(sys.prefix) / "bin"), str(ROOT / ".venv" / "bin"), str(clone / ".venv/bin")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p not in skip)
    env |= {
        "PYTEST_ADDOPTS": "--collect-only -qq",  # one line per test file
        "JUPYTER_RUNTIME_DIR": str(work / "jupyter" / "runtime"),
        "JUPYTER_CONFIG_DIR": str(work / "jupyter" / "config"),
        "JOURNEY_PYTHON": sys.executable,
        "JOURNEY_TOOLS": str(Path(__file__).resolve()),
        "JOURNEY_BACKGROUND_WAIT": str(BACKGROUND_WAIT_S),
        "JOURNEY_BACKGROUND_STOP": str(BACKGROUND_STOP_S),
    }
    return env


@dataclass
class Outcome:
    name: str
    returncode: int
    seconds: float
    transcript: str
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.transcript.splitlines()[-lines:])

    def step_times(self) -> list[tuple[str, float]]:
        return [(m[1], float(m[0])) for m in re.findall(r"^\[journey\] ok ([\d.]+) s \((.+)\)$",
                                                        self.transcript, re.MULTILINE)]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_journey(journey: Journey, clone: Path, work: Path, journeys: dict[str, Journey]) -> Outcome:
    """Run ``journey`` in ``clone`` (its transcript and Jupyter's files under ``work``)."""
    if journey.skip:
        return Outcome(journey.name, 0, 0.0, "", skipped=journey.skip)
    if journey.same_as:
        other = journeys[journey.same_as]
        same = journey.commands == other.commands
        text = "" if same else f"{journey.commands}\n!=\n{other.commands}"
        return Outcome(journey.name, 0 if same else 1, 0.0, text, skipped=f"same as {other.name}")
    here = work / journey.name
    here.mkdir(parents=True, exist_ok=True)
    env = journey_env(clone, work) | {
        "JOURNEY_DIR": str(here),
        "JOURNEY_BACKGROUND_LOG": str(here / "background.log"),
    }
    path = here / "journey.sh"
    order = list(ORDER)
    activated = journey.name in order and order.index(journey.name) > order.index(ACTIVATED_AFTER)
    port = _free_port() if journey.free_port else None
    path.write_text(script(journey, port, activated=activated), "utf-8")
    log = here / "transcript.log"
    start = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            ["bash", str(path)], cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            returncode = proc.wait(timeout=JOURNEY_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            returncode = -1
            _kill_group(proc.pid)
            proc.wait()
    _kill_background(here)
    transcript = log.read_text(encoding="utf-8", errors="replace")
    if returncode == -1:
        transcript += f"\n[journey] FAILED: timed out after {JOURNEY_TIMEOUT_S} s\n"
    return Outcome(journey.name, returncode, time.monotonic() - start, transcript)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)


def _kill_background(here: Path) -> None:
    pid_file = here / "background.pid"
    if pid_file.exists():
        _kill_group(int(pid_file.read_text().strip()))


def changed_paths(clone: Path) -> set[str]:
    """Paths ``git status`` shows as changed or untracked (not ignored) in ``clone``."""
    out = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "-z"],
        cwd=clone, capture_output=True, check=True,
    ).stdout.decode("utf-8")  # fmt: skip
    return {entry[3:] for entry in out.split("\0") if len(entry) > 3}


# -- the browser stand-in ------------------------------------------------------------------------

_URL = re.compile(r"(http://(?:127\.0\.0\.1|localhost):\d+)/\S*?[?&]token=([0-9a-f]+)")


def open_url(log: str, path: str, expect: str) -> int:
    """Open ``path`` on the server whose address (with its token) ``log`` shows, as a reader
    opening the printed address would; 0 if the page answers 200 and holds ``expect``."""
    import urllib.request

    found = _URL.search(Path(log).read_text(encoding="utf-8", errors="replace"))
    if not found:
        print(f"no address with a token in {log}")
        return 1
    base, token = found.groups()
    url = f"{base}{path}{'&' if '?' in path else '?'}token={token}"
    with urllib.request.urlopen(url, timeout=60) as page:  # our own server, on this machine
        body = page.read().decode("utf-8", errors="replace")
        status = page.status
    shown = url.replace(token, "…")
    if status != 200 or expect not in body:
        print(f"{shown}: HTTP {status}; {expect!r} not in the page")
        return 1
    print(f"{shown}: HTTP {status}, shows {expect!r}")
    return 0


# -- by hand -------------------------------------------------------------------------------------


def run_all(names: list[str] | None = None, keep: Path | None = None) -> list[Outcome]:
    """Every journey (or those up to the last named), printing transcripts and times."""
    journeys = parse()
    wanted = list(ORDER)
    if names:
        wanted = wanted[: max(wanted.index(n) for n in names) + 1]
    work = keep or Path(tempfile.mkdtemp(prefix="muye-readme-"))
    started = time.monotonic()
    clone = fresh_clone(work / "桌面" / "muye-analysis")
    print(f"clone: {clone} ({time.monotonic() - started:.1f} s)")
    outcomes = []
    try:
        for name in wanted:
            outcome = run_journey(journeys[name], clone, work / "journeys", journeys)
            outcomes.append(outcome)
            print(outcome.transcript)
            state = "ok" if outcome.ok else f"FAILED (exit {outcome.returncode})"
            if outcome.skipped:
                state += f", not run: {outcome.skipped}"
            print(f"== {name}: {state}, {outcome.seconds:.1f} s")
            if not outcome.ok:
                break
    finally:
        if keep is None:  # the clone holds a whole environment (about 800 MB)
            shutil.rmtree(work, ignore_errors=True)
    print("\njourney          seconds")
    for o in outcomes:
        print(f"{o.name:16} {o.seconds:7.1f}" + (f"  ({o.skipped})" if o.skipped else ""))
    print(f"{'all':16} {time.monotonic() - started:7.1f}  (clone included)")
    return outcomes


def main(argv: list[str]) -> int:
    if argv[:1] == ["open-url"]:
        return open_url(*argv[1:4])
    keep = None
    if argv[:1] == ["--keep"]:
        keep, argv = Path(argv[1]), argv[2:]
    outcomes = run_all(argv or None, keep)
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
