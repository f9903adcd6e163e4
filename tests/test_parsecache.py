"""The parse cache: the same documents and facts as parsing, and a bad entry is rebuilt, never fatal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import parsecache
from assistant.corpus import Corpus
from assistant.documents import load_corpus
from assistant.parsecache import ParseCache

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    return dest


def test_cached_corpus_equals_parsed(tmp_path: Path, corpus_dir: Path) -> None:
    fresh = Corpus.from_documents(load_corpus(corpus_dir))
    first = ParseCache(tmp_path / "cache")
    built = Corpus.load(corpus_dir, first)
    assert (first.hits, first.misses) == (0, len(fresh.docs))
    second = ParseCache(tmp_path / "cache")
    cached = Corpus.load(corpus_dir, second)
    assert (second.hits, second.misses) == (len(fresh.docs), 0)
    for c in (built, cached):
        assert c.docs == fresh.docs
        assert c.assignments == fresh.assignments
        assert c.general == fresh.general
        assert c.criteria == fresh.criteria


def test_changed_text_is_parsed_again(tmp_path: Path, corpus_dir: Path) -> None:
    ParseCache(tmp_path / "cache").load_corpus(corpus_dir)
    path = sorted(corpus_dir.glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nDòng thêm cuối.\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    docs = {p.doc.doc_id: p.doc for p in cache.load_corpus(corpus_dir)}
    assert cache.misses == 1
    assert docs == {d.doc_id: d for d in load_corpus(corpus_dir)}


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95garbage", None])
def test_corrupt_entry_is_rebuilt(tmp_path: Path, corpus_dir: Path, garbage: bytes | None) -> None:
    cache = ParseCache(tmp_path / "cache")
    cache.load_corpus(corpus_dir)
    assert cache.folder is not None
    entries = sorted(cache.folder.glob("*.pkl"))
    for entry in entries:
        if garbage is None:  # a sound pickle of something else
            import pickle

            entry.write_bytes(pickle.dumps({"format": 0, "key": "x"}))
        else:
            entry.write_bytes(garbage)
    again = ParseCache(tmp_path / "cache")
    docs = again.load_documents(corpus_dir)
    assert again.misses == len(entries) and again.hits == 0
    assert docs == load_corpus(corpus_dir)
    third = ParseCache(tmp_path / "cache")
    third.load_corpus(corpus_dir)
    assert third.hits == len(entries)


def test_parser_change_invalidates(tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ParseCache(tmp_path / "cache").load_corpus(corpus_dir)
    old = parsecache.parser_fingerprint()
    monkeypatch.setattr(parsecache, "parser_fingerprint", lambda: "changed-parser")
    cache = ParseCache(tmp_path / "cache")
    cache.load_corpus(corpus_dir)
    assert cache.hits == 0 and cache.misses > 0
    assert not (tmp_path / "cache" / old).exists()  # the old parser's entries are gone


def test_unwritable_folder_still_parses(tmp_path: Path, corpus_dir: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    docs = ParseCache(blocker).load_documents(corpus_dir)
    assert docs == load_corpus(corpus_dir)


def test_a_reload_reuses_the_unchanged_documents_it_holds(tmp_path: Path, corpus_dir: Path) -> None:
    first = Corpus.load(corpus_dir, ParseCache(tmp_path / "cache"))
    path = sorted(corpus_dir.glob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nDòng thêm cuối.\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    second = Corpus.load(corpus_dir, cache, previous=first)
    assert (cache.hits, cache.misses) == (0, 1)  # the other documents: those held
    changed, *kept = sorted(second.docs)
    assert changed == path.stem and second.docs[changed] is not first.docs[changed]
    assert all(second.docs[d] is first.docs[d] for d in kept)
    fresh = Corpus.from_documents(load_corpus(corpus_dir))
    assert second.docs == fresh.docs
    assert second.assignments == fresh.assignments and second.general == fresh.general
    assert second.criteria == fresh.criteria
