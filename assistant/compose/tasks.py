"""What an agency was given: every assignment across all documents, cited; general tasks apart."""

from __future__ import annotations

import difflib
import re
from typing import Any

from assistant.agencies import Assignment, agency_key, assignment_to_dict
from assistant.answers import Answer, CitationSet, best_quote
from assistant.compose.common import bullet_list, doc_name, part_name, say, short
from assistant.corpus import Corpus, names_a_document
from assistant.places import named_places
from assistant.text import expand_abbreviations, fold, plain, squash, syllables

_QUESTION_WORDS = set(
    syllables(
        "cơ quan đơn vị nào ai được đề nghị giao nhiệm vụ gì những các có phải làm cần là và của trong "
        "việc cho với về thì sao như thế nào"
    )
)


def _task_lines(a: Assignment) -> str:
    """The task text as a markdown list when it has bullets, else one paragraph."""
    parts = [p.strip().lstrip("-+• ").strip() for p in a.task.splitlines() if p.strip()]
    if len(parts) <= 1:
        return short(a.task, 900)
    return "\n".join(f"  - {short(p, 500)}" for p in parts)


def _cite(corpus: Corpus, cites: CitationSet, a: Assignment, focus: str) -> int:
    doc = corpus.docs[a.doc]
    sec = doc.section(a.section)
    if sec is None:
        # a point the parser made no section of ('b) Giao Thanh tra ...' inside item 1): its own lines,
        # under the label the assignment carries
        label = a.section
        while sec is None and "." in label:
            label = label.rsplit(".", 1)[0]
            sec = doc.section(label)
        if sec is None:  # pragma: no cover - assignments come from the same parse
            return 0
        quote, line = best_quote(doc, a.line_start, a.line_end, focus or a.task)
        return cites.add(doc, a.section, sec.title, quote, line, line)
    if any(t.line_start <= a.line_start <= t.line_end and a.line_start in t.row_lines for t in doc.tables):
        return cites.add_row(doc, sec, a.line_start)  # a row of a table of tasks: the whole row
    if a.line_start and sec.line_end - sec.line_start > _LONG_SECTION:
        # a long part (an appendix of many items): the task's own lines, not the best line of all of it
        quote, line = best_quote(doc, a.line_start, a.line_end, focus or a.task)
        return cites.add(doc, a.section, sec.title, quote, line, line)
    return cites.add_section(doc, sec, focus or a.task)


_LONG_SECTION = 60


def _roles(a: Assignment) -> str:
    """' (cùng với X; chủ trì; phối hợp với Y, Z)': who else was given the task, and who only works with
    the agency on it (a partner is never shown as an assignee)."""
    parts = [f"cùng với {', '.join(a.shared_with)}"] if a.shared_with else []
    if a.role == "chủ trì":
        parts.append("chủ trì")
    if a.partners:
        parts.append(f"phối hợp với {', '.join(a.partners)}")
    return f" ({'; '.join(parts)})" if parts else ""


def _partner_items(corpus: Corpus, cites: CitationSet, roles: list[tuple[str, Assignment]]) -> list[str]:
    """'Kế hoạch số 12/KH-UBND, mục I.1.đ: Công an tỉnh (chủ trì) [3]': each task worked on as a partner."""
    items = []
    for _, a in roles:
        cid = _cite(corpus, cites, a, a.task)
        lead = f"{a.agency} (chủ trì)" if a.role == "chủ trì" else a.agency
        items.append(f"{doc_name(corpus.docs[a.doc])}, {part_name(a.section)}: {lead} [{cid}]")
    return list(dict.fromkeys(items))


def _partner_data(roles: list[tuple[str, Assignment]]) -> list[dict[str, str]]:
    return [{"partner": n, "agency": a.agency, "doc": a.doc, "section": a.section} for n, a in roles]


def answer_agency_tasks(corpus: Corpus, question: str, keys: list[str]) -> Answer | None:
    directory = corpus.agencies
    if directory is None:
        return None
    cites = CitationSet()
    blocks: list[str] = []
    found: list[Assignment] = []
    partnered: list[tuple[str, Assignment]] = []
    # a document named by its kind or number ('theo QĐ 26/2025'); a place alone is the agency's own
    # ('Tòa án nhân dân khu vực 4 Hải Phòng'), not a document
    picked = corpus.pick_documents(question) if names_a_document(question) else []
    named = {d.doc_id for d in picked} if picked and len(picked) < len(corpus.docs) else set()
    places = [fold(p) for p in named_places(question)]
    for key in keys:
        assignments = directory.tasks_for(key)
        if named:  # 'Sở Xây dựng chủ trì gì theo QĐ 26/2025?': that document's tasks only
            assignments = [a for a in assignments if a.doc in named]
        elif places:
            # 'Sở Nội vụ Nghệ An': each province has its own; that province's documents, when it has any
            local = [a for a in assignments if _of_place(corpus.docs[a.doc], places)]
            assignments = local or assignments
        if not assignments:
            continue
        found.extend(assignments)
        agency = assignments[0].agency
        docs = sorted({a.doc for a in assignments})
        lines = []
        for a in assignments:
            cid = _cite(corpus, cites, a, question)
            where = f"{doc_name(corpus.docs[a.doc])}, {part_name(a.section)}"
            lines.append(f"**{where}**{_roles(a)} [{cid}]:\n{_task_lines(a)}")
        block = (
            say("answer_tasks_lead", agency=agency, count=len(assignments), documents=len(docs))
            + "\n\n"
            + "\n\n".join(lines)
        )
        as_partner = [(n, a) for n, a in directory.partner_roles(key) if agency_key(n) == key]
        if as_partner:
            partnered.extend(as_partner)
            items = bullet_list(_partner_items(corpus, cites, as_partner))
            block += "\n\n" + say("answer_tasks_partner_also", agency=agency, items=items)
        blocks.append(block)
    if not found:
        return None
    general = _general_note(corpus, cites, sorted({a.doc for a in found}))
    text = "\n\n".join(blocks) + (f"\n\n{general}" if general else "")
    data: dict[str, object] = {"assignments": [assignment_to_dict(a) for a in found]}
    if partnered:
        data["partner_in"] = _partner_data(partnered)
    return Answer(answer=text, kind="tasks", citations=cites.items, data=data)


def _of_place(doc: Any, places: list[str]) -> bool:
    own = fold(f"{doc.place} {doc.issuer}")
    return any(p in own for p in places)


def answer_not_in_named(corpus: Corpus, question: str, keys: list[str]) -> Answer | None:
    """'Công điện 217 giao Sở Tư pháp việc gì?' when the agency has tasks in other documents and the
    one named neither assigns it any nor names it at all: that, and what that document assigns to
    whom. None when the named document names the agency (its text may hold a task not read as one)."""
    directory = corpus.agencies
    if directory is None or not keys or not names_a_document(question):
        return None
    picked = corpus.pick_documents(question)
    if not picked or len(picked) != 1:
        return None
    doc = picked[0]
    text = corpus.plain_docs.get(doc.doc_id, "")
    agency = directory.display(keys[0])
    if f" {plain(agency)} " in text or any(a.doc == doc.doc_id for k in keys for a in directory.tasks_for(k)):
        return None
    elsewhere = sorted({a.doc for k in keys for a in directory.tasks_for(k)})
    if not elsewhere:
        return None
    named = list(dict.fromkeys(a.agency for a in corpus.assignments if a.doc == doc.doc_id))
    if not named:
        return None
    return Answer(
        answer=say(
            "not_found_agency_in_document",
            document=doc_name(doc),
            agency=agency,
            elsewhere=", ".join(doc_name(corpus.docs[d]) for d in elsewhere[:5]),
            agencies=bullet_list(named[:30]),
        ),
        kind="not_found",
        data={"agency": agency, "document": doc.doc_id, "agencies_in_document": named},
    )


def _general_note(corpus: Corpus, cites: CitationSet, doc_ids: list[str]) -> str:
    items = []
    for doc_id in doc_ids:
        doc = corpus.docs[doc_id]
        for g in corpus.general.get(doc_id, []):
            sec = doc.section(g.section)
            if sec is None or sec.parent is not None:
                continue
            cid = cites.add_section(doc, sec.children[0] if sec.children else sec, "")
            items.append(f"{doc_name(doc)}, {part_name(sec.label, sec.title)} ({sec.title}) [{cid}]")
    if not items:
        return ""
    return say("answer_tasks_general", items=bullet_list(items))


def _agencies_of_documents(corpus: Corpus, docs: list[Any]) -> Answer:
    """'Kế hoạch X giao nhiệm vụ cho những cơ quan nào?': every agency the document gives a task to,
    each with the sections it is given in, cited; a document giving none says so."""
    cites = CitationSet()
    blocks = []
    names: list[str] = []
    for doc in docs[:3]:
        by_agency: dict[str, list[str]] = {}
        for a in corpus.assignments:
            if a.doc != doc.doc_id:
                continue
            sec = doc.section(a.section)
            cid = cites.add_section(doc, sec, a.agency) if sec is not None else 0
            refs = by_agency.setdefault(a.agency, [])
            ref = part_name(a.section) + (f" [{cid}]" if cid else "")
            if ref not in refs:
                refs.append(ref)
        if not by_agency:
            blocks.append(f"{doc_name(doc)} không giao nhiệm vụ cho cơ quan, đơn vị cụ thể nào.")
            continue
        names.extend(by_agency)
        lines = [f"- **{name}**: {', '.join(refs)}" for name, refs in by_agency.items()]
        blocks.append(
            f"**{doc_name(doc)}** giao nhiệm vụ cho {len(by_agency)} cơ quan, đơn vị:\n\n" + "\n".join(lines)
        )
    kind = "tasks" if names else "not_found"
    return Answer(answer="\n\n".join(blocks), kind=kind, citations=cites.items, data={"agencies": names})


def answer_which_agency(corpus: Corpus, question: str) -> Answer | None:
    """'Cơ quan nào được đề nghị đẩy mạnh điều tra ...?': the item whose task matches, and its agencies."""
    directory = corpus.agencies
    if directory is None:
        return None
    picked = corpus.pick_documents(question)
    scope = {d.doc_id for d in picked} if picked and len(picked) < len(corpus.docs) else set(corpus.docs)
    # the words that name the document are not the task asked about ('Thông báo 39693 giao ... ?')
    # (and the name answers give it: 'Nghị quyết (tệp …, không đọc được số)')
    naming = set(syllables(" ".join(f"{d.doc_type} {d.number} {d.place} {doc_name(d)}" for d in picked)))
    want = set(syllables(question)) - _QUESTION_WORDS - naming
    if not want and picked and len(scope) < len(corpus.docs):
        return _agencies_of_documents(corpus, [d for d in picked if d.doc_id in scope])
    if not want:
        return None
    by_item: dict[tuple[str, str], list[Assignment]] = {}
    for a in corpus.assignments:
        if a.doc in scope:  # a question naming a document is answered from that document only
            by_item.setdefault((a.doc, a.section), []).append(a)
    scored = []
    for key, items in by_item.items():
        words = set(syllables(items[0].task + " " + items[0].title))
        overlap = len(want & words) / len(want)
        scored.append((overlap, key))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < 0.6:
        return None
    best = [key for score, key in scored if score >= scored[0][0] - 1e-9]
    cites = CitationSet()
    blocks = []
    found: list[Assignment] = []
    for key in best:
        items = by_item[key]
        found.extend(items)
        doc = corpus.docs[key[0]]
        sec = doc.section(key[1])
        if sec is None:
            continue
        cid_head = cites.add_line(doc, sec, sec.line_start, question)
        cid_task = cites.add_section(doc, sec, question)
        names = bullet_list([a.agency for a in items])
        blocks.append(
            say(
                "answer_which_agency",
                document=doc_name(doc),
                section=sec.label,
                agencies=names,
                task=short(items[0].task, 600),
                cite_head=f"[{cid_head}]",
                cite_task=f"[{cid_task}]",
            )
        )
    return Answer(
        answer="\n\n".join(blocks),
        kind="tasks",
        citations=cites.items,
        data={"assignments": [assignment_to_dict(a) for a in found]},
    )


def answer_unknown_agency(corpus: Corpus, name: str) -> Answer:
    """No task for that name: the tasks it works on as a partner if any ('phối hợp với Sở Nội vụ'),
    else not found with the nearest names (whole names only: never 'Sở Tài', 'Ủy ban')."""
    directory = corpus.agencies
    roles = directory.partner_roles(name) if directory else []
    if roles:
        cites = CitationSet()
        items = bullet_list(_partner_items(corpus, cites, roles))
        return Answer(
            answer=say("answer_partner_only", agency=roles[0][0], items=items),
            kind="tasks",
            citations=cites.items,
            data={"assignments": [], "agency": name, "partner_in": _partner_data(roles)},
        )
    known = directory.names(whole_only=True) if directory else []
    closest = directory.closest(name, 3) if directory else []
    text = say(
        "not_found_agency",
        agency=name,
        closest=", ".join(closest) if closest else "không có",
        agencies=bullet_list(known[:30]),
    )
    return Answer(
        answer=text, kind="not_found", data={"agency": name, "known_agencies": known, "closest": closest}
    )


# --- names typed loosely: a typo, an acronym of the name after its head ('Sở TT&TT') ----------------

_HEADS = (
    "so", "ban", "cuc", "chi cuc", "phong", "vien", "trung tam", "uy ban", "van phong", "thanh tra", "dai",
    "toa an", "cong an", "vien kiem sat", "bo chi huy", "kho bac", "bao hiem", "hoi dong", "hoi", "lien doan",
    "mat tran", "benh vien", "truong", "bo", "tong cuc", "doan",
)  # fmt: skip
_JOIN = {"va", "&"}


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _JOIN and w)


def _split_head(folded: str) -> tuple[str, list[str]]:
    for head in sorted(_HEADS, key=len, reverse=True):
        if folded == head or folded.startswith(head + " "):
            return head, folded[len(head) :].split()
    return "", folded.split()


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by at most one letter typed wrong, missing or extra."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False  # short words ('nội', 'ngoại') are different words, not typos of each other
    if len(a) == len(b):
        return len(a) >= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _in_order(words: list[str], within: list[str]) -> bool:
    it = iter(within)
    return all(w in it for w in words)


def _word_typos(typed: list[str], name: list[str]) -> bool:
    """A typo of a name: word for word the same, but for at most one word off by one letter."""
    if len(typed) != len(name):
        return False
    off = [(a, b) for a, b in zip(typed, name, strict=True) if a != b]
    return len(off) <= 1 and all(_one_edit(a, b) for a, b in off)


def resolve_loosely(corpus: Corpus, typed: str) -> tuple[str, str] | None:
    """The one agency a loosely typed name must mean, and how it was read ('typo', 'acronym');
    None when no name is close enough or two are equally close."""
    directory = corpus.agencies
    if directory is None:
        return None
    raw = squash(re.sub(r"[^\w&\s]", " ", fold(typed)))
    q = squash(re.sub(r"[^\w&\s]", " ", expand_abbreviations(raw)))
    if len(q) < 4:
        return None
    head, rest = _split_head(raw)  # initials as typed, before the alias table expands them
    letters = "".join(re.findall(r"[a-z]", "".join(rest)))
    scored: list[tuple[float, str, str]] = []
    known = directory.keys()  # the directory's method, not a dict's
    matcher = difflib.SequenceMatcher(None, "", q)  # the typed name compared with each known one
    for key in known:
        name = directory.display(key)
        k_head, k_rest = _split_head(key)
        if head and letters and k_head == head and len(letters) >= 2 and letters == _acronym(k_rest):
            scored.append((1.0, name, "acronym"))
            continue
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85:
            ratio = matcher.ratio()
            if ratio >= 0.85 and _word_typos(q.split(), key.split()):
                scored.append((ratio, name, "typo"))
    if not scored and head and len(rest) >= 2:
        # a partial name: the typed words, in order, within one name of the same head
        # ('Đài truyền hình Hải Phòng' in 'Đài Phát thanh và Truyền hình Hải Phòng')
        for key in known:
            k_head, k_rest = _split_head(key)
            if k_head == head and _in_order(rest, k_rest):
                scored.append((0.5, directory.display(key), "partial"))
        if len(scored) > 1:
            return None
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.05:
        return None
    return scored[0][1], scored[0][2]


def answer_loosely_named(corpus: Corpus, question: str, typed: str) -> Answer | None:
    """Tasks of the agency a loosely typed name means, saying how the name was read."""
    found = resolve_loosely(corpus, typed)
    if found is None or corpus.agencies is None:
        return None
    name, how = found
    known = corpus.agencies.keys()
    key = next(k for k in known if corpus.agencies.display(k) == name)
    answer = answer_agency_tasks(corpus, question, [key])
    if answer is None:
        return None
    note = say("understood_as", typed=typed, agency=name)
    answer.answer = note + "\n\n" + answer.answer
    answer.data["understood_as"] = {"typed": typed, "agency": name, "how": how}
    return answer
