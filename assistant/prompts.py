"""Every prompt and answer template, loaded from ``prompts/*.txt`` in one place that checks its variables.

A template is a UTF-8 text file ``prompts/<name>.txt`` using ``str.format`` placeholders: ``{question}``
is a variable, ``{{`` and ``}}`` are literal braces. Placeholders are plain names only: no positional
``{}``, no ``{a.b}`` / ``{a[0]}``, no ``!r`` conversion or ``:spec`` (format numbers before passing them,
e.g. with :func:`assistant.text.format_decimal`).

Adding a template is one line in :data:`EXPECTED` plus the file::

    "answer_lead": {"document", "count"},

Loading (:class:`PromptLibrary`) checks that every declared file exists and that its placeholders are
exactly the declared set, naming the file and the difference; :meth:`PromptLibrary.render` refuses a
missing or an extra variable. Templates are read once (NFC-normalised, trailing whitespace dropped)
and :func:`get_prompts` caches the library.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from assistant.config import PROJECT_ROOT
from assistant.errors import AssistantError
from assistant.text import nfc

logger = logging.getLogger(__name__)

DEFAULT_DIRECTORY = PROJECT_ROOT / "prompts"

# Template name (file prompts/<name>.txt) -> the variables it uses, exactly. One line per template.
EXPECTED: dict[str, set[str]] = {
    "llm_system": set(),
    "llm_passage": {"question", "sources"},
    "llm_condense": {"history", "question"},
    # Answer wording (assistant/compose/*): lead sentences, not-found messages, follow-up hints.
    # criteria queries (assistant/compose/query.py)
    "not_found_absent": {"names", "documents"},
    "not_found_place": {"places", "document", "asked"},
    "not_found_person": {"signers"},
    "understood_as": {"typed", "agency"},
    "passage_lead_yes": set(),
    "passage_footnotes": set(),
    "passage_lead_unsaid": {"words"},
    "query_rows": {"count", "what", "scope", "codes", "table"},
    "query_none": {"what", "scope"},
    "query_sum": {"scope", "count", "awarded", "max", "rate", "deducted", "basis", "table"},
    "query_average": {"column", "count", "scope", "value", "table"},
    "query_ranking": {"unit", "what", "items", "tie"},
    "query_compare": {"lines", "verdict", "basis"},
    "query_difference": {"scope", "awarded", "max", "rate", "verdict", "basis"},
    "query_what_if": {"names", "awarded", "max", "gain", "total", "rate", "table"},
    "answer_bases": {"count", "document", "items"},
    "answer_reference": {"items"},
    "answer_cc": {"cite", "document", "items"},
    "answer_date": {"cite", "date", "document", "place"},
    "answer_effective": {"cite", "document", "when", "sentence"},
    "answer_effective_signing": {"cite", "document", "date", "sentence", "note"},
    "answer_effective_unknown": {"document", "date"},
    "answer_date_partial": {"cite", "date", "document", "place"},
    "answer_implements": {"document", "items"},
    "answer_issuer": {"cite", "document", "issuer"},
    "answer_number": {"cite", "document", "number"},
    "answer_number_from_captions": {"as_written", "cite_caption", "cite_header", "number"},
    "answer_number_captions_only": {"cite_caption", "number"},
    "answer_signer_unknown": {"document"},
    "answer_number_missing": {"as_written", "cite", "document"},
    "answer_phases": {"count", "document", "items", "lead"},
    "answer_recipients": {"document", "items"},
    "answer_signer": {"authority", "cite", "document", "name", "title"},
    "answer_subject": {"cite", "document", "subject"},
    "answer_tasks_general": {"items"},
    "answer_tasks_lead": {"agency", "count", "documents"},
    "answer_tasks_partner_also": {"agency", "items"},
    "answer_partner_only": {"agency", "items"},
    "answer_which_agency": {"agencies", "cite_head", "cite_task", "document", "section", "task"},
    "appendix_computed": {"count", "value", "what"},
    "appendix_score": {"appendix", "awarded", "count", "deducted", "lines", "max", "rate"},
    "appendix_stated": {"agree", "cite", "count", "value", "what"},
    "computed_note": {"basis"},
    "criteria_count": {"deducted", "full", "per_appendix", "per_group", "total", "zero"},
    "criterion_deducted": {"deducted", "note"},
    "criterion_full": set(),
    "criterion_lead": {"appendix", "awarded", "cite", "code", "max", "title", "verdict"},
    "criterion_lead_deducted": {"appendix", "awarded", "cite", "code", "max", "title", "verdict"},
    "criterion_lead_max": {"appendix", "awarded", "cite", "code", "max", "title", "verdict"},
    "error_empty_question": set(),
    "full_appendix": {"appendix", "cite", "cite_total", "count", "title"},
    "full_rows": {"appendices", "codes", "count", "total"},
    "group_ranking": {"table", "top", "top_deducted"},
    "group_score": {"awarded", "basis", "count", "deducted", "group", "max", "rate", "table"},
    "groups_score": {"table"},
    "least_deductions": {"n", "table"},
    "top_max": {"leaders", "max", "n", "table"},
    "not_found_year": {"asked", "document", "years"},
    "numeric_scope": {"scope"},
    "no_deductions": set(),
    "no_zero_rows": set(),
    "not_found_agency": {"agencies", "agency", "closest"},
    "not_found_agency_in_document": {"agencies", "agency", "document", "elsewhere"},
    "not_found_appendix": {"appendices", "appendix"},
    "not_found_code": {"code", "suggestions"},
    "not_found_group": {"group", "groups"},
    "not_found_passage": {"documents"},
    "not_found_scores": set(),
    "overall_score": {"awarded", "basis", "cites", "count", "deducted", "max", "rate", "table"},
    "passage_item": {"cite", "heading", "text", "where"},
    "passage_row": {"code", "title", "max", "awarded", "deducted"},
    "more_rows": {"count"},
    "average_score": {"count", "awarded", "max", "mean_awarded", "mean_deducted", "rate", "cites"},
    "answer_list_lead": {"count"},
    "answer_recipients_cc": {"document", "items", "cite"},
    "passage_lead": set(),
    "reference_followup": {"items"},
    "tie_at_cut_note": set(),
    "tie_note": {"count"},
    "top_deductions": {"cut", "leaders", "n", "table", "tie", "total"},
    "top_item": {"appendix", "awarded", "cite", "code", "deducted", "max", "title"},
    "zero_rows": {"codes", "count", "table"},
}


class PromptError(AssistantError, ValueError):
    """A template missing, malformed or whose variables differ from :data:`EXPECTED`, or a bad render."""

    status = 500


def _names(names: set[str] | frozenset[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "(không có)"


def placeholders(template: str, *, source: str = "template") -> set[str]:
    """The variable names a template uses; raises :class:`PromptError` on anything but plain ``{name}``."""
    found: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:  # a single '{' or '}': literal braces must be doubled
        raise PromptError(
            f"Mẫu {source} sai cú pháp: {exc} (ngoặc nhọn thường phải viết đôi: {{{{ và }}}}).",
        ) from exc
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            raise PromptError(
                f"Mẫu {source} có chỗ giữ chỗ không hợp lệ {{{field}}}: chỉ dùng tên biến, ví dụ {{question}}.",
            )
        if spec or conversion:
            raise PromptError(
                f"Mẫu {source}: biến {{{field}}} không được có định dạng ':' hay '!'; "
                "hãy định dạng giá trị trước khi truyền vào.",
            )
        found.add(field)
    return found


class PromptLibrary:
    """The templates of one folder, checked against a registry (by default :data:`EXPECTED`)."""

    def __init__(self, directory: Path, *, expected: Mapping[str, set[str]] | None = None) -> None:
        self.directory = Path(directory)
        self.expected: dict[str, frozenset[str]] = {
            name: frozenset(variables)
            for name, variables in (EXPECTED if expected is None else expected).items()
        }
        self._templates: dict[str, str] = {}
        problems: list[str] = []
        for name, declared in self.expected.items():
            path = self.directory / f"{name}.txt"
            try:
                text = path.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                problems.append(f"thiếu tệp {path} (khai báo trong EXPECTED với biến {_names(declared)})")
                continue
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"không đọc được {path} dạng UTF-8: {exc}")
                continue
            text = nfc(text).rstrip()
            try:
                used = placeholders(text, source=str(path))
            except PromptError as exc:
                problems.append(exc.message)
                continue
            if used != declared:
                parts = []
                if used - declared:
                    parts.append(f"biến không khai báo trong EXPECTED: {_names(used - declared)}")
                if declared - used:
                    parts.append(f"biến khai báo nhưng không dùng: {_names(declared - used)}")
                problems.append(f"{path}: " + "; ".join(parts))
                continue
            self._templates[name] = text
        if problems:
            raise PromptError(
                "Mẫu câu không hợp lệ:\n- " + "\n- ".join(problems),
                hint="Sửa tệp trong thư mục prompts/ hoặc khai báo biến trong assistant/prompts.py (EXPECTED).",
            )
        undeclared = sorted(
            p.stem for p in self.directory.glob("*.txt") if p.is_file() and p.stem not in self.expected
        )
        if undeclared:
            logger.warning(
                "Templates in %s not declared in EXPECTED (unused): %s", self.directory, undeclared
            )
        logger.debug("Loaded %d templates from %s", len(self._templates), self.directory)

    @property
    def names(self) -> list[str]:
        """Names of the loaded templates."""
        return sorted(self._templates)

    def variables(self, name: str) -> frozenset[str]:
        """The variables template ``name`` expects."""
        self._check_name(name)
        return self.expected[name]

    def template(self, name: str) -> str:
        """The raw text of template ``name`` (placeholders not filled)."""
        self._check_name(name)
        return self._templates[name]

    def render(self, name: str, /, **variables: object) -> str:
        """Fill template ``name``; raises :class:`PromptError` on an unknown name or a missing/extra variable."""
        self._check_name(name)
        declared = self.expected[name]
        given = set(variables)
        if given != declared:
            parts = []
            if declared - given:
                parts.append(f"thiếu biến {_names(declared - given)}")
            if given - declared:
                parts.append(f"thừa biến {_names(given - declared)}")
            raise PromptError(f"Điền mẫu {name}.txt: " + "; ".join(parts) + ".")
        return self._templates[name].format_map(variables)

    def _check_name(self, name: str) -> None:
        if name not in self._templates:
            raise PromptError(
                f"Không có mẫu {name!r}; các mẫu đã khai báo: {', '.join(self.names)}.",
            )


@lru_cache(maxsize=8)
def _load(directory: Path) -> PromptLibrary:
    return PromptLibrary(directory)


def get_prompts(directory: Path | None = None) -> PromptLibrary:
    """The library of ``directory`` (default ``<project>/prompts``), loaded once and cached."""
    return _load(Path(directory or DEFAULT_DIRECTORY).resolve())
