"""Neutral reply parts; adapters render them natively (Block Kit, embeds, terminal text)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.core.command_names import NEUTRAL, CommandNaming


@dataclass(frozen=True)
class Text:
    """Markdown text (bold, italics, code, lists, links)."""

    markdown: str


@dataclass(frozen=True)
class Citation:
    """Where an answer or explanation comes from."""

    title: str
    source: str
    anchor: str = ""
    module_id: str | None = None
    naming: CommandNaming = field(default=NEUTRAL, compare=False, repr=False)
    """How the platform names commands (set by `Reply.named`)."""

    @property
    def command(self) -> str | None:
        """The command that opens the cited section in chat: `/lesson m03 key-terms` for a lesson
        file (modules, electives and the interview guide alike), the module's outline for other
        material of a module (its catalog page), None for what no lesson holds (seeds)."""
        if self.source.startswith("lessons/") and self.source.endswith(".md"):
            lesson = self.source.removeprefix("lessons/").removesuffix(".md")
            return self.naming.command(f"lesson {lesson} {self.anchor}".strip())
        if not self.module_id:
            return None
        return self.naming.command(f"lesson {self.module_id}")


@dataclass(frozen=True)
class Choice:
    label: str
    value: str


@dataclass(frozen=True)
class Choices:
    """Buttons: pressing one sends `ButtonPress(action, choice.value)` back to the core."""

    action: str
    options: tuple[Choice, ...]


@dataclass(frozen=True)
class ProgressBar:
    label: str
    done: int
    total: int

    @property
    def fraction(self) -> float:
        return 0.0 if self.total <= 0 else min(1.0, self.done / self.total)


@dataclass(frozen=True)
class Image:
    filename: str
    data: bytes = field(repr=False)
    alt: str = ""


@dataclass(frozen=True)
class File(Image):
    """A file attachment that is not a picture (e.g. a JSON export).

    It is an `Image` subtype so adapters that upload images upload it too; an adapter that
    shows images inline should check for `File` first and attach it plainly.
    """

    mime: str = "application/octet-stream"


Part = Text | Citation | Choices | ProgressBar | Image


@dataclass(frozen=True)
class Reply:
    """One message: its parts, whether it goes in a thread, whether only the asker sees it."""

    parts: tuple[Part, ...]
    in_thread: bool = True
    ephemeral: bool = False

    @classmethod
    def text(cls, markdown: str, *, ephemeral: bool = False, in_thread: bool = True) -> Reply:
        return cls((Text(markdown),), in_thread=in_thread, ephemeral=ephemeral)

    @property
    def plain(self) -> str:
        """The text parts joined, for logs and tests."""
        return "\n".join(p.markdown for p in self.parts if isinstance(p, Text))

    def choices(self) -> Choices | None:
        return next((p for p in self.parts if isinstance(p, Choices)), None)

    def named(self, naming: CommandNaming) -> Reply:
        """This reply with every command it names as users type it on the platform."""
        if naming == NEUTRAL:
            return self
        return replace(self, parts=tuple(_named(part, naming) for part in self.parts))


def _named(part: Part, naming: CommandNaming) -> Part:
    if isinstance(part, Text):
        return Text(naming.text(part.markdown))
    if isinstance(part, Citation):
        return replace(part, title=naming.text(part.title), naming=naming)
    if isinstance(part, Choices):
        options = tuple(Choice(naming.text(o.label), o.value) for o in part.options)
        return Choices(part.action, options)
    if isinstance(part, ProgressBar):
        return replace(part, label=naming.text(part.label))
    return part
