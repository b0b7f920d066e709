"""The exception a document that cannot be analysed raises."""

from __future__ import annotations


class DocumentError(ValueError):
    """A document sitrep cannot analyse: ``document`` names it, ``reason`` says why.

    ``str(err)`` is ``"DOCUMENT: REASON"``, the line ``sitrep extract`` prints for a skipped
    document. ``Pipeline.extract_many(..., errors="return")`` puts these in the result list
    in place of the documents they concern instead of raising.
    """

    def __init__(self, document: str, reason: str) -> None:
        super().__init__(f"{document}: {reason}")
        self.document = document
        self.reason = reason

    def __reduce__(self):  # pickles with both fields (Spark, multiprocessing)
        return (type(self), (self.document, self.reason))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DocumentError)
            and (self.document, self.reason) == (other.document, other.reason)
        )

    def __hash__(self) -> int:
        return hash((self.document, self.reason))
