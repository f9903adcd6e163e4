"""The assistant's errors, each with a Vietnamese message fit to show a user.

AssistantError                    base; ``message`` is Vietnamese, ``status`` the HTTP code
├── InputError (422)              a request or argument the assistant cannot use
│   ├── UnsupportedFileError (415)  a file type that cannot be read (sniffed from content)
│   ├── FileTooLargeError (413)     larger than ``max_upload_mb``
│   ├── DocumentLimitError (413)    a document whose text, sections, chunks or reading time
│   │                               exceed the bounds of one ingest (``max_document_*``)
│   └── EmptyDocumentError (422)    no text (empty file, scanned PDF)
├── NotFoundError (404)           unknown document, section, agency or criterion
├── ForbiddenError (403)          admin API disabled or wrong token
├── RateLimitError (429)          too many requests from one client
├── CorpusError (500-safe 422)    a corpus file that cannot be parsed
├── IndexNotBuiltError (503)      no usable index: names the command that builds it
├── IndexModelMismatchError (409) index built with another embedding model
├── IngestCancelledError (503)    the server stopped during an ingest: nothing was changed
├── BackendUnavailableError (503) the Chroma server or another backend is down
└── ModelNotBuiltError (503)      the embedding model folder is missing
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the assistant reports to a user."""

    status: int = 500

    def __init__(self, message: str, *, hint: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.suggestions = suggestions or []

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"error": type(self).__name__, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        if self.suggestions:
            out["suggestions"] = self.suggestions
        return out


class InputError(AssistantError):
    status = 422


class UnsupportedFileError(InputError):
    status = 415


class FileTooLargeError(InputError):
    status = 413


class DocumentLimitError(InputError):
    """More work than one document may cost (see :mod:`assistant.limits`); size-like, so 413."""

    status = 413


class EmptyDocumentError(InputError):
    status = 422


class NotFoundError(AssistantError):
    status = 404


class ForbiddenError(AssistantError):
    status = 403


class RateLimitError(AssistantError):
    status = 429


class CorpusError(AssistantError):
    status = 422


class IndexNotBuiltError(AssistantError):
    status = 503


class IndexModelMismatchError(AssistantError):
    status = 409


class IngestCancelledError(AssistantError):
    status = 503


class BackendUnavailableError(AssistantError):
    status = 503


class ModelNotBuiltError(AssistantError):
    status = 503
