"""`mlops-tutor badges reconcile` through typer: the second run grants nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlmodel
from typer.testing import CliRunner

from bot.cli.badges import badges_app
from bot.testing import FakeChat, make_services
from storage.tables import BadgeAward
from tests.unit.test_badges_transcripts import complete


def test_reconcile_twice_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = make_services(tmp_path)
    complete(FakeChat(services), "ada", "m01")
    with services.db.session() as s:
        for award in s.exec(sqlmodel.select(BadgeAward)).all():
            s.delete(award)
    services.close()
    monkeypatch.chdir(tmp_path)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/t.db", "TUTOR_DATA_DIR": str(tmp_path)}
    first = CliRunner().invoke(badges_app, ["reconcile"], env=env)
    assert first.exit_code == 0, first.output
    assert "1 badge(s) granted" in first.output and "Ada: first-steps" in first.output
    second = CliRunner().invoke(badges_app, ["reconcile"], env=env)
    assert second.exit_code == 0, second.output
    assert "0 module completion(s) recorded, 0 badge(s) granted" in second.output
