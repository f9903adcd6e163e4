"""The parsed corpus held in memory: documents by id, criteria rows, totals and the agency directory."""

from __future__ import annotations

import functools
import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from assistant.agencies import AgencyDirectory, Assignment, GeneralTask, extract_assignments, general_tasks
from assistant.documents import corpus_files, find_refs, load_corpus
from assistant.errors import CorpusError
from assistant.model import CriterionRow, DocRef, Document, Section, TableTotal
from assistant.parsecache import ParseCache, Parsed
from assistant.places import PROVINCES, locality_name, named_localities, named_places
from assistant.text import (
    ABBREVIATIONS,
    doc_numbers,
    expand_abbreviations,
    fold,
    plain,
    syllables,
    text_hash,
    written_as,
)

logger = logging.getLogger(__name__)


# words before a section title that are not its own ('Các nhóm nhiệm vụ' is titled 'nhóm nhiệm vụ')
TITLE_LEAD = re.compile(r"^(?:cac|nhung|ve|con)\s+")


# the kinds of documents, folded; also a document type asked about ('Nghị quyết nào ...?'), which
# names no document
TYPE_WORDS = frozenset(
    (
        "nghi quyet",
        "quyet dinh",
        "cong van",
        "ke hoach",
        "thong bao",
        "chi thi",
        "nghi dinh",
        "thong tu",
        "van ban",
        "cong dien",
        "bao cao",
    )
)


# Kinds of documents as officials shorten them before a number ('CĐ 217', 'TB 983', 'QĐ 26/2025');
# alone, several are other words (CT Chủ tịch, TT Thanh tra, CĐ cao đẳng), so only before a number.
KIND_ABBREVIATIONS = {
    "cv": "cong van",
    "kh": "ke hoach",
    "qd": "quyet dinh",
    "nq": "nghi quyet",
    "ct": "chi thi",
    "tb": "thong bao",
    "tt": "thong tu",
    "nd": "nghi dinh",
    "cd": "cong dien",
    "bc": "bao cao",
}
_KIND_BEFORE_NUMBER = re.compile(rf"\b({'|'.join(KIND_ABBREVIATIONS)})(?: so)? ?(?=\d)")
# 'báo cáo' is left out: in a question it is mostly the verb ('Sở Tài chính báo cáo gì?')
_NAMES_DOCUMENT = re.compile(rf"\b({'|'.join(sorted(TYPE_WORDS - {'bao cao'}))}|quy che|quy dinh)\b|\d+/\d*")


def with_kinds_spelled(folded: str) -> str:
    """Folded text with a document kind shortened before a number written out ('cd 217' ->
    'cong dien 217')."""
    return _KIND_BEFORE_NUMBER.sub(lambda m: f"{KIND_ABBREVIATIONS[m.group(1)]} ", folded)


def naming_words(docs: list[Document], *, issuer: bool = False) -> set[str]:
    """The folded words that name ``docs`` in a question: their type, place, number (and its parts),
    and with ``issuer`` the issuer's words ('Công văn 410 của UBND thành phố Hải Phòng')."""
    words: set[str] = set()
    for d in docs:
        words.update(syllables(f"{d.doc_type} {d.place} {d.issuer if issuer else ''}"))
        if d.number:
            words.update(plain(d.number).split())
    return words


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def has_words(text: str, phrase: str) -> bool:
    """Whether ``phrase`` is in ``text`` between word boundaries, as ``\\b<phrase>\\b`` would find
    it, but by ``str.find``: asked of the whole corpus's text for a question, that regular
    expression (which has no fast scan for a pattern opening with ``\\b``) took 150 ms on a
    province's corpus of 13 MB, ``str.find`` a few milliseconds."""
    if not phrase:
        return re.search(r"\b", text) is not None
    first, last = _word_char(phrase, 0), _word_char(phrase, len(phrase) - 1)
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if _word_char(text, i - 1) != first and _word_char(text, j) != last:
            return True
        i = text.find(phrase, i + 1)
    return False


def names_a_document(question: str) -> bool:
    """Whether a question names a document by its kind or number ('theo QĐ 26/2025', 'Công điện
    217', 'CĐ 217'); a place alone names none."""
    return _NAMES_DOCUMENT.search(with_kinds_spelled(expand_abbreviations(fold(question)))) is not None


@dataclass
class Corpus:
    docs: dict[str, Document]
    criteria: list[CriterionRow] = field(default_factory=list)
    totals: list[TableTotal] = field(default_factory=list)
    agencies: AgencyDirectory | None = None
    assignments: list[Assignment] = field(default_factory=list)
    general: dict[str, list[GeneralTask]] = field(default_factory=dict)  # by document id
    # each document as parsed with its own facts, by id: a reload reuses the unchanged ones
    parsed: dict[str, Parsed] = field(default_factory=dict, repr=False, compare=False)
    # the documents the last questions named (pick_documents), by question
    _picked: dict[str, list[Document]] = field(default_factory=dict, repr=False, compare=False)
    _picked_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

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
            parsed=by_id,
        )

    @classmethod
    def load(cls, directory: Path, cache: ParseCache | None = None, previous: Corpus | None = None) -> Corpus:
        """The corpus of a folder, parsed through ``cache`` when given; the documents of
        ``previous`` whose text has not changed are taken as they are (a reload after an ingest
        reads the folder's texts, and parses or unpickles only what is new)."""
        if cache is None:
            return cls.from_documents(load_corpus(directory))
        if previous is None or not previous.parsed:
            return cls.from_parsed(cache.load_corpus(directory))
        if not directory.is_dir():
            raise CorpusError(f"Không tìm thấy thư mục tài liệu {directory}.")
        parsed = []
        for path in corpus_files(directory):
            held = previous.parsed.get(path.stem)
            if held is not None and held.doc.path == str(path):
                try:
                    same = held.doc.content_hash == text_hash(path.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError):
                    same = False  # parse_file says why
                if same:
                    parsed.append(held)
                    continue
            parsed.append(cache.parse_file(path))
        logger.info(
            "reloaded corpus: %d held, %d from the cache, %d parsed",
            len(parsed) - cache.hits - cache.misses,
            cache.hits,
            cache.misses,
        )
        return cls.from_parsed(parsed)

    def doc(self, doc_id: str) -> Document | None:
        return self.docs.get(doc_id)

    def section(self, doc_id: str, label: str) -> Section | None:
        d = self.docs.get(doc_id)
        return d.section(label) if d else None

    def totals_for(self, doc_id: str) -> list[TableTotal]:
        return list(self.docs[doc_id].totals) if doc_id in self.docs else []

    @functools.cached_property
    def section_titles(self) -> dict[str, list[tuple[Document, Section, str]]]:
        """Every section's title folded, abbreviations expanded, without a leading 'các'/'những', by
        its first word (worked out once; questions naming a title are matched against these)."""
        out: dict[str, list[tuple[Document, Section, str]]] = {}
        for d in self.docs.values():
            for sec in d.walk():
                if sec.kind == "header" or not sec.title:
                    continue
                title = TITLE_LEAD.sub("", plain(expand_abbreviations(fold(sec.title))))
                if title:
                    out.setdefault(title.split()[0], []).append((d, sec, title))
        return out

    @functools.cached_property
    def folded_text(self) -> str:
        """Every document's text folded and single-spaced, punctuation as spaces (phrase look-ups)."""
        return " ".join(re.sub(r"[^\w]+", " ", fold(" ".join(d.lines))) for d in self.docs.values())

    @functools.cached_property
    def plain_docs(self) -> dict[str, str]:
        """Per document, all its folded lines joined: whether a phrase is in it, in one look."""
        return {d: "".join(t for _, t in lines) for d, lines in self.plain_lines.items()}

    @functools.cached_property
    def tasks_by_agency(self) -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
        """Per agency key, the labels of its tasks per document, and the agency's name: what
        questions across documents look up, built once instead of per question."""
        by_agency: dict[str, dict[str, list[str]]] = {}
        names: dict[str, str] = {}
        for a in self.assignments:
            by_agency.setdefault(a.agency_key, {}).setdefault(a.doc, []).append(a.section)
            names.setdefault(a.agency_key, a.agency)
        return by_agency, names

    @functools.cached_property
    def plain_lines(self) -> dict[str, list[tuple[int, str]]]:
        """Per document, its logical lines folded to words (' so tu phap '), with their line numbers:
        phrase look-ups over every line without folding them again per question."""
        return {
            d.doc_id: [(n, f" {plain(t)} ") for n in range(1, len(d.lines) + 1) if (t := d.line(n))]
            for d in self.docs.values()
        }

    @functools.cached_property
    def _mentioned(self) -> tuple[frozenset[str], frozenset[str]]:
        """The provinces (folded) and the years any document mentions, found once per corpus."""
        # over the folded text already kept for phrase look-ups, not a second pass over every file
        by_plain = {plain(p): fold(p) for p in PROVINCES}
        rx = re.compile(
            r"\b(" + "|".join(re.escape(n) for n in sorted(by_plain, key=len, reverse=True)) + r")\b"
        )
        places = {by_plain[m] for m in rx.findall(self.folded_text)}
        years = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", self.folded_text))
        return frozenset(places), frozenset(years)

    def spell_out(self, question: str) -> list[tuple[str, str]]:
        """Initialisms the question uses that no document writes and no alias table knows, with
        the name they stand for in the documents ('PVHCC' -> 'Phục vụ hành chính công' where the
        documents name 'Trung tâm Phục vụ hành chính công'; 'Bộ NV' -> 'Nội vụ'): the name whose
        words' initials spell it, after the word the question puts before it. Only a name found
        and the most frequent by far is given; [] when none is."""
        out: list[tuple[str, str]] = []
        words = re.findall(r"\w+", question)
        # parts of a compound abbreviation ('GD&ĐT', 'VH-XH', 'VH,TT&DL') are the alias table's
        joined = {
            w for m in re.finditer(r"\w+(?:[&\-,/]\w+)+", question) for w in re.findall(r"\w+", m.group(0))
        }
        for i, token in enumerate(words):
            if token in joined:
                continue
            key = fold(token)
            if not (2 <= len(token) <= 6 and token.isupper() and key.isalpha()):
                continue
            if key in ABBREVIATIONS or key in KIND_ABBREVIATIONS:
                continue  # known already ('UBND'), or a kind of document ('TB 634', 'QĐ 26')
            context = fold(words[i - 1]) if i > 0 and not words[i - 1].isupper() else ""
            if f" {context} {key} ".replace("  ", " ") in self.folded_text:
                continue  # the documents write it so ('Sở GTVT'): search finds it as written
            if len(key) < 3 and not context:
                continue  # two letters alone spell too many names
            found = self._initialism(key, context)
            if found:
                out.append((token, found))
        return out

    def _initialism(self, key: str, context: str) -> str:
        # worked out once per corpus and initialism: a scan of the documents that hold its letters
        cache: dict[tuple[str, str], str] = self.__dict__.setdefault("_initialisms", {})
        if (key, context) not in cache:
            cache[(key, context)] = self._find_initialism(key, context)
        return cache[(key, context)]

    def _find_initialism(self, key: str, context: str) -> str:
        initials = " ".join(rf"{c}\w*" for c in key)
        pattern = re.compile(rf"\b{re.escape(context) + ' ' if context else ''}({initials})\b")
        counts: dict[str, int] = {}
        following: dict[str, dict[str, int]] = {}
        for doc_id, lines in self.plain_lines.items():
            if not pattern.search(self.plain_docs[doc_id]):
                continue
            doc = self.docs[doc_id]
            for n, text in lines:
                for m in pattern.finditer(text):
                    written = written_as(doc.line(n), m.group(1).split())
                    if written:
                        counts[written] = counts.get(written, 0) + 1
                        after = text[m.end() :].split()[:1]
                        word = after[0] if after else ""
                        seen_after = following.setdefault(written, {})
                        seen_after[word] = seen_after.get(word, 0) + 1
        if not counts:
            return ""
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        # a name met once among others as often is a guess: say nothing
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return ""
        name, seen = ranked[0]
        # a name whose last syllable is the first half of a word ('giáo dục pháp' of 'pháp luật'
        # for 'GDP'): the documents write that syllable with the same next one nearly always
        nxt, times = max(following[name].items(), key=lambda kv: kv[1])
        if nxt and times >= 0.8 * seen:
            last = fold(name.split()[-1])
            alone = len(re.findall(rf"\b{re.escape(last)}\b", self.folded_text))
            pair = len(re.findall(rf"\b{re.escape(last)} {re.escape(nxt)}\b", self.folded_text))
            if alone and pair >= 0.6 * alone:
                return ""
        return name

    def absent(self, question: str) -> list[str]:
        """What a question names that no document mentions at all: a province or city, a year.

        Nothing in the corpus can answer about those; the answer says so instead of quoting another
        place's or year's text."""
        places, years = self._mentioned
        out = [p for p in named_places(question) if fold(p) not in places]
        for local in named_localities(question):
            name = locality_name(local)
            if any(fold(p) == name for p in out):
                continue  # a province already named
            if not has_words(self.folded_text, name) and local not in out:
                out.append(local)
        # a document of a place ('kế hoạch ... của huyện Thủy Nguyên') when no document of that kind is
        # that place's: the place may be named in the text, but not as the issuer
        q = fold(question)
        kinds = list(
            re.finditer(r"\b(ke hoach|cong van|quyet dinh|chi thi|thong bao|bao cao|nghi quyet)\b", q)
        )
        # a document named by a number the corpus cites is that document, wherever it is from
        if kinds and not out and not self.referenced_numbers(question):
            # 'Những quyết định nào của tỉnh Kon Tum hết hiệu lực theo QĐ 44/2025/QĐ-UBND?': asked
            # through a document held, whose text names the place
            numbers = {fold(n) for n in doc_numbers(question)}
            through = [
                self.plain_docs.get(d.doc_id, "") for d in self.docs.values() if fold(d.number) in numbers
            ]
            for local in [*named_localities(question), *named_places(question)]:
                name = locality_name(local)
                if any(re.search(rf"\b{re.escape(name)}\b", text) for text in through):
                    continue
                of = re.search(rf"\bcua (?:\w+ ){{0,3}}{re.escape(name)}\b", q)
                before = [k for k in kinds if k.start() < of.start()] if of else []
                if not before:
                    continue
                kind = before[-1].group(1)  # the place belongs to the nearest document named before it
                same_kind = [d for d in self.docs.values() if fold(d.doc_type) == kind]
                if same_kind and not any(name in fold(f"{d.issuer} {d.place}") for d in same_kind):
                    out.append(f"{same_kind[0].doc_type} của {local}")
        # a law by its name ('Luật Đất đai') that no document names
        for m in re.finditer(
            r"\b(luat|bo luat|phap lenh) ((?:[a-z]+ ){1,3}?[a-z]+)(?= \d{4}\b| co\b| duoc\b| quy\b| la\b|\?|$)",
            fold(question),
        ):
            phrase = f"{m.group(1)} {m.group(2)}"
            if phrase not in self.folded_text:
                out.append(phrase)
        for year in dict.fromkeys(re.findall(r"(?<![\d/.,])((?:19|20)\d\d)(?![\d/.,])", question)):
            if year not in years:
                out.append(f"năm {year}")
        out.extend(self._unknown_numbers(question))
        return out

    def _unknown_numbers(self, question: str) -> list[str]:
        """Documents a question names by number that the corpus neither holds nor cites: a full number
        ('Thông tư 36/2024/TT-BXD' beside the held 36/2025/TT-BXD) or a kind and its number ('Công
        điện 225', 'CĐ 225') when no document of that kind has it. Answering them from the nearest
        document would pass another document off as the one asked about."""
        own, cited = self._numbers
        out = [n for n in doc_numbers(question) if n not in own and n not in cited]
        if out:
            return out
        q = with_kinds_spelled(fold(question))
        kinds = "|".join(sorted(TYPE_WORDS - {"van ban", "bao cao"}))
        for kind, num in re.findall(rf"\b({kinds}) (?:so )?(\d+)\b(?![/\-.,]\d)", q):
            same = [d for d in self.docs.values() if fold(d.doc_type) == kind]
            heads = {plain(d.number).split()[0] for d in same if d.number}
            held_or_cited = num.lstrip("0") in {h.lstrip("0") for h in heads} or any(
                n.split("/")[0].lstrip("0") == num.lstrip("0") for n in cited
            )
            if same and not held_or_cited:
                out.append(f"{same[0].doc_type} {num}")
        return out

    @functools.cached_property
    def _numbers(self) -> tuple[set[str], dict[str, DocRef]]:
        """The corpus's own document numbers and the numbers it only cites, folded and uppercased
        (worked out once: every question is checked against them)."""
        own = {fold(d.number).upper() for d in self.docs.values() if d.number}
        cited: dict[str, DocRef] = {}
        for d in self.docs.values():
            for r in [*d.bases, *d.refs, *(ref for _, ref in self.body_refs.get(d.doc_id, []))]:
                if r.number:
                    cited.setdefault(fold(r.number).upper(), r)
        return own, {k: r for k, r in cited.items() if k not in own}

    @functools.cached_property
    def body_refs(self) -> dict[str, list[tuple[str, DocRef]]]:
        """Documents cited in the body of each document ('... Chỉ thị số 05-CT/TW ngày 15/5/2016 của
        Bộ Chính trị ...'), with the label of the section citing them; found once per corpus."""
        out: dict[str, list[tuple[str, DocRef]]] = {}
        for d in self.docs.values():
            spans = [(s.line_start, s.line_end, s.level, s.label) for s in d.walk() if s.kind != "header"]
            for n in range(1, len(d.lines) + 1):
                text = d.line(n)
                if not text or not re.search(r"\d+/|\d+-[A-ZĐ]", text):
                    continue
                holders = [x for x in spans if x[0] <= n <= x[1]]
                if not holders:
                    continue
                label = max(holders, key=lambda x: x[2])[3]
                out.setdefault(d.doc_id, []).extend((label, r) for r in find_refs(text, n))
        return out

    @property
    def own_numbers(self) -> set[str]:
        """The numbers of the documents the corpus holds, folded and uppercased."""
        return self._numbers[0]

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

    @functools.cached_property
    def _naming(self) -> list[tuple[Document, str, str, str, str, str, re.Pattern[str] | None]]:
        """Per document, folded once: its number, the number's head, its type, place, issuer's tail,
        and the pattern of the number's first two parts ('74/2025' of 74/2025/NQ-HĐND), compiled
        once (made per question, one per document, they overflowed the ``re`` module's cache)."""
        out = []
        for d in self.docs.values():
            num = fold(d.number) if d.number else ""
            tail = fold(d.issuer).split()[-2:] if d.issuer else []
            short = (
                re.compile(rf"(?<![\d/]){re.escape('/'.join(num.split('/')[:2]))}(?![\d])")
                if num.count("/") >= 2
                else None
            )
            out.append(
                (
                    d,
                    num,
                    num.split("/")[0] if num else "",
                    fold(d.doc_type) if d.doc_type else "",
                    fold(d.place) if d.place else "",
                    " ".join(tail) if len(tail) == 2 else "",
                    short,
                )
            )
        return out

    def pick_documents(self, question: str) -> list[Document]:
        """The documents a question names (by number, type, place or issuer); [] when it names none.
        A type asked about ('Nghị quyết nào nâng cấp ...?') names none.

        Answering one question asks this of the same text several times (the router, then the
        composer): the last few answers are kept (the corpus never changes; a reload makes a new one)."""
        with self._picked_lock:
            held = self._picked.get(question)
        if held is None:
            held = self._pick_documents(question)
            with self._picked_lock:
                self._picked[question] = held
                while len(self._picked) > 64:
                    self._picked.pop(next(iter(self._picked)))
        return list(held)

    def _pick_documents(self, question: str) -> list[Document]:
        q = re.sub(
            r"\b(\w+ \w+) (nao|gi)\b",
            lambda m: "" if m.group(1) in TYPE_WORDS else m.group(0),
            with_kinds_spelled(fold(question)),
        )
        words = set(re.findall(r"[\w]+", q))
        # a number of a quantity ('đạt 80 điểm', '30%') is not a document's number
        numbers = set(
            re.findall(
                r"(?<![\d/])\d+(?![\d/])(?! ?(?:%|diem|phan tram|ngay|thang|nam|nguoi|dong|trieu|ty))", q
            )
        )
        scored: list[tuple[int, Document]] = []
        by_number: list[
            Document
        ] = []  # named by their full number ('Thông tư 127/2025/TT-BQP và QĐ 75/2025/...')
        asked_numbers = set(doc_numbers(question))
        for d, num, head, doc_type, place, tail, short in self._naming:
            if (
                asked_numbers
                and num
                and num.upper() not in asked_numbers
                and any(n.split("/")[1:] == num.upper().split("/")[1:] for n in asked_numbers)
            ):
                continue  # 'Nghị quyết 74/2025/NQ-HĐND': not the one numbered 56/2025/NQ-HĐND
            score = 0
            if len(d.doc_id) >= 6 and fold(d.doc_id) in q:
                score += 6  # named by its file, as answers name a document whose number was not read
            if num:
                if num in q:
                    score += 5
                    by_number.append(d)
                elif short is not None and short.search(q):
                    score += 4  # '74/2025' of 74/2025/NQ-HĐND
                elif len(head) >= 2 and (head in numbers or (not head.isdigit() and head in q)):
                    score += 3
            if doc_type and doc_type.split()[0] in words and re.search(rf"\b{re.escape(doc_type)}\b", q):
                score += 2
            if place and place in q:
                score += 2
            if tail and tail in q:
                score += 1
            if score:
                scored.append((score, d))
        if not scored:
            return []
        if len(by_number) >= 2:
            return by_number  # each named by its number: all of them, however else they score
        top = max(s for s, _ in scored)
        return [d for s, d in scored if s == top]
