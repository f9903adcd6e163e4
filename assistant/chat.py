"""The one service behind `assistant ask`, `assistant chat` and `POST /api/chat`.

A question (with the conversation so far) becomes one :class:`Answer`: follow-ups are resolved
from the conversation's state (or by the LLM when one is configured), the router picks the source,
and a composer writes the answer with its citations.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from assistant.answers import Answer, Citation, CitationSet
from assistant.compose.common import doc_name, say
from assistant.compose.document import answer_document, answer_reference
from assistant.compose.numeric import answer_numeric
from assistant.compose.passage import Searcher, answer_passage, not_found
from assistant.compose.tasks import answer_agency_tasks, answer_unknown_agency, answer_which_agency
from assistant.corpus import Corpus
from assistant.documents import find_refs
from assistant.errors import BackendUnavailableError, InputError
from assistant.router import CODE, Route, detect, folded
from assistant.text import fold, nfc, squash

logger = logging.getLogger(__name__)

# Where the draft of an LLM-phrased answer goes while it is written (set per call of ask(): one
# ChatService serves concurrent requests, each in its own thread and context).
_DRAFT_SINK: ContextVar[Callable[[str], None] | None] = ContextVar("draft_sink", default=None)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that show nothing: zero-width spaces and joiners, soft hyphen, BOM, direction marks.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# NFC can only shorten a text, and a decomposed Vietnamese letter takes at most three code points:
# a message longer than this is too long whatever it holds, and is refused before any work on it.
_RAW_CHARS_PER_CHAR = 3


@dataclass
class Turn:
    role: str  # user | assistant
    content: str


def clean_message(message: str, max_chars: int) -> str:
    """NFC, control and invisible characters removed, whitespace squashed; a clear error when
    empty or too long."""
    message = message or ""
    if len(message) > max_chars * _RAW_CHARS_PER_CHAR:
        raise InputError(f"Câu hỏi quá dài ({len(message)} ký tự); tối đa {max_chars} ký tự.")
    text = squash(_CONTROL.sub(" ", _INVISIBLE.sub("", nfc(message))))
    if not text:
        raise InputError(say("error_empty_question"))
    if len(text) > max_chars:
        raise InputError(f"Câu hỏi quá dài ({len(text)} ký tự); tối đa {max_chars} ký tự.")
    return text


class ChatService:
    """Answers questions over one corpus; holds no per-conversation state (history comes with each call)."""

    def __init__(
        self,
        corpus: Corpus,
        searchers: Callable[[], AbstractContextManager[Searcher | None]] | None = None,
        llm: Any = None,
        max_message_chars: int = 4000,
    ) -> None:
        self.corpus = corpus
        self._searchers = searchers
        self.llm = llm
        self.max_message_chars = max_message_chars

    def searcher(self) -> AbstractContextManager[Searcher | None]:
        """The searcher over the live index, held while the ``with`` block runs (None without one)."""
        return self._searchers() if self._searchers else nullcontext(None)

    def ask(
        self, message: str, history: list[Turn] | None = None, on_text: Callable[[str], None] | None = None
    ) -> Answer:
        """Answer ``message``. ``on_text``, if given, receives the draft of an LLM-phrased answer as
        the LLM writes it (the returned answer is the checked, final one)."""
        started = time.perf_counter()
        question = clean_message(message, self.max_message_chars)
        history = history or []
        token = _DRAFT_SINK.set(on_text)
        try:
            standalone, route = self._resolve(question, history)
            answer = self._answer(standalone, route, history)
        finally:
            _DRAFT_SINK.reset(token)
        answer.data.setdefault("route", {"kind": route.kind, "intent": route.intent})
        if standalone != question:
            answer.data["standalone_question"] = standalone
        logger.info(
            "answered kind=%s intent=%s in %.1f ms",
            answer.kind,
            route.intent,
            (time.perf_counter() - started) * 1000,
        )
        return answer

    # --- follow-ups ---
    def _resolve(self, question: str, history: list[Turn]) -> tuple[str, Route]:
        route = detect(question, self.corpus)
        if not history:
            return question, route
        previous_user = next((t.content for t in reversed(history) if t.role == "user"), "")
        previous_answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
        q = folded(question)
        # 'Thang điểm của tiêu chí đó là bao nhiêu?': the criterion named in the last turns.
        if (
            route.kind == "numeric"
            and not CODE.search(q)
            and re.search(r"\b(do|nay|tren|ay|vua roi|vua neu)\b", q)
        ):
            codes = [c.upper() for c in CODE.findall(folded(previous_answer) + " " + folded(previous_user))]
            if codes:
                code = codes[0]
                return self._with(question, f"{question} ({code})")
        # 'Ai ký văn bản đó?' after a question about one document: that document, not every one.
        if (
            route.kind == "document"
            and route.intent != "list"
            and previous_user
            and not self.corpus.pick_documents(question)
        ):
            picked = self.corpus.pick_documents(previous_user)
            if len(picked) == 1:
                return question, Route(route.kind, route.intent, {**route.params, "docs": [picked[0].doc_id]})
        if route.kind == "passage" and self._is_reference_followup(q) and (previous_answer or previous_user):
            # a history of questions only (an API client that does not send answers back): the
            # previous answer is worked out again
            previous = previous_answer or self.ask(previous_user).answer
            return question, Route("document", "reference_followup", {"previous": previous})
        if route.kind in {"passage"} and len(q.split()) <= 8 and previous_user:
            prev_route = detect(previous_user, self.corpus)
            rewritten = self._substitute(question, previous_user, prev_route)
            if rewritten:
                return self._with(question, rewritten)
        if self.llm is not None and route.kind == "passage":
            condensed = self._condense(question, history)
            if condensed and condensed != question:
                return condensed, detect(condensed, self.corpus)
        return question, route

    def _with(self, original: str, rewritten: str) -> tuple[str, Route]:
        return rewritten, detect(rewritten, self.corpus)

    @staticmethod
    def _is_reference_followup(q: str) -> bool:
        return bool(
            re.search(
                r"\b(theo|can cu|dua tren|thuc hien|la)\b.{0,20}\b(nghi dinh|nghi quyet|luat|chi thi|thong tu|quyet dinh|van ban) (nao|gi)\b",
                q,
            )
            or re.fullmatch(r"(nghi dinh|nghi quyet|luat|chi thi|thong tu|van ban) (nao|gi)", q.rstrip("? "))
        )

    def _substitute(self, question: str, previous: str, prev_route: Route) -> str:
        """Carry the previous question's intent over to the entity the follow-up names."""
        q = folded(question)
        group = re.search(r"\bnhom (?:tieu chi )?([a-d])\b", q)
        appendix = re.search(r"\bphu luc (?:so )?(iii|ii|iv|i|0?[1-4])\b", q)
        if prev_route.kind == "numeric" and group:
            return (
                re.sub(r"(?i)nhóm( tiêu chí)? [A-D]\b", f"nhóm tiêu chí {group.group(1).upper()}", previous)
                if re.search(r"(?i)nhóm( tiêu chí)? [A-D]\b", previous)
                else f"{previous} nhóm {group.group(1).upper()}"
            )
        if prev_route.kind == "numeric" and appendix:
            return re.sub(r"(?i)phụ lục (số )?\w+", f"Phụ lục {appendix.group(1).upper()}", previous)
        if prev_route.kind == "numeric" and CODE.search(q):
            code = CODE.search(q)
            assert code is not None
            return (
                CODE.sub(code.group(1).upper(), folded(previous))
                if CODE.search(folded(previous))
                else f"{previous} {code.group(1).upper()}"
            )
        if prev_route.kind == "tasks":
            directory = self.corpus.agencies
            if (directory and directory.find_agencies_in_text(question)) or _NAMES_A_BODY.match(q):
                # a body the corpus gives no task ('Còn Sở Y tế?') gets its own not-found answer
                return f"{_agency_words(question)} có nhiệm vụ gì?"
        return ""

    def _condense(self, question: str, history: list[Turn]) -> str:
        from assistant.llm import condense_question
        from assistant.prompts import get_prompts

        try:
            return str(
                condense_question(self.llm, get_prompts(), [t.__dict__ for t in history[-8:]], question)
            )
        except BackendUnavailableError as exc:
            logger.warning("LLM condense failed, using the question as asked: %s", exc)
            return question

    # --- routing to composers ---
    def _answer(self, question: str, route: Route, history: list[Turn]) -> Answer:
        corpus = self.corpus
        if route.kind == "numeric":
            answer = answer_numeric(corpus, question, route)
            if answer.kind == "not_found" and route.intent == "title_search":
                return self._passage(question)
            return answer
        if route.kind == "tasks":
            if route.intent == "agency":
                found = answer_agency_tasks(corpus, question, route.params["agencies"])
                if found:
                    return found
                return answer_unknown_agency(corpus, route.params["agencies"][0])
            if route.intent == "which_agency":
                return answer_which_agency(corpus, question) or self._passage(question)
            if route.intent == "unknown_agency":
                return answer_unknown_agency(corpus, route.params["name"])
        if route.kind == "document":
            if route.intent == "reference":
                return answer_reference(corpus, route.params["numbers"]) or self._passage(question)
            if route.intent == "reference_followup":
                return self._reference_followup(question, route.params["previous"]) or self._passage(question)
            return answer_document(
                corpus, question, route.params.get("intents", [route.intent]), route.params.get("docs")
            ) or self._passage(question)
        return self._passage(question)

    def _passage(self, question: str) -> Answer:
        with self.searcher() as searcher:
            answer = answer_passage(self.corpus, searcher, question)
        if self.llm is not None and answer.kind == "passage":
            return self._phrase_with_llm(question, answer)
        return answer

    def _phrase_with_llm(self, question: str, answer: Answer) -> Answer:
        """Let the LLM phrase the answer from the cited sections only; fall back on any failure."""
        from assistant.llm import phrase_passage_answer
        from assistant.prompts import get_prompts

        sources = []
        for c in answer.citations:
            sec = self.corpus.section(c.doc, c.section)
            body = f"{sec.heading_path}\n{sec.text}" if sec else c.quote
            sources.append((c.id, f"{doc_name(self.corpus.docs[c.doc])} — mục {c.section} {c.title}\n{body}"))
        try:
            text, used = phrase_passage_answer(self.llm, get_prompts(), question, sources, _DRAFT_SINK.get())
        except BackendUnavailableError as exc:
            logger.warning("LLM phrasing failed, answering extractively: %s", exc)
            answer.data["llm"] = "fallback"
            return answer
        kept = [c for c in answer.citations if c.id in set(used)]
        renumber = {c.id: i for i, c in enumerate(kept, start=1)}
        text = re.sub(
            r"\[(\d+)\]",
            lambda m: f"[{renumber[int(m.group(1))]}]" if int(m.group(1)) in renumber else "",
            text,
        )
        citations = [Citation(**{**c.model_dump(), "id": renumber[c.id]}) for c in kept]
        return Answer(answer=text, kind="passage", citations=citations, data={**answer.data, "llm": "used"})

    def _reference_followup(self, question: str, previous: str) -> Answer | None:
        """'Theo nghị định nào?' after an answer that names one: the reference, cited where it stands."""
        q = fold(question)
        refs = find_refs(previous, 0)
        kinds = [
            k for k in ("nghi dinh", "nghi quyet", "chi thi", "thong tu", "luat", "quyet dinh") if k in q
        ]
        refs = [r for r in refs if not kinds or fold(r.kind) in kinds]
        if not refs:
            return None
        cites = CitationSet()
        items = []
        for r in refs:
            place = self._find_number(r.number)
            if place is None:
                continue
            doc, sec, line = place
            cid = cites.add_line(doc, sec, line, f"{r.kind} {r.number}")
            desc = (
                f"{r.kind} số {r.number}"
                + (f" ngày {r.date}" if r.date else "")
                + (f" của {r.issuer}" if r.issuer else "")
            )
            items.append(f"- {desc} [{cid}]")
        if not items:
            return None
        return Answer(
            answer=say("reference_followup", items="\n".join(items)), kind="document", citations=cites.items
        )

    def _find_number(self, number: str) -> tuple[Any, Any, int] | None:
        for doc in self.corpus.docs.values():
            for n, line in enumerate(doc.lines, start=1):
                if number in line:
                    best = None
                    for s in doc.walk():
                        if s.line_start <= n <= s.line_end and (best is None or s.level >= best.level):
                            best = s
                    if best is not None:
                        return doc, best, n
        return None


# A follow-up that names a public body by its kind ('Còn Sở Y tế?', 'Thế còn Công an thành phố?').
_NAMES_A_BODY = re.compile(
    r"^(con |va |the con )?(so|phong|ban|cuc|chi cuc|vien|toa an|cong an|uy ban|hoi dong|van phong"
    r"|thanh tra|dai|bo|trung tam|kho bac|bao hiem|lien doan|hoi)\b \w"
)


def _agency_words(question: str) -> str:
    text = re.sub(r"^(Còn|Và|Thế còn|Con|Va|The con)\s+", "", squash(question), flags=re.IGNORECASE)
    text = re.sub(
        r"\s*(thì sao|thi sao|thế nào|the nao|ra sao|nữa|nua)\s*\??$", "", text, flags=re.IGNORECASE
    )
    return text.rstrip("?. ")


def history_from_dicts(items: list[dict[str, Any]]) -> list[Turn]:
    return [Turn(role=str(i.get("role", "")), content=str(i.get("content", ""))) for i in items]


__all__ = ["ChatService", "Turn", "clean_message", "history_from_dicts", "not_found"]
