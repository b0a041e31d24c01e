"""Building blocks shared by every content model: slugs, non-empty text, the strict base."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
ModuleId = Annotated[str, StringConstraints(pattern=r"^m(0[1-9]|1[0-9]|2[0-4])$")]
ElectiveId = Annotated[str, StringConstraints(pattern=r"^e(0[1-9]|[1-9][0-9])$")]
"""An elective lesson (e01..e99): optional, outside the 24-module track and its badges."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for content models: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
