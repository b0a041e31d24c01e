"""Settings: TUTOR_ prefix, platform names, .env files, one-line errors, masked secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in (
        "DATABASE_URL",
        "TUTOR_DATABASE_URL",
        "SLACK_BOT_TOKEN",
        "DISCORD_TOKEN",
        "TUTOR_QUIZ_IDLE_MINUTES",
        "TUTOR_DATA_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_put_sqlite_under_var() -> None:
    settings = load_settings()
    assert settings.effective_database_url == "sqlite:///var/tutor.db"
    assert settings.platforms() == []


def test_dotenv_and_platform_names_are_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DISCORD_TOKEN=abc.def\nTUTOR_QUIZ_IDLE_MINUTES=5\n")
    settings = load_settings()
    assert settings.platforms() == ["discord"]
    assert settings.quiz_idle_minutes == 5
    assert "abc.def" not in str(settings.masked()) and "abc.def" not in repr(settings)


def test_a_bad_value_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TUTOR_QUIZ_IDLE_MINUTES", "0")
    with pytest.raises(SettingsError, match=r"^TUTOR_QUIZ_IDLE_MINUTES: "):
        load_settings()


def test_database_url_password_is_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://tutor:hunter2@db:5432/tutor")
    shown = load_settings().masked()["DATABASE_URL"]
    assert "hunter2" not in shown and "tutor@db" in shown.replace("tutor:***@", "tutor@")
