"""Test helpers shipped with the package: a tiny curriculum and a scripted chat model."""

from __future__ import annotations

from collections.abc import Mapping

from curriculum.catalog.lessons import parse_sections
from curriculum.catalog.models import Curriculum, Lesson

SAMPLE_LESSONS: dict[str, tuple[str, str]] = {
    "m06": (
        "Model Monitoring",
        "# Model Monitoring\nWatch models in production.\n\n"
        "## Set up drift detection {#drift-detection}\n"
        "Data drift is a change in the distribution of input features. "
        "Concept drift is a change in the relationship between inputs and the target. "
        "Evidently `DataDriftPreset` flags drift when `drift_share=0.5` of columns drift.\n\n"
        "## Create alerting systems {#alerting}\n"
        "Alert fatigue happens when too many alerts fire without needing action. "
        "Route alerts to an owner with a runbook.\n",
    ),
    "m04": (
        "Simple Deployment",
        "# Simple Deployment\nServe a model behind an API.\n\n"
        "## Build simple Flask/FastAPI applications {#flask-fastapi-apps}\n"
        "FastAPI validates request bodies with pydantic and serves the model with uvicorn. "
        "Flask apps run behind gunicorn, a WSGI server, in production.\n\n"
        "## Understand containerization basics {#containerization-basics}\n"
        "A Docker image is a read-only template; a container is a running instance of an image. "
        "Publish the port with `docker run -p 8000:8000` to reach the API from the host.\n",
    ),
    "m03": (
        "Version Control for ML",
        "# Version Control for ML\nVersion code, data and models.\n\n"
        "## Practice using DVC {#dvc-basics}\n"
        "`dvc add data/train.csv` stores the file in the DVC cache and writes a pointer file. "
        "Run `dvc push` to upload data to the DVC remote.\n",
    ),
}


def make_lesson(module: str | None, title: str, body: str, source: str | None = None) -> Lesson:
    """A lesson model from Markdown, as the curriculum loader would build it."""
    return Lesson.model_validate(
        {
            "id": module or title.lower().replace(" ", "-"),
            "module": module,
            "title": title,
            "source": source or f"lessons/{module}.md",
            "body": body,
            "sections": parse_sections(body),
        }
    )


def tiny_curriculum(lessons: Mapping[str, tuple[str, str]] = SAMPLE_LESSONS) -> Curriculum:
    """A curriculum of only these lessons (module id -> (title, Markdown body))."""
    built = {m: make_lesson(m, title, body) for m, (title, body) in lessons.items()}
    return Curriculum(
        modules={},
        lessons=built,
        quizzes={},
        course=None,
        syllabus=None,
        sequence=None,
        roadmap=None,
        badges=[],
        tracks={},
    )
