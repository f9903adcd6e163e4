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

from assistant import cells
from assistant.answers import Answer, Citation, CitationSet
from assistant.compose.across import answer_common_agencies, answer_order, answer_phrase_mentions
from assistant.compose.cells import answer_cells, operation_of
from assistant.compose.common import doc_name, say
from assistant.compose.deadlines import answer_deadlines
from assistant.compose.document import answer_document, answer_mentions, answer_reference
from assistant.compose.grouped import answer_grouped
from assistant.compose.numeric import answer_numeric
from assistant.compose.passage import Searcher, answer_passage, not_found
from assistant.compose.people import answer_person, answer_signed_by, signed_by
from assistant.compose.query import answer_query
from assistant.compose.sections import answer_missing_section, answer_outline, answer_sections, section_labels
from assistant.compose.tasks import (
    answer_agency_tasks,
    answer_loosely_named,
    answer_not_in_named,
    answer_unknown_agency,
    answer_which_agency,
)
from assistant.corpus import Corpus, names_a_document
from assistant.documents import find_refs
from assistant.errors import BackendUnavailableError, InputError
from assistant.query import NARROWING, understand
from assistant.router import CODE, Route, detect, folded
from assistant.text import doc_numbers, fold, nfc, squash

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
        # 'Trung tâm PVHCC': an initialism no document writes, read as the name it spells there
        spelled = self.corpus.spell_out(question)
        for typed, name in spelled:
            question = re.sub(rf"\b{re.escape(typed)}\b", name, question, count=1)
        token = _DRAFT_SINK.set(on_text)
        try:
            standalone, route = self._resolve(question, history)
            answer = self._answer(standalone, route, history)
        finally:
            _DRAFT_SINK.reset(token)
        if spelled:
            notes = "\n".join(say("understood_as", typed=typed, agency=name) for typed, name in spelled)
            answer.answer = f"{notes}\n\n{answer.answer}"
            answer.data["spelled_out"] = [{"typed": typed, "as": name} for typed, name in spelled]
        answer.data.setdefault("route", {"kind": route.kind, "intent": route.intent})
        answer.data.setdefault("query", self._describe(standalone, route))
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
        # 'Trong số đó, tiêu chí nào đạt thấp nhất?': the previous question's Query, narrowed. The
        # previous Query is worked out again from the history's texts (clients may send only texts).
        if self.corpus.criteria and previous_user and NARROWING.search(q):
            before = history[: max(0, len(history) - 2)]
            _, prev_route = self._resolve(previous_user, before)
            if prev_route.kind == "numeric":
                prev_query = prev_route.params.get("query") or understand(previous_user, self.corpus.criteria)
                current = understand(question, self.corpus.criteria, previous=prev_query)
                if current.narrowed:
                    return question, Route("numeric", "query", {"query": current})
        # 'Còn xã Vinh Lộc thì sao?' after a figure of a table: the same question, that row (or column)
        if previous_user and route.intent != "cells" and len(question.split()) <= 10:
            _, prev_route = self._resolve(previous_user, history[: max(0, len(history) - 2)])
            if prev_route.intent == "cells":
                edited = cells.edit(prev_route.params["match"], question)
                if edited is not None:
                    return f"{previous_user} ({question})", Route("numeric", "cells", {"match": edited})
        # 'Mục 2 thì sao?' after 'Mục 1 phần II ... nói gì?': the sibling of the section asked about
        labels = section_labels(question)
        if previous_user and len(labels) == 1 and "." not in labels[0] and labels[0].isdigit():
            _, prev_route = self._resolve(previous_user, history[: max(0, len(history) - 2)])
            if (
                prev_route.kind == "document"
                and prev_route.intent == "section"
                and prev_route.params["sections"]
            ):
                doc, sec = prev_route.params["sections"][0]
                parent = sec.label.rsplit(".", 1)[0] if "." in sec.label else sec.label
                sibling = doc.section(f"{parent}.{labels[0]}")
                if sibling is not None:
                    return f"{question} ({doc_name(doc)}, mục {sibling.label})", Route(
                        "document", "section", {"sections": [(doc, sibling)]}
                    )
        # 'Nhóm nào đạt tỷ lệ cao hơn?' after questions about groups C and D: those groups compared
        if self.corpus.criteria and re.search(r"\b(nhom|phu luc) nao\b.*\bhon\b", q):
            current = understand(question, self.corpus.criteria)
            if not current.scope.groups and not current.scope.appendices:
                earlier = [t.content for t in history if t.role == "user"][-4:]
                groups: list[str] = []
                for text in earlier:
                    for g in understand(text, self.corpus.criteria).scope.groups:
                        if g not in groups:
                            groups.append(g)
                if len(groups) >= 2:
                    names = " và ".join(f"nhóm {g}" for g in groups)
                    return self._with(question, f"{question.rstrip('?')} giữa {names}?")
        # 'Còn Thông tư 130/2025/TT-BQP?' after 'Ai ký Thông tư 127/2025/TT-BQP?': the previous question,
        # about the document this one names
        if previous_user and _ALSO.match(q) and len(q.split()) <= 12 and names_a_document(question):
            now = self.corpus.pick_documents(question)
            then = self.corpus.pick_documents(previous_user)
            if now and {d.doc_id for d in now} != {d.doc_id for d in then}:
                _, prev_route = self._resolve(previous_user, history[: max(0, len(history) - 2)])
                names = ", ".join(doc_name(d) for d in now[:3])
                if prev_route.kind == "document" and prev_route.intent not in ("list", "reference_followup"):
                    params = {**prev_route.params, "docs": [d.doc_id for d in now]}
                    return f"{previous_user} ({names})", Route("document", prev_route.intent, params)
        # 'Văn bản kia thì sao?': the previous question, about the other document(s)
        if previous_user and _OTHER_DOC.search(q):
            other = self._other_documents(previous_user, previous_answer)
            if other:
                _, prev_route = self._resolve(previous_user, history[: max(0, len(history) - 2)])
                if prev_route.kind == "document":
                    params = {**prev_route.params, "docs": [d.doc_id for d in other]}
                    names = ", ".join(doc_name(d) for d in other[:3])
                    return f"{previous_user} ({names})", Route("document", prev_route.intent, params)
                if len(other) == 1:
                    return self._with(question, f"{previous_user} ({doc_name(other[0])})")
        # 'Còn Trường THCS Nam Từ Liêm thì sao?' after 'Học phí Trường Tiểu học Nam Từ Liêm là bao
        # nhiêu?': the previous question, about the entity this one names in place of the one it named
        if (
            previous_user
            and _ALSO.match(q)
            and len(question.split()) <= 10
            and not names_a_document(question)
        ):
            _, prev_route = self._resolve(previous_user, history[: max(0, len(history) - 2)])
            if prev_route.kind in ("passage", "document") and prev_route.intent not in ("list", "outline"):
                rewritten = same_question_of(question, previous_user, self.corpus.folded_text)
                if rewritten:
                    return self._with(question, rewritten)
        # 'Thang điểm của tiêu chí đó là bao nhiêu?': the criterion named in the last turns.
        if (
            route.kind == "numeric"
            and not CODE.search(q)
            and re.search(r"\b(do|nay|tren|ay|no|vua roi|vua neu)\b", q)
        ):
            codes = [c.upper() for c in CODE.findall(folded(previous_answer) + " " + folded(previous_user))]
            if codes:
                code = codes[0]
                return self._with(question, f"{question} ({code})")
        # 'Văn bản bị bãi bỏ đó ban hành ngày nào?': the document the previous answer named (the one
        # repealed, replaced, cited), not the one the previous question was about
        named = _NAMED_BEFORE.search(q)
        if named and previous_user and not doc_numbers(question):
            rewritten = self._named_before(question, named, previous_user, previous_answer)
            if rewritten:
                return self._with(question, rewritten)
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

    def _describe(self, question: str, route: Route) -> dict[str, Any]:
        """How the question was understood, for ``data['query']``: the typed Query of a criteria
        question, else what is asked for (target), the operation and the scope the route names."""
        if route.intent == "grouped":
            asked = route.params["asked"]
            return {
                "target": "grouped_list",
                "operation": route.params["operation"],
                "scope": {
                    "docs": [asked.glist.doc.doc_id],
                    "members": [m.name for m in asked.members],
                    "groups": [g.title for g in asked.groups],
                },
            }
        if route.intent == "cells":
            m = route.params["match"]
            return {
                "target": "cells",
                "operation": operation_of(question),
                "scope": {
                    "docs": [m.doc.doc_id],
                    "rows": [cells.row_name(m.grid, i) for i in m.rows],
                    "columns": [m.column_name(j) for j in m.cols],
                },
            }
        if route.kind == "numeric":
            described = understand(question, self.corpus.criteria).to_dict()
            return {**described, "answered_by": route.intent}
        target = {"tasks": "assignments", "document": "document", "passage": "passages"}.get(
            route.kind, route.kind
        )
        scope: dict[str, Any] = {}
        if route.intent == "section":
            target = "sections"
            scope["sections"] = [f"{d.doc_id}:{s.label}" for d, s in route.params.get("sections", [])]
        for key in ("agencies", "docs", "numbers", "name"):
            if route.params.get(key):
                scope[key] = route.params[key]
        picked = [d.doc_id for d in self.corpus.pick_documents(question)]
        if picked and "docs" not in scope:
            scope["docs"] = picked
        return {"target": target, "operation": route.intent, "scope": scope}

    def _other_documents(self, previous_user: str, previous_answer: str) -> list[Any]:
        """The documents the previous turn was not about (named in its question, or in its answer)."""
        docs = list(self.corpus.docs.values())
        before = {d.doc_id for d in self.corpus.pick_documents(previous_user)}
        if not before and previous_answer:
            before = {d.doc_id for d in docs if doc_name(d) in previous_answer}
        if not before or len(before) == len(docs):
            return []
        return [d for d in docs if d.doc_id not in before]

    def _named_before(
        self, question: str, named: re.Match[str], previous_user: str, previous_answer: str
    ) -> str:
        """The question with 'văn bản bị bãi bỏ đó' replaced by the one document the previous answer
        names besides the documents the previous question was about; '' when that is not one."""
        kind = named.group(1)
        described = named.group(0)[len(kind) :].split()[0] in ("bi", "duoc", "vua", "noi")
        before = self.corpus.pick_documents(previous_user)
        if not described and (kind == "van ban" or any(fold(d.doc_type) == kind for d in before)):
            return ""  # 'Ai ký văn bản đó?' after a question about one document: that document
        previous = previous_answer or self.ask(previous_user).answer
        about = {d.number.upper() for d in before if d.number}
        refs = [
            r
            for r in find_refs(previous, 0)
            if r.number.upper() not in about and (kind == "van ban" or fold(r.kind) == kind)
        ]
        numbers = list(dict.fromkeys(r.number for r in refs))
        if len(numbers) != 1:
            return ""
        ref = next(r for r in refs if r.number == numbers[0])
        # the phrase's words as typed: folding keeps the words, so they are counted on the folded text
        words = question.split()
        start = len(folded(question)[: named.start()].split())
        end = start + len(named.group(0).split())
        return " ".join([*words[:start], f"{ref.kind} số {ref.number}", *words[end:]])

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
        group = re.search(r"\bnhom (?:tieu chi )?([a-h])\b", q)
        appendix = re.search(r"\bphu luc (?:so )?(iii|ii|iv|i|0?[1-4])\b", q)
        if prev_route.kind == "numeric" and group:
            g = group.group(1).upper()
            if re.search(r"(?i)nhóm( tiêu chí)? [A-D]\b", previous):
                return re.sub(r"(?i)nhóm( tiêu chí)? [A-D]\b", f"nhóm tiêu chí {g}", previous)
            if re.search(r"\bnhom( tieu chi)? [a-h]\b", folded(previous)):  # typed without accents
                return re.sub(r"\bnhom( tieu chi)? [a-h]\b", f"nhóm tiêu chí {g}", folded(previous))
            return f"{previous} nhóm {g}"
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
        if corpus.absent(question):  # a place or a year no document mentions: nothing can answer it
            return not_found(corpus, question, {"route": {"kind": route.kind, "intent": route.intent}})
        if route.intent == "deadlines":
            return answer_deadlines(corpus, question) or self._passage(question)
        if route.intent == "grouped":
            return answer_grouped(corpus, question, route.params["asked"], route.params["operation"])
        if route.kind == "numeric" and route.intent == "cells":
            return answer_cells(corpus, question, route.params["match"]) or self._passage(question)
        if route.kind == "numeric" and route.intent == "query":
            return answer_query(corpus, question, route.params["query"])
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
                directory = corpus.agencies
                if directory and any(directory.tasks_for(k) for k in route.params["agencies"]):
                    # tasks in other documents, none read in the one asked about: its text is searched,
                    # unless it does not even name the agency
                    absent = answer_not_in_named(corpus, question, route.params["agencies"])
                    return absent or self._passage(question)
                return self._unknown_agency(question, route.params["agencies"][0])
            if route.intent == "which_agency":
                return answer_which_agency(corpus, question) or self._passage(question)
            if route.intent == "common":
                return answer_common_agencies(corpus, question) or self._passage(question)
            if route.intent == "unknown_agency":
                return self._unknown_agency(question, route.params["name"])
        if route.kind == "document":
            if route.intent == "signed_by":
                return answer_signed_by(corpus, question, signed_by(corpus, question))
            if route.intent == "missing_section":
                return answer_missing_section(corpus, route.params["labels"], route.params["in"])
            if route.intent == "phrase_mentions":
                return answer_phrase_mentions(corpus, question) or self._passage(question)
            if route.intent == "mentions":
                return answer_mentions(corpus, question, route.params["numbers"]) or self._passage(question)
            if route.intent == "reference":
                return answer_reference(
                    corpus, route.params["numbers"], route.params.get("unstated", "")
                ) or self._passage(question)
            if route.intent == "section":
                answer = answer_sections(corpus, question, route.params["sections"])
                if self.llm is not None and answer.kind == "passage":
                    return self._phrase_with_llm(question, answer)  # from the cited sections only
                return answer
            if route.intent == "person":
                return answer_person(corpus, question)
            if route.intent == "order":
                return answer_order(corpus, question, folded(question)) or self._passage(question)
            if route.intent == "outline":
                return answer_outline(corpus, question) or self._passage(question)
            if route.intent == "reference_followup":
                return self._reference_followup(question, route.params["previous"]) or self._passage(question)
            return answer_document(
                corpus, question, route.params.get("intents", [route.intent]), route.params.get("docs")
            ) or self._passage(question)
        return self._passage(question)

    def _unknown_agency(self, question: str, name: str) -> Answer:
        """A name no task is given to: a partner's answer if it is one, else the one agency a loosely
        typed name must mean, else not found with the closest names."""
        directory = self.corpus.agencies
        if directory is not None and not directory.partner_roles(name):
            loose = answer_loosely_named(self.corpus, question, name)  # before the costlier suggestions
            if loose is not None:
                return loose
        return answer_unknown_agency(self.corpus, name)

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


# A follow-up about the other document ('Văn bản kia thì sao?', 'còn công văn còn lại?').
# A document named by what the previous answer said of it: 'văn bản bị bãi bỏ đó', 'quyết định được
# dẫn ở trên', 'văn bản vừa nêu'.
_NAMED_BEFORE = re.compile(
    r"\b(van ban|quyet dinh|nghi quyet|thong tu|nghi dinh|chi thi|cong van|luat) "
    r"(?:(?:bi|duoc) (?:bai bo|thay the|sua doi|bo sung|dan|neu|nhac|trich dan)(?: (?:den|toi|o|tren))? )?"
    r"(?:do|nay|kia|ay|tren|vua neu|noi tren)\b"
)
_ALSO = re.compile(r"^(?:con|the con|vay con|va|con voi)\b")
_ALSO_WORDS = re.compile(r"(?i)^\s*(?:thế còn|vậy còn|còn với|còn|và|the con|vay con|con voi|con|va)\s+")
_ALSO_TAIL = re.compile(r"(?i)\s*(?:thì sao|thi sao|thế nào|the nao|ra sao|nhỉ|nhi|nữa|nua)?\s*[?.!]*\s*$")
# a frame before the subject of a question ('Theo Nghị định 303/2025/NĐ-CP, vụ thuộc bộ ...')
_FRAME = re.compile(r"^(?:theo|trong|tại|tai|ở|o)\b[^,]{1,120},\s*", re.I)


def _capitalised(words: list[str], i: int) -> bool:
    """A word written with a capital that names something (the question's first word's is the sentence's)."""
    return i > 0 and words[i][:1].isupper()


def _phrase(words: list[str]) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(" ".join(words))).split())


def same_question_of(followup: str, previous: str, text: str) -> str:
    """The previous question with the entity a 'Còn X thì sao?' follow-up names put in place of the
    one it named (``text``: the corpus folded, where names are looked up): the run of words starting with X's head word ('Trường THCS Nam Từ Liêm' for
    'Trường Tiểu học Nam Từ Liêm'), or, for a common noun ('cục'), the subject's head noun ('vụ
    thuộc bộ cần ...' -> 'cục thuộc bộ cần ...'); '' when neither is found."""
    entity = _ALSO_TAIL.sub("", _ALSO_WORDS.sub("", followup.strip())).strip(" ,")
    if not entity or len(entity.split()) > 8:
        return ""
    words = previous.split()
    head = fold(entity.split()[0])
    for i, w in enumerate(words):
        if fold(w.strip(",.;:?")) != head:
            continue
        # the head word and what names this one: capitalised words and numbers after it
        j = i + 1
        while (
            j < len(words)
            and (
                words[j][:1].isupper()
                or words[j][:1].isdigit()
                # a lowercase syllable of a name ('Tiểu học', 'Giáo dục và Đào tạo'): next to a capitalised
                # one, and the name so far written so in the documents
                or (
                    (_capitalised(words, j - 1) or (j + 1 < len(words) and _capitalised(words, j + 1)))
                    and f" {_phrase(words[i : j + 1])} " in text
                )
            )
        ):
            j += 1
        if j == i + 1 and len(entity.split()) > 1 and not entity.split()[1][:1].isupper():
            continue
        tail = words[j - 1][len(words[j - 1].rstrip(",.;:?")) :]
        return " ".join([*words[:i], entity + tail, *words[j:]])
    if entity[:1].islower() and len(entity.split()) <= 2:
        frame = _FRAME.match(previous)
        rest = previous[frame.end() :] if frame else previous
        first = rest.split()[0] if rest.split() else ""
        if first[:1].islower() and fold(first) not in {"co", "khi", "nhung", "cac", "ai", "bao"}:
            return previous[: len(previous) - len(rest)] + entity + rest[len(first) :]
    return ""


_OTHER_DOC = re.compile(
    r"\b(van ban|cong van|ke hoach|quyet dinh|tai lieu|cai) (kia|con lai|khac|thu hai|con lai thi sao)\b"
)

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
