"""Runnable lesson examples: find them, run each in a throwaway virtualenv, report what passes.

A lesson marks its examples in front matter (see content/FORMAT.md, "Runnable examples"):
which fenced blocks become which files, the command to run, the pinned packages, the output
lines to expect, and what the example needs beyond a laptop (docker, kubernetes, cloud, gpu).
Examples that need any of those are listed, never run. This is not part of CI: it installs
packages from the package index.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from curriculum.catalog.base import Strict, Text
from curriculum.catalog.lessons import LessonFormatError, split_front_matter

Need = Literal["docker", "kubernetes", "cloud", "gpu"]
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
INSTALL_TIMEOUT = 1800
BASH = shutil.which("bash") or "/bin/bash"


class ExampleSpec(Strict):
    """One runnable example of a lesson, as written in its front matter."""

    name: Text
    pip: list[Text] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    files: dict[str, int] = Field(default_factory=dict)
    run: Text
    expect: int | None = None
    expect_lines: list[Text] = Field(default_factory=list)
    timeout: int = Field(default=600, gt=0)


@dataclass(frozen=True)
class Example:
    """An example resolved against its lesson: file contents and expected lines."""

    lesson: str
    spec: ExampleSpec
    files: dict[str, str]
    expected: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.lesson}/{self.spec.name}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one example: passed, failed, skipped for its needs, or a bad spec."""

    label: str
    status: Literal["pass", "fail", "needs", "error"]
    detail: str
    seconds: float = 0.0


def _resolve(lesson: str, spec: ExampleSpec, blocks: list[str]) -> Example:
    def block(n: int) -> str:
        if not 1 <= n <= len(blocks):
            raise ValueError(f"block {n} does not exist (the lesson has {len(blocks)})")
        return blocks[n - 1]

    files = {name: block(n) for name, n in spec.files.items()}
    expected = [line.strip() for line in block(spec.expect).splitlines()] if spec.expect else []
    expected += [line.strip() for line in spec.expect_lines]
    return Example(lesson, spec, files, tuple(line for line in expected if line))


def collect(root: Path) -> tuple[list[Example], list[Outcome]]:
    """Every marked example under `root/lessons`, and an error outcome per unusable mark."""
    examples: list[Example] = []
    errors: list[Outcome] = []
    for path in sorted((root / "lessons").glob("*.md")):
        try:
            meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        except LessonFormatError as exc:
            errors.append(Outcome(path.stem, "error", str(exc)))
            continue
        blocks = FENCE.findall(body)
        raw = meta.get("examples") or []
        for i, item in enumerate(raw if isinstance(raw, list) else [raw]):
            try:
                examples.append(_resolve(path.stem, ExampleSpec.model_validate(item), blocks))
            except (ValidationError, ValueError) as exc:
                errors.append(Outcome(f"{path.stem}/#{i + 1}", "error", str(exc).splitlines()[0]))
    return examples, errors


def _venv(base: Path, pins: list[str], cache: dict[str, Path]) -> Path:
    key = hashlib.sha256("\n".join(sorted(pins)).encode()).hexdigest()[:12]
    if key in cache:
        return cache[key]
    env = base / f"venv-{key}"
    # The commands and pins come from this repository's own lessons, run on purpose.
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, capture_output=True)  # noqa: S603
    if pins:
        subprocess.run(  # noqa: S603
            [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", *pins],
            check=True,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
        )
    cache[key] = env
    return env


def _missing(expected: tuple[str, ...], output: str) -> str | None:
    return next((line for line in expected if line not in output), None)


def run_one(example: Example, base: Path, cache: dict[str, Path]) -> Outcome:
    """Install the example's packages, write its files, run it and compare the output."""
    if example.spec.needs:
        return Outcome(example.label, "needs", ", ".join(example.spec.needs))
    started = time.monotonic()
    try:
        env = _venv(base, example.spec.pip, cache)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or "").strip().splitlines()[-1:] or ["pip failed"]
        return Outcome(example.label, "fail", f"install: {tail[0]}")
    except subprocess.TimeoutExpired:
        return Outcome(example.label, "fail", "install timed out")
    work = Path(tempfile.mkdtemp(prefix=example.lesson + "-", dir=base))
    for name, text in example.files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    path = f"{env / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    try:
        done = subprocess.run(  # noqa: S603
            [BASH, "-c", example.spec.run],
            cwd=work,
            env={**os.environ, "PATH": path, "VIRTUAL_ENV": str(env)},
            capture_output=True,
            text=True,
            timeout=example.spec.timeout,
        )
    except subprocess.TimeoutExpired:
        return Outcome(example.label, "fail", "timed out", time.monotonic() - started)
    seconds = time.monotonic() - started
    output = done.stdout + done.stderr
    if done.returncode != 0:
        tail = output.strip().splitlines()[-1:] or [""]
        return Outcome(example.label, "fail", f"exit {done.returncode}: {tail[0]}", seconds)
    missing = _missing(example.expected, output)
    if missing is not None:
        return Outcome(example.label, "fail", f"missing output line: {missing}", seconds)
    checked = f"{len(example.expected)} output lines match" if example.expected else "exit 0"
    return Outcome(example.label, "pass", checked, seconds)


def run_all(examples: list[Example], base: Path) -> Iterator[Outcome]:
    """Run the examples one by one, sharing one virtualenv per distinct set of pins."""
    cache: dict[str, Path] = {}
    for example in examples:
        yield run_one(example, base, cache)
