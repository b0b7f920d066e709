"""Type stubs of the extension module (`python/src/lib.rs`)."""

import datetime
from typing import Any, Iterable, Literal, Optional, Union, overload

from ._errors import DocumentError
from ._record import Record

SCHEMA: str
ANALYSIS_VERSION: int
__version__: str

Text = Union[str, bytes]
Published = Union[str, datetime.date, None]
DocumentInput = Union[str, bytes, dict[str, Any]]

class Span(Record):
    start: int
    end: int

class Mention(Record):
    start: int
    end: int
    text: str

class Actor(Record):
    # None when the text gives a sector and no state (a private person: sector "CVL")
    code: Optional[str]
    sector: Optional[str]

class Entity(Record):
    id: str
    kind: str
    name: str
    actor: Optional[Actor]
    kb: Optional[str]
    mentions: list[Mention]

class EventActor(Record):
    code: str
    entity: Optional[str]
    text: str
    start: int
    end: int

class Place(Record):
    code: Optional[str]
    name: str
    text: str
    start: int
    end: int

class Quantity(Record):
    value: Optional[float]
    unit: Optional[str]
    text: str
    start: int
    end: int

class EventDate(Record):
    value: Optional[str]
    granularity: str
    text: str
    start: int
    end: int

class Citation(Record):
    name: Optional[str]
    kind: Optional[str]
    entity: Optional[str]
    text: str
    start: int
    end: int

class Speaker(Record):
    entity: Optional[str]
    name: str
    code: Optional[str]

class Event(Record):
    id: str
    type: str
    mode: Optional[str]
    cameo: Optional[str]
    source: list[EventActor]
    target: list[EventActor]
    modality: str
    quantity: Optional[Quantity]
    origin: list[Place]
    destination: list[Place]
    location: list[Place]
    date: Optional[EventDate]
    reported_by: list[Citation]
    speaker: Optional[Speaker]
    quote: Optional[Mention]
    trigger: Mention
    evidence: Span
    rule: str
    confidence: float

class Quote(Record):
    start: int
    end: int
    text: str
    kind: str
    speaker: Optional[Speaker]

class Token(Record):
    start: int
    end: int
    upos: Optional[str]
    xpos: Optional[str]
    lemma: Optional[str]
    feats: Optional[str]

class Analysis:
    """One document's `sitrep/1` analysis. Nested fields are built on each access."""

    @staticmethod
    def from_json(json: str) -> Analysis: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def schema(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def published(self) -> Optional[str]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def url(self) -> Optional[str]: ...
    @property
    def outlet(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def sentences(self) -> list[Span]: ...
    @property
    def tokens(self) -> Optional[list[Token]]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def events(self) -> list[Event]: ...
    @property
    def quotes(self) -> list[Quote]: ...

class Pipeline:
    """The loaded pipeline; thread-safe, build it once."""

    def __init__(self) -> None: ...
    def extract(
        self,
        text: Text,
        language: Optional[str] = None,
        published: Published = None,
        id: Optional[str] = None,
        *,
        tokens: bool = False,
    ) -> Analysis: ...
    @overload
    def extract_many(
        self,
        docs: Iterable[DocumentInput],
        threads: Optional[int] = None,
        *,
        errors: Literal["raise"] = "raise",
        language: Optional[str] = None,
        published: Published = None,
        tokens: bool = False,
    ) -> list[Analysis]: ...
    @overload
    def extract_many(
        self,
        docs: Iterable[DocumentInput],
        threads: Optional[int] = None,
        *,
        errors: Literal["return"],
        language: Optional[str] = None,
        published: Published = None,
        tokens: bool = False,
    ) -> list[Union[Analysis, DocumentError]]: ...

def event_columns() -> list[tuple[str, str, str]]: ...
def event_rows(analyses: Iterable[Analysis], json: bool = False) -> list[list[Any]]: ...
