"""The console fed raw bytes: escapes, NULs and invalid UTF-8 never reach the terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.e2e.test_console import TUTOR


def test_escapes_and_invalid_utf8_on_stdin_are_cleaned(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TUTOR_", "SLACK_", "DISCORD_")) and k != "DATABASE_URL"
    }
    env.update(
        TUTOR_DATA_DIR=str(tmp_path),
        TUTOR_CONSOLE_USER="newcomer",
        TUTOR_AUTO_INGEST="false",
        PYTHONIOENCODING="utf-8",
    )
    stdin = (
        b"/quiz \x1b[2J\x1b[Hm99\n"
        b"/roadmap \xff\xfe\n"
        b"/privacy tz America\n"
        b"/roadmap \xe1\x8d\xa9\n"  # U+1369 ETHIOPIC DIGIT ONE
        b"/nope\x00\x07\n"
    )
    done = subprocess.run(
        [TUTOR, "console"], input=stdin, capture_output=True, env=env, cwd=tmp_path, timeout=600
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out
    assert "Something went wrong" not in out
    assert "m99" in out and "not a time zone I know" in out and "there is no week" in out.lower()
    assert "Traceback" not in done.stderr.decode(errors="replace")
