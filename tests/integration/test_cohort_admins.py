"""Cohort admins on real SQLite and real PostgreSQL: recorded when they act, kept out of the
learners of `/cohort report`, and the creators of existing cohorts carried over by migration."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from alembic.config import Config
from sqlmodel import Session

from bot.testing import FakeChat
from storage.engine import MIGRATIONS, Database
from storage.repositories.cohorts import CohortRepository
from storage.tables import Cohort, CohortMember, Learner
from tests.unit.test_quiz_transcripts import play

CREATE = "/cohort create course-5w start:2026-11-30 day:mon time:09:00 tz:Europe/Berlin"
NOW = datetime(2026, 11, 2, 9, tzinfo=UTC)


def test_a_second_admin_is_listed_as_an_admin_not_as_a_learner(pg_chat: FakeChat) -> None:
    pg_chat.send_admin("coach", CREATE)
    pg_chat.send("ada", "/cohort join")
    pg_chat.send("dana", "/cohort join")
    pg_chat.send_admin("dana", "/cohort digest off")
    pg_chat.send_admin("dana", "/cohort digest on")  # acting twice is recorded once
    play(pg_chat, "dana", "m01", right=True)
    report = pg_chat.send_admin("coach", "/cohort report").text
    assert "*Active learners (7 days): 0 of 1*" in report
    assert "Admins (not counted as learners): Coach, Dana" in report
    assert "Dana" not in report.split("```")[1]


def test_the_migration_makes_the_creators_of_existing_cohorts_their_admins(
    database_url: str,
) -> None:
    db = Database(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = db.engine
    try:
        command.upgrade(config, "0007")  # before admins were recorded
        with Session(db.engine) as s:
            coach = Learner(platform="slack", workspace="T1", user_id="UCOACH", created_at=NOW)
            ada = Learner(platform="slack", workspace="T1", user_id="UADA", created_at=NOW)
            s.add_all([coach, ada])
            s.flush()
            cohort = Cohort(
                platform="slack",
                workspace="T1",
                channel_id="C1",
                track_id="course-5w",
                start_date=date(2026, 11, 30),
                created_by=coach.id,
                created_at=NOW,
            )
            s.add(cohort)
            s.flush()
            assert cohort.id is not None and coach.id is not None and ada.id is not None
            s.add(
                CohortMember(cohort_id=cohort.id, learner_id=coach.id, role="admin", joined_at=NOW)
            )
            s.add(CohortMember(cohort_id=cohort.id, learner_id=ada.id, joined_at=NOW))
            s.commit()
            ids = cohort.id, coach.id
        db.upgrade()
        assert db.current() == db.head()
        assert CohortRepository(db).admin_ids(ids[0]) == {ids[1]}
    finally:
        db.dispose()
