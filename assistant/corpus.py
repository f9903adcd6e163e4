"""The parsed corpus held in memory: documents by id, criteria rows, totals and the agency directory."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.agencies import AgencyDirectory, Assignment, GeneralTask, extract_assignments, general_tasks
from assistant.documents import load_corpus
from assistant.model import CriterionRow, DocRef, Document, Section, TableTotal
from assistant.parsecache import ParseCache, Parsed
from assistant.text import doc_numbers, fold

logger = logging.getLogger(__name__)


@dataclass
class Corpus:
    docs: dict[str, Document]
    criteria: list[CriterionRow] = field(default_factory=list)
    totals: list[TableTotal] = field(default_factory=list)
    agencies: AgencyDirectory | None = None
    assignments: list[Assignment] = field(default_factory=list)
    general: dict[str, list[GeneralTask]] = field(default_factory=dict)  # by document id

    @classmethod
    def from_documents(cls, docs: list[Document]) -> Corpus:
        return cls.from_parsed([Parsed(d, extract_assignments(d), general_tasks(d)) for d in docs])

    @classmethod
    def from_parsed(cls, parsed: list[Parsed]) -> Corpus:
        """The corpus of documents whose per-document facts are already extracted (the parse cache)."""
        by_id = {p.doc.doc_id: p for p in sorted(parsed, key=lambda p: p.doc.doc_id)}
        docs = {doc_id: p.doc for doc_id, p in by_id.items()}
        assignments = [a for p in by_id.values() for a in p.assignments]
        return cls(
            docs=docs,
            criteria=[r for d in docs.values() for r in d.criteria],
            totals=[t for d in docs.values() for t in d.totals],
            agencies=AgencyDirectory(assignments, places=[d.place for d in docs.values() if d.place]),
            assignments=assignments,
            general={doc_id: list(p.general) for doc_id, p in by_id.items()},
        )

    @classmethod
    def load(cls, directory: Path, cache: ParseCache | None = None) -> Corpus:
        """The corpus of a folder, parsed through ``cache`` when given."""
        if cache is None:
            return cls.from_documents(load_corpus(directory))
        return cls.from_parsed(cache.load_corpus(directory))

    def doc(self, doc_id: str) -> Document | None:
        return self.docs.get(doc_id)

    def section(self, doc_id: str, label: str) -> Section | None:
        d = self.docs.get(doc_id)
        return d.section(label) if d else None

    def totals_for(self, doc_id: str) -> list[TableTotal]:
        return list(self.docs[doc_id].totals) if doc_id in self.docs else []

    @functools.cached_property
    def _numbers(self) -> tuple[set[str], dict[str, DocRef]]:
        """The corpus's own document numbers and the numbers it only cites, folded and uppercased
        (worked out once: every question is checked against them)."""
        own = {fold(d.number).upper() for d in self.docs.values() if d.number}
        cited = {
            fold(r.number).upper(): r for d in self.docs.values() for r in [*d.bases, *d.refs] if r.number
        }
        return own, {k: r for k, r in cited.items() if k not in own}

    def referenced_numbers(self, question: str) -> list[str]:
        """Numbers of documents the question names that the corpus cites but does not hold
        ('Nghị quyết 168/NQ-CP', 'Công văn 1353/TTTP-NV6', or 'Nghị quyết 168' when one cited
        resolution has that number), as the citing document writes them."""
        own, cited = self._numbers
        found = [cited[n].number for n in doc_numbers(question) if n in cited]
        q = fold(question)
        for kind, num in re.findall(r"\b(nghi quyet|nghi dinh|cong van|van ban|ke hoach|chi thi|quyet dinh|thong tu)"
                                    r" (?:so )?(\d+)\b(?![/-])", q):  # fmt: skip
            if any(o.split("/")[0].split("-")[0] == num for o in own):
                continue  # 'Công văn 410': the one the corpus holds
            found += [
                r.number
                for key, r in cited.items()
                if re.split(r"[/-]", key)[0] == num and (kind == "van ban" or fold(r.kind) == kind)
            ]
        return list(dict.fromkeys(found))

    def pick_documents(self, question: str) -> list[Document]:
        """The documents a question names (by number, type, place or issuer); [] when it names none."""
        q = fold(question)
        scored: list[tuple[int, Document]] = []
        for d in self.docs.values():
            score = 0
            if d.number:
                num = fold(d.number)
                head = num.split("/")[0]
                if num in q:
                    score += 5
                elif re.search(rf"(?<![\d/]){re.escape(head)}(?![\d/])", q) and len(head) >= 2:
                    score += 3
            if d.doc_type and re.search(rf"\b{re.escape(fold(d.doc_type))}\b", q):
                score += 2
            if d.place and fold(d.place) in q:
                score += 2
            if d.issuer:
                place_words = fold(d.issuer).split()[-2:]
                if len(place_words) == 2 and " ".join(place_words) in q:
                    score += 1
            if score:
                scored.append((score, d))
        if not scored:
            return []
        top = max(s for s, _ in scored)
        return [d for s, d in scored if s == top]
