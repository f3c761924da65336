"""The parts of the 经济运行分析 as content: paragraphs of rendered sentences with the notes they
cite, headings, tables of display texts, pictures drawn when the document is written, numbered
sections and the whole document (``AnalysisDocument``). :mod:`~muye_analysis.document.content`
builds them; :mod:`~muye_analysis.document.word` lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from muye_analysis import vocab

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from muye_analysis.periods import Period


@dataclass(frozen=True)
class Paragraph:
    """Body text: rendered sentences, each with the numbers of the notes citing its sources.
    ``kind``: ``body`` (indented first line) or ``item`` (a numbered point, 1．…)."""

    sentences: tuple[str, ...]
    notes: tuple[tuple[int, ...], ...] = ()
    kind: str = "body"

    @property
    def text(self) -> str:
        return "".join(self.sentences) if _cjk(self.sentences) else " ".join(self.sentences)


@dataclass(frozen=True)
class Heading:
    """A heading: ``level`` 1 (一、 黑体) or 2 (（一） 楷体); ``text`` with its numeral."""

    text: str
    level: int


@dataclass(frozen=True)
class Table:
    """A table of display texts (``frame``: the header is its columns), its caption above and
    its note below; ``widths`` are the columns' shares of the text width; ``group_rows`` the
    indices of rows that name a group (spanning every column)."""

    caption: str
    frame: pd.DataFrame
    widths: tuple[float, ...]
    note: str = ""
    group_rows: tuple[int, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Picture:
    """A chart drawn when the document is written (``draw`` returns a matplotlib Figure),
    with its caption and source line under it."""

    name: str
    caption: str
    draw: Callable[[], Figure]
    source: str = ""


Block = Paragraph | Heading | Table | Picture


@dataclass(frozen=True)
class Section:
    """One numbered part (一、总体情况 …): its heading and what follows."""

    key: str
    heading: Heading
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class AnalysisDocument:
    """The whole document: the front matter, the numbered sections, the fixed 附注 and the
    numbered notes (注释) with every figure's source."""

    lang: str
    title: str
    as_of_line: str
    issuer_line: str
    date_line: str
    draft_line: str
    synthetic_line: str | None
    sections: tuple[Section, ...]
    appendix_head: str
    appendix: tuple[str, ...]
    notes_head: str
    notes: tuple[str, ...]
    period: Period
    plan_year: int
    made_on: date
    issuer: str
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        return self.synthetic_line is not None

    def headings(self) -> list[str]:
        """Every heading in order (一、… and （一）…)."""
        out = []
        for section in self.sections:
            out.append(section.heading.text)
            out += [b.text for b in section.blocks if isinstance(b, Heading)]
        return out

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def pictures(self) -> list[Picture]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Picture)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Paragraph)]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def text(self) -> str:
        """Every word of the document, in order (for tests and the language check)."""
        parts = [self.title, self.as_of_line, self.issuer_line, self.date_line, self.draft_line]
        parts += [self.synthetic_line] if self.synthetic_line else []
        for section in self.sections:
            parts.append(section.heading.text)
            for block in section.blocks:
                if isinstance(block, Table):
                    parts += [block.caption, *map(str, block.frame.columns)]
                    parts += [str(v) for v in block.frame.to_numpy().ravel()]
                    parts.append(block.note)
                elif isinstance(block, Picture):
                    parts += [block.caption, block.source]
                else:
                    parts.append(block.text)
        return "\n".join([*parts, self.appendix_head, *self.appendix, self.notes_head,
                          *self.notes])  # fmt: skip


def _cjk(sentences: Sequence[str]) -> bool:
    return any(vocab.has_cjk(s[-1:]) for s in sentences if s)
