"""Turn an uploaded file (.docx, .pdf, .md, .txt) into the plain text lines the structure parser reads.

The output contract, whatever the input format:

* NFC Unicode, ``\\n`` line ends, no control characters other than ``\\t`` and ``\\n``;
* a blank line between paragraphs;
* automatic Word numbering rendered as text (``II.``, ``1.``, ``2.1.``, ``a)``; bullets as ``- ``);
* a table row as ONE line of cells joined by ``\\t``; a tab means a table cell and nothing else,
  so tabs inside paragraphs become spaces. Layout tables of an official letter (the two-column
  header "ỦY BAN NHÂN DÂN | CỘNG HÒA ...", the signature block) are written as plain lines.

The file type is sniffed from the content, never taken from the extension alone. Every problem
is an :class:`~assistant.errors.InputError` subclass whose Vietnamese message can be shown as is.

Sizes in messages use 1 MB = 1 048 576 bytes: pass ``max_bytes=int(max_upload_mb * 1024 * 1024)``.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from assistant.errors import EmptyDocumentError, FileTooLargeError, InputError, UnsupportedFileError
from assistant.text import accent_ratio, fold, format_decimal, int_to_roman

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".docx", ".pdf", ".md", ".txt")
_SUPPORTED_LIST = ", ".join(SUPPORTED_EXTENSIONS)
_MB = 1024 * 1024
_MAX_ID_LEN = 80


@dataclass
class ReadResult:
    """The text of one file and how it was obtained."""

    text: str
    format: str  # "docx" | "pdf" | "md" | "txt"
    encoding: str  # the decoded text encoding for .md/.txt ("utf-8", "cp1258", ...); "" for .docx/.pdf
    warnings: list[str] = field(default_factory=list)


# --- ids and hashes ------------------------------------------------------------------------------


def content_sha256(data: bytes) -> str:
    """Hex SHA-256 of the file's bytes (identifies a version of a document)."""
    return hashlib.sha256(data).hexdigest()


def _basename(filename: str) -> str:
    """The last path component, whether the client sent '/' or '\\' separators."""
    return filename.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def safe_doc_id(filename: str) -> str:
    """A safe document id from a file name: 'Công văn 410 UBND.docx' -> 'cong-van-410-ubnd'.

    Only the stem of the last path component is used, so '../../etc/passwd' gives 'passwd';
    accents are folded to ASCII (đ -> d), everything else becomes single dashes, 80 characters at most.
    """
    name = unicodedata.normalize("NFKC", _basename(filename or ""))
    stem = PurePosixPath(name).stem if name not in {".", ".."} else ""
    folded = fold(stem)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    slug = slug[:_MAX_ID_LEN].rstrip("-")
    if not slug:
        raise InputError(
            f"Không tạo được mã tài liệu từ tên tệp '{filename}': tên cần có chữ cái hoặc chữ số.",
            hint="Hãy đổi tên tệp, ví dụ 'cong-van-410-ubnd.docx'.",
        )
    return slug


# --- shared text clean-up ------------------------------------------------------------------------

_BULLET_GLYPHS = "•●▪◦■□➢➤►✓✔❖"
_LEADING_BULLET = re.compile(rf"^([ ]*)(?:[{_BULLET_GLYPHS}]|[\ue000-\uf8ff])[ \t]*(?=\S)")
_SPACE_RUN = re.compile(r"[ ]{2,}")


def _clean_char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0x20):
        if chr(cp) not in "\t\n":
            table[cp] = None
    for cp in range(0x7F, 0xA0):
        table[cp] = None
    table[0x0B] = "\n"  # vertical tab: Word's manual line break in some exports
    table[0x0C] = "\n"  # form feed: a page break in text exports
    for ch in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(ch)] = " "
    for ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufffe":
        table[ord(ch)] = None
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    return table


_CLEAN_CHARS = _clean_char_table()


_SLICE = 1 << 16  # characters filtered at a time: a list of one-character strings costs ~80 bytes each


def _visible(text: str) -> str:
    """The text without format characters (Cf), surrogates and unassigned code points."""
    return "".join(c for c in text if unicodedata.category(c) not in {"Cf", "Cs", "Cn"} or c in "\t\n")


def _finalize(text: str, *, keep_edge_tabs: bool = False) -> str:
    """NFC, '\\n' line ends, no control characters, tidy spaces, at most one blank line in a row.

    Tabs mean table cells: unless keep_edge_tabs, a line whose only tabs are at its start or end
    (indentation) loses them, so that it is not read as a table row.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.translate(_CLEAN_CHARS))
    # remaining format characters (Cf) and unassigned code points carry no text
    text = "".join(_visible(text[i : i + _SLICE]) for i in range(0, len(text), _SLICE))
    out: list[str] = []
    blank = True  # drop leading blank lines
    for raw in text.split("\n"):
        line = raw.rstrip(" ")
        if not line.strip():
            if not blank:
                out.append("")
            blank = True
            continue
        if not keep_edge_tabs and "\t" not in line.strip("\t"):
            line = line.strip("\t")
        line = _LEADING_BULLET.sub(r"\1- ", line)
        out.append(line)
        blank = False
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _squash_inline(text: str) -> str:
    """One line of a cell or a paragraph: tabs and runs of spaces become one space."""
    return _SPACE_RUN.sub(" ", text.replace("\t", " ")).strip()


# --- sizes and sniffing --------------------------------------------------------------------------


def _human_size(n: int, *, exact: bool = False) -> str:
    """'25,3 MB', '512 KB', '900 byte' (Vietnamese decimal comma); exact=True drops ',0'."""
    if n >= _MB:
        value, unit = Decimal(n) / _MB, "MB"
    elif n >= 1024:
        value, unit = Decimal(n) / 1024, "KB"
    else:
        return f"{n} byte"
    rounded = value.quantize(Decimal("0.1"))
    if exact or rounded == rounded.to_integral():
        return f"{format_decimal(rounded)} {unit}"
    return f"{format_decimal(rounded, 1)} {unit}"


@dataclass(frozen=True)
class _Sniff:
    kind: str  # "docx" | "pdf" | "zip" | "broken-zip" | "binary" | "text"
    what: str  # Vietnamese description: "tài liệu PDF", "chương trình Windows (.exe)", ...


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "chương trình Linux (ELF)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "tệp Office cũ (Word 97-2003 .doc, Excel .xls) hoặc tệp Office có mật khẩu",
    ),
    (b"{\\rtf", "tài liệu RTF"),
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF87a", "ảnh GIF"),
    (b"GIF89a", "ảnh GIF"),
    (b"II*\x00", "ảnh TIFF"),
    (b"MM\x00*", "ảnh TIFF"),
    (b"\x1f\x8b", "tệp nén gzip"),
    (b"7z\xbc\xaf\x27\x1c", "tệp nén 7z"),
    (b"Rar!\x1a\x07", "tệp nén RAR"),
    (b"BZh", "tệp nén bzip2"),
    (b"\xfd7zXZ\x00", "tệp nén xz"),
    (b"ID3", "tệp âm thanh MP3"),
    (b"OggS", "tệp âm thanh/video Ogg"),
    (b"\x1aE\xdf\xa3", "tệp video (MKV/WebM)"),
    (b"SQLite format 3\x00", "cơ sở dữ liệu SQLite"),
    (b"AT&TFORM", "tài liệu DjVu"),
)


def _sniff(data: bytes) -> _Sniff:
    """What the bytes are, from their content alone."""
    head = data[:64]
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"%PDF-":
        return _Sniff("pdf", "tài liệu PDF")
    if head[:2] == b"MZ" and (b"\x00" in head or b"This program cannot be run" in data[:1024]):
        return _Sniff("binary", "chương trình Windows (.exe/.dll)")
    if head[:4] in {b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"}:
        return _sniff_zip(data)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return _Sniff("binary", what)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _Sniff("binary", "ảnh WebP")
    if head[4:8] == b"ftyp":
        return _Sniff("binary", "tệp video/âm thanh (MP4)")
    return _Sniff("text", "văn bản")


def _sniff_zip(data: bytes) -> _Sniff:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError):
        if b"word/" in data[:65536]:
            return _Sniff(
                "broken-zip", "tài liệu Word (.docx) bị hỏng hoặc không đầy đủ (tệp ZIP bị cắt cụt)"
            )
        return _Sniff("broken-zip", "tệp ZIP bị hỏng hoặc không đầy đủ")
    if "word/document.xml" in names:
        return _Sniff("docx", "tài liệu Word (.docx)")
    if "xl/workbook.xml" in names:
        return _Sniff("zip", "bảng tính Excel (.xlsx)")
    if "ppt/presentation.xml" in names:
        return _Sniff("zip", "bản trình chiếu PowerPoint (.pptx)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return _Sniff("zip", "tài liệu OpenDocument (.odt)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return _Sniff("zip", "tệp OpenDocument (LibreOffice)")
    if mimetype.startswith(b"application/epub"):
        return _Sniff("zip", "sách điện tử EPUB")
    return _Sniff("zip", "tệp nén ZIP")


_EXT_OF_KIND = {"docx": ".docx", "pdf": ".pdf"}


def _mismatch(ext: str, sniff: _Sniff) -> UnsupportedFileError:
    """The file's content is not what its extension says."""
    msg = f"Tệp có phần mở rộng {ext} nhưng nội dung có vẻ là {sniff.what}."
    right = _EXT_OF_KIND.get(sniff.kind)
    if right:
        hint = f"Hãy đổi phần mở rộng thành {right} rồi tải lên lại."
    elif sniff.kind == "broken-zip":
        hint = "Hãy mở tệp bằng Word và lưu lại, hoặc tải lên lại bản đầy đủ."
    elif "Office cũ" in sniff.what:
        hint = "Hãy mở bằng Word, nhập mật khẩu nếu có, rồi lưu lại dưới dạng .docx (không đặt mật khẩu)."
    else:
        hint = f"Chỉ nhận các tệp {_SUPPORTED_LIST}."
    return UnsupportedFileError(msg, hint=hint)


# --- the entry points ----------------------------------------------------------------------------


def read_path(path: Path, *, max_bytes: int) -> ReadResult:
    """Read a file from disk (checks its size before reading it)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"Không đọc được tệp '{path.name}': {exc.strerror or exc}.") from exc
    if not path.is_file():
        raise InputError(f"'{path.name}' không phải là một tệp.")
    if size > max_bytes:
        raise _too_large(size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp '{path.name}': {exc.strerror or exc}.") from exc
    return read_bytes(data, path.name, max_bytes=max_bytes)


def _too_large(size: int, max_bytes: int) -> FileTooLargeError:
    shown, limit = _human_size(size), _human_size(max_bytes, exact=True)
    if shown == limit:  # 20,0x MB against 20 MB: show the bytes
        shown = f"{format_decimal(Decimal(size))} byte"
    return FileTooLargeError(f"Tệp quá lớn ({shown}); giới hạn là {limit}.")


def read_bytes(data: bytes, filename: str, *, max_bytes: int) -> ReadResult:
    """Read an uploaded file's bytes into text; the type is sniffed from the content.

    Raises FileTooLargeError, EmptyDocumentError or UnsupportedFileError with a Vietnamese message.
    """
    name = _basename(filename) or "tệp"
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    if not data:
        raise EmptyDocumentError(f"Tệp '{name}' trống (0 byte).")
    ext = PurePosixPath(name).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        sniff = _sniff(data)
        shown = f"'{ext}'" if ext else "không có phần mở rộng"
        msg = f"Không hỗ trợ định dạng tệp {shown}. Chỉ nhận các tệp {_SUPPORTED_LIST}."
        if sniff.kind != "text":
            msg += f" Nội dung tệp có vẻ là {sniff.what}."
        hint = ""
        if ext in {".doc", ".rtf", ".odt"}:
            hint = "Hãy mở tệp bằng Word và lưu lại dưới dạng .docx (hoặc xuất ra PDF)."
        elif sniff.kind in _EXT_OF_KIND:
            hint = f"Hãy đổi phần mở rộng thành {_EXT_OF_KIND[sniff.kind]}."
        raise UnsupportedFileError(msg, hint=hint)
    sniff = _sniff(data)
    if ext == ".docx":
        if sniff.kind != "docx":
            raise _mismatch(ext, sniff)
        result = _read_docx(data, max_bytes)
    elif ext == ".pdf":
        if sniff.kind != "pdf":
            raise _mismatch(ext, sniff)
        result = _read_pdf(data)
    else:
        if sniff.kind != "text":
            raise _mismatch(ext, sniff)
        result = _read_text(data, ext.lstrip("."))
    if not result.text.strip():
        raise EmptyDocumentError(f"Tệp '{name}' không có nội dung văn bản.")
    return result


# --- .md / .txt ----------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Letters only Vietnamese uses: ă, ơ, ư, đ and the precomposed tone letters U+1EA0..U+1EF9.
_VN_SPECIFIC = re.compile(r"[ăĂơƠưƯđĐ\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")
# Every accented letter Vietnamese writes; any other one (ç, ñ, ü, ß, ...) is evidence against it.
_VN_LETTERS = frozenset("àáâãạảấầẩẫậăắằẳẵặèéẹẻẽêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ")


def _binary_text_error(what: str) -> UnsupportedFileError:
    return UnsupportedFileError(
        f"Tệp văn bản không hợp lệ: nội dung có vẻ là {what}, không phải văn bản.",
        hint=f"Chỉ nhận các tệp {_SUPPORTED_LIST}; tệp .txt/.md cần là văn bản thuần (UTF-8).",
    )


def _utf16_by_nuls(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall in the pattern of UTF-16 text without a BOM."""
    sample = data[:8192]
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    if odd >= 0.2 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.2 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _looks_vietnamese(text: str) -> bool:
    """NFC text that reads as Vietnamese: Vietnamese-only letters in many words, no stray marks."""
    words = _WORD.findall(text)
    if not words:
        return False
    vn_words = sum(1 for w in words if _VN_SPECIFIC.search(w))
    foreign_words = sum(1 for w in words if any(not c.isascii() and c not in _VN_LETTERS for c in w.lower()))
    stray_marks = sum(1 for c in text if unicodedata.category(c) == "Mn")
    if vn_words == 0 or stray_marks > max(1, vn_words // 5) or foreign_words * 3 > vn_words:
        return False
    if len(words) < 20:
        return True
    return vn_words / len(words) >= 0.1 and accent_ratio(text) >= 0.25


def _is_mostly_text(text: str) -> bool:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    return controls <= max(2, len(text) // 200)


def _decode_text(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of a text file's bytes."""
    warnings: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                if enc.startswith("utf-8"):
                    text = data.decode(enc, errors="replace")
                    warnings.append(
                        "Tệp có ký tự không hợp lệ trong UTF-8; các ký tự đó đã được thay bằng '�'."
                    )
                else:
                    raise _binary_text_error(f"dữ liệu {enc.upper()} bị hỏng") from None
            if not _is_mostly_text(text):
                raise _binary_text_error("tệp nhị phân")
            return text, enc, warnings
    if b"\x00" in data:
        enc16 = _utf16_by_nuls(data)
        if enc16 is None:
            raise _binary_text_error("tệp nhị phân (có byte NUL)")
        try:
            text = data.decode(enc16)
        except UnicodeDecodeError:
            raise _binary_text_error("tệp nhị phân (có byte NUL)") from None
        if "\x00" in text or not _is_mostly_text(text):
            raise _binary_text_error("tệp nhị phân (có byte NUL)")
        return text, enc16, warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        others = sum(1 for c in text if ord(c) > 127) - bad
        # UTF-8 with a few damaged bytes (a cut copy, one stray byte): the letters that decode
        # outnumber the bad bytes many times over, which no legacy code page's text does
        if others >= 10 * bad and bad <= max(3, len(text) // 1000) and _is_mostly_text(text):
            warnings.append(
                f"Tệp có {bad} byte không hợp lệ trong UTF-8; các ký tự đó đã được thay bằng '\ufffd'."
            )
            return text, "utf-8", warnings
    else:
        if not _is_mostly_text(text):
            raise _binary_text_error("tệp nhị phân")
        return text, "utf-8", warnings
    # A legacy 8-bit code page. Windows-1258 writes Vietnamese with combining tone marks.
    try:
        vn = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        vn = ""
    if vn and _looks_vietnamese(vn):
        if not _is_mostly_text(vn):
            raise _binary_text_error("tệp nhị phân")
        warnings.append("Tệp dùng bảng mã Windows-1258 (tiếng Việt cũ); đã chuyển sang Unicode.")
        return vn, "cp1258", warnings
    enc, text = _guess_legacy(data)
    if not _is_mostly_text(text):
        raise _binary_text_error("tệp nhị phân")
    warnings.append(
        f"Tệp không phải UTF-8; đã đoán bảng mã là {enc}. Nếu chữ hiển thị sai, hãy lưu lại tệp dưới dạng UTF-8."
    )
    return text, enc, warnings


def _guess_legacy(data: bytes) -> tuple[str, str]:
    """(encoding, text) of non-UTF-8, non-Vietnamese 8-bit text.

    Windows-1252 first: on Western text charset-normalizer tends to answer cp1250 (ç -> č). It is
    asked only when the Windows-1252 reading is implausible (most letters outside ASCII, as Cyrillic
    or Greek read as Windows-1252 are).
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = ""
    letters = [c for c in western if c.isalpha()]
    if western and sum(1 for c in letters if not c.isascii()) <= 0.3 * len(letters):
        return "cp1252", western
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        best = None
    else:
        best = from_bytes(data).best()
    if best is not None and best.encoding:
        return best.encoding, str(best)
    if western:
        return "cp1252", western
    return "latin-1", data.decode("latin-1")


def _read_text(data: bytes, fmt: str) -> ReadResult:
    text, enc, warnings = _decode_text(data)
    return ReadResult(_finalize(text), fmt, enc, warnings)


# --- .pdf ----------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*[-–—]?\s*(?:(?:Trang|Page)\s*)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?\s*[-–—]?\s*$", re.IGNORECASE
)
_SPACE_BEFORE_MARK = re.compile(r"[ ]+(?=[\u0300-\u036f])")
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}
_FEW_CHARS_PER_PAGE = 200
_SCANNED_CHARS_PER_PAGE = 20


def _scanned_error() -> EmptyDocumentError:
    return EmptyDocumentError(
        "Tệp PDF không có lớp văn bản: có vẻ là bản scan (ảnh chụp) không chứa chữ.",
        hint="Cần nhận dạng ký tự (OCR) trước, ví dụ bằng ocrmypdf hoặc 'Lưu dưới dạng văn bản' trong "
        "phần mềm scan, rồi tải lên tệp PDF có chữ hoặc tệp .docx.",
    )


def _clean_pdf_page(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
    text = _SPACE_BEFORE_MARK.sub("", text)  # 'Vie ̣t' from split glyphs
    # runs of spaces are justification or layout, not text
    lines = [_SPACE_RUN.sub(" ", ln).strip() for ln in unicodedata.normalize("NFC", text).split("\n")]
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    edges = set(filled[:2] + filled[-2:])  # a page number sits at the top or the bottom of a page
    return "\n".join(ln for i, ln in enumerate(lines) if not (i in edges and _PAGE_NUMBER.match(ln)))


def _read_pdf(data: bytes) -> ReadResult:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # restrictions-only PDFs open with the empty user password
            except DependencyError as exc:
                raise UnsupportedFileError(
                    "Tệp PDF được mã hóa theo cách chưa giải được trên máy chủ (thiếu thư viện mã hóa).",
                    hint="Hãy mở tệp, in/xuất ra PDF không mã hóa rồi tải lên lại.",
                ) from exc
            if not opened:
                raise UnsupportedFileError(
                    "Tệp PDF được bảo vệ bằng mật khẩu nên không đọc được nội dung.",
                    hint="Hãy gỡ mật khẩu (mở tệp rồi lưu/xuất ra PDF không mật khẩu) và tải lên lại.",
                )
        pages = list(reader.pages)
    except UnsupportedFileError:
        raise
    except FileNotDecryptedError as exc:
        raise UnsupportedFileError("Tệp PDF được bảo vệ bằng mật khẩu nên không đọc được nội dung.") from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        logger.info("unreadable PDF: %r", exc)
        raise UnsupportedFileError(
            "Tệp PDF bị hỏng hoặc không đầy đủ nên không đọc được.",
            hint="Hãy mở tệp bằng trình đọc PDF, lưu/xuất lại rồi tải lên lại.",
        ) from exc
    if not pages:
        raise EmptyDocumentError("Tệp PDF không có trang nào.")
    texts: list[str] = []
    empty_pages: list[int] = []
    failed_pages: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            raw = page.extract_text() or ""
        except Exception as exc:  # one bad page must not lose the rest
            logger.info("PDF page %d: %r", number, exc)
            failed_pages.append(number)
            raw = ""
        page_text = _clean_pdf_page(raw)
        if not any(c.isalnum() for c in page_text):
            empty_pages.append(number)
        texts.append(page_text)
    letters = sum(1 for t in texts for c in t if c.isalnum())
    if letters < _SCANNED_CHARS_PER_PAGE * len(pages):
        if failed_pages and len(failed_pages) == len(pages):
            raise UnsupportedFileError("Không trích được văn bản từ tệp PDF (tệp có thể bị hỏng).")
        raise _scanned_error()
    if failed_pages:
        warnings.append(f"Không trích được văn bản ở trang {_page_list(failed_pages)}.")
    scanned = [p for p in empty_pages if p not in failed_pages]
    if scanned:
        warnings.append(
            f"Trang {_page_list(scanned)} không có chữ (có thể là ảnh scan); nội dung các trang đó bị thiếu."
        )
    per_page = letters // len(pages)
    if per_page < _FEW_CHARS_PER_PAGE:
        warnings.append(
            f"Ít chữ trên mỗi trang (trung bình {per_page} ký tự): một phần tài liệu có thể là ảnh scan."
        )
    text = _finalize("\n".join(texts))
    if "\ufffd" in text or (len(text) > 500 and accent_ratio(text) < 0.05):
        warnings.append(
            "Văn bản trích từ PDF có thể sai dấu (phông chữ không có bảng mã Unicode); nên dùng tệp .docx gốc."
        )
    return ReadResult(text, "pdf", "", warnings)


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" và {len(pages) - 10} trang khác" if len(pages) > 10 else "")


# --- .docx ---------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDTCONTENT = (
    _w("p"),
    _w("tbl"),
    _w("tr"),
    _w("tc"),
    _w("sdt"),
    _w("sdtContent"),
)
W_T, W_TAB, W_PTAB, W_BR, W_CR = _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_R, W_RPR, W_PPR, W_VANISH = _w("r"), _w("rPr"), _w("pPr"), _w("vanish")
W_NOBREAKHYPHEN, W_TXBX = _w("noBreakHyphen"), _w("txbxContent")
W_VAL = _w("val")
_SKIPPED_INLINE = {
    _w("del"),
    _w("moveFrom"),
    _w("delText"),
    _w("instrText"),
    _w("delInstrText"),
    _w("footnoteReference"),
    _w("endnoteReference"),
    _w("commentReference"),
    _w("softHyphen"),
    _w("sym"),
    f"{{{_MC}}}Fallback",
}
_BLOCK_CONTAINERS = {
    W_SDT,
    W_SDTCONTENT,
    _w("customXml"),
    _w("ins"),
    _w("moveTo"),
    f"{{{_MC}}}AlternateContent",
}


def _val(el: Any, child: str) -> str | None:
    """The w:val of a child element, or None."""
    if el is None:
        return None
    c = el.find(_w(child))
    if c is None:
        return None
    return c.get(W_VAL)


def _on(el: Any) -> bool:
    """A toggle property that is present and not switched off."""
    return el is not None and el.get(W_VAL, "true").lower() not in {"0", "false", "off"}


def _int(raw: str | None, default: int | None = None) -> int | None:
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


# numbering ---------------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int
    fmt: str
    text: str | None
    restart: int | None
    legal: bool
    pstyle: str | None


def _parse_level(lvl: Any) -> tuple[int, _Level]:
    ilvl = _int(lvl.get(_w("ilvl")), 0) or 0
    return ilvl, _Level(
        start=_int(_val(lvl, "start"), 0) or 0,
        fmt=_val(lvl, "numFmt") or "decimal",
        text=_val(lvl, "lvlText"),
        restart=_int(_val(lvl, "lvlRestart")),
        legal=_on(lvl.find(_w("isLgl"))),
        pstyle=_val(lvl, "pStyle"),
    )


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa, bb, ... zz, aaa."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATTERS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": int_to_roman,
    "lowerRoman": lambda n: int_to_roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "none": lambda n: "",
}


def _format_number(n: int, fmt: str) -> str:
    return _FORMATTERS.get(fmt, str)(n)  # other formats (ordinal, cardinalText, ...) as decimals


_PLACEHOLDER = re.compile(r"%([1-9])")


class _Numbering:
    """Renders Word's automatic numbering ('II.', '2.1.', 'a)', bullets) as it would be displayed.

    Counters are kept per abstract numbering definition, as Word does: two w:num instances of one
    abstractNum continue one sequence unless the second has a w:startOverride, which restarts it.
    """

    def __init__(self) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.num_style_link: dict[str, str] = {}  # abstractNumId -> numbering style it points to
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.styles: dict[str, tuple[str | None, str | None, int | None]] = {}  # id -> basedOn, numId, ilvl
        self.default_style: str | None = None
        self.counters: dict[str, list[int | None]] = {}
        self.seen_nums: set[str] = set()

    def add_numbering(self, el: Any) -> None:
        """Learn one child of numbering.xml's root (a w:abstractNum or a w:num)."""
        if el.tag == _w("abstractNum"):
            aid = el.get(_w("abstractNumId"), "")
            self.abstract[aid] = dict(_parse_level(lvl) for lvl in el.findall(_w("lvl")))
            link = _val(el, "numStyleLink")
            if link:
                self.num_style_link[aid] = link
        elif el.tag == _w("num"):
            nid = el.get(_w("numId"), "")
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in el.findall(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl")), 0) or 0
                start = _int(_val(ov, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = ov.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _parse_level(lvl)[1]
                    if start is None and lvl.find(_w("start")) is not None:
                        starts[ilvl] = levels[ilvl].start
            self.nums[nid] = (_val(el, "abstractNumId") or "", starts, levels)

    def add_style(self, st: Any) -> None:
        """Learn one child of styles.xml's root (a paragraph w:style gives numbering)."""
        if st.tag != _w("style") or st.get(_w("type")) != "paragraph":
            return
        sid = st.get(_w("styleId"), "")
        numpr = st.find(f"{W_PPR}/{_w('numPr')}")
        self.styles[sid] = (
            _val(st, "basedOn"),
            _val(numpr, "numId"),
            _int(_val(numpr, "ilvl")),
        )
        if st.get(_w("default")) in {"1", "true", "on"}:
            self.default_style = self.default_style or sid

    def _abstract_id(self, num_id: str) -> str | None:
        """The abstractNum behind a w:num, following numStyleLink (list styles) a few steps."""
        entry = self.nums.get(num_id)
        for _ in range(5):
            if entry is None:
                return None
            aid = entry[0]
            link = self.num_style_link.get(aid)
            if not link:
                return aid
            linked_num = self._style_num(link)[0]
            entry = self.nums.get(linked_num) if linked_num else None
        return None

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, following basedOn."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            based_on, num_id, ilvl = self.styles[style_id]
            if num_id is not None:
                return num_id, ilvl
            style_id = based_on
        return None, None

    def prefix(self, p: Any) -> str | None:
        """The rendered number of paragraph p ('2.1.', 'a)', '-'), or None; advances the counters."""
        ppr = p.find(W_PPR)
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        pstyle = _val(ppr, "pStyle") or self.default_style
        num_id = _val(numpr, "numId")
        ilvl = _int(_val(numpr, "ilvl"))
        if num_id is None:
            num_id, style_ilvl = self._style_num(pstyle)
            if num_id is None:
                return None
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id == "0" or num_id not in self.nums:
            return None
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        _, starts, override_levels = self.nums[num_id]
        levels = {**self.abstract.get(aid, {}), **override_levels}
        if ilvl is None:
            ilvl = next((k for k, lv in levels.items() if pstyle and lv.pstyle == pstyle), 0)
        ilvl = max(0, min(8, ilvl))
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 9)
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for k in starts:
                if 0 <= k < 9:
                    counters[k] = None

        def start_of(k: int) -> int:
            lv = levels.get(k)
            return starts.get(k, lv.start if lv else 1)

        current = counters[ilvl]
        counters[ilvl] = start_of(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            lv = levels.get(deeper)
            restart = lv.restart if lv else None
            if restart is None or restart > deeper or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return "-"
        if not level.text:
            return None

        def render(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k)
            value = counters[k] if counters[k] is not None else start_of(k)
            fmt = lv.fmt if lv else "decimal"
            if level.legal and fmt != "none":
                fmt = "decimal"
            return _format_number(value or 0, fmt)

        rendered = _PLACEHOLDER.sub(render, level.text).strip()
        if rendered and all(unicodedata.category(c) == "Co" for c in rendered):
            return "-"  # a symbol-font glyph used as a numbering 'bullet'
        return rendered or None


# body walk ---------------------------------------------------------------------------------------

# Lines that only the layout tables of an official letter hold (header, signature block).
_LAYOUT_MARKERS = re.compile(
    r"cong hoa xa hoi chu nghia|doc lap\s*[-–]\s*tu do|^so\s*[:.]|^kinh gui|^noi nhan|^v/v\b"
    r"|ngay\s+\S{0,4}\s*thang\s+\S{0,4}\s*nam\s+\d{4}|^(tm|kt|tl|tuq)\.\s|^uy ban nhan dan",
    re.MULTILINE,
)


@dataclass
class _TableStream:
    """A body-level table being read row by row, and the numbering state at its start."""

    tbl: Any
    counters: dict[str, list[int | None]]
    seen_nums: set[str]
    rows: list[list[str]] = field(default_factory=list)  # the rows with text, as read
    data: bool = False  # shaped as a data table: rows are kept as text, their elements dropped


class _DocxWriter:
    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[str] = []
        self._streaming: _TableStream | None = None

    # paragraphs
    def paragraph_text(self, p: Any, textboxes: list[Any]) -> str:
        parts: list[str] = []

        def walk(el: Any) -> None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIPPED_INLINE or tag in {W_PPR, W_RPR}:
                    continue
                if tag == W_T:
                    parts.append(child.text or "")
                elif tag in {W_TAB, W_PTAB}:
                    parts.append("\t")
                elif tag in {W_BR, W_CR}:
                    parts.append("\n")
                elif tag == W_NOBREAKHYPHEN:
                    parts.append("-")
                elif tag == W_TXBX:
                    textboxes.append(child)
                elif tag == W_R and _on(child.find(f"{W_RPR}/{W_VANISH}")):
                    continue  # hidden text
                else:
                    walk(child)

        walk(p)
        return "".join(parts)

    def paragraph_lines(self, p: Any) -> tuple[str, list[Any]]:
        """A paragraph as text (its number rendered in front), and the text boxes it anchors."""
        textboxes: list[Any] = []
        raw = self.paragraph_text(p, textboxes)
        lines = [_squash_inline(x) for x in raw.split("\n")]
        text = "\n".join(x for x in lines if x)
        number = self.numbering.prefix(p)
        if number and text:
            text = f"{number} {text}"
        return text, textboxes

    def walk_blocks(self, parent: Any) -> None:
        for child in parent:
            self.block(child)

    def block(self, child: Any) -> None:
        """One block-level element (a paragraph, a table, a container of them) into blocks."""
        tag = child.tag
        if tag == W_P:
            text, textboxes = self.paragraph_lines(child)
            if text:
                self.blocks.append(text)
            for box in textboxes:
                self.walk_blocks(box)
        elif tag == W_TBL:
            self.table(child)
        elif tag in _BLOCK_CONTAINERS or tag == f"{{{_MC}}}Choice":
            self.walk_blocks(child)

    # tables
    def _cell_text(self, tc: Any) -> str:
        pieces: list[str] = []

        def collect(el: Any) -> None:
            for child in el:
                if child.tag == W_P:
                    text, boxes = self.paragraph_lines(child)
                    pieces.append(text)
                    for box in boxes:
                        collect(box)
                elif child.tag == W_TBL:
                    for row in self._grid(child):
                        pieces.extend(row)
                elif child.tag in _BLOCK_CONTAINERS or child.tag == f"{{{_MC}}}Choice":
                    collect(child)

        collect(tc)
        return _squash_inline(" ".join(p.replace("\n", " ") for p in pieces if p))

    def _rows(self, tbl: Any) -> Iterable[Any]:
        for child in tbl:
            if child.tag == W_TR:
                yield child
            elif child.tag in _BLOCK_CONTAINERS:
                yield from self._rows(child)

    def _cells(self, tr: Any) -> Iterable[Any]:
        for child in tr:
            if child.tag == W_TC:
                yield child
            elif child.tag in _BLOCK_CONTAINERS:
                yield from self._cells(child)

    def _grid(self, tbl: Any) -> list[list[str]]:
        """Rows of cell texts; a merged cell's text appears once, in its first grid column."""
        return [self._grid_row(tr) for tr in self._rows(tbl)]

    def _grid_row(self, tr: Any) -> list[str]:
        trpr = tr.find(_w("trPr"))
        row: list[str] = [""] * (_int(_val(trpr, "gridBefore"), 0) or 0)
        for tc in self._cells(tr):
            tcpr = tc.find(_w("tcPr"))
            span = max(1, _int(_val(tcpr, "gridSpan"), 1) or 1)
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            continued = vmerge is not None and vmerge.get(W_VAL, "continue") == "continue"
            row.append("" if continued else self._cell_text(tc))
            row.extend([""] * (span - 1))
        row.extend([""] * (_int(_val(trpr, "gridAfter"), 0) or 0))
        return row

    @staticmethod
    def _is_data_shape(rows: list[list[str]]) -> bool:
        """Rows (blank ones dropped) shaped as no layout table is: more than one filled cell in a
        row, and more than 4 rows or more than 3 columns. Adding rows never undoes it."""
        width = max((sum(1 for c in r if c) for r in rows), default=0)
        return width > 1 and (len(rows) > 4 or max(len(r) for r in rows) > 3)

    def _is_layout(self, tbl: Any, rows: list[list[str]]) -> bool:
        """A table used for page layout (letter header, signature block), not for data."""
        width = max((sum(1 for c in r if c) for r in rows), default=0)
        if width <= 1:
            return True
        if self._is_data_shape(rows):
            return False
        texts = [fold(" ".join(t for t in self.paragraph_text(p, []).split())) for p in tbl.iter(W_P)]
        return bool(_LAYOUT_MARKERS.search("\n".join(texts)))

    def table_part(self, tbl: Any, part: Any) -> bool:
        """A complete child of a body-level table (a row, a container of rows) that is still being
        read: True once the table is known to hold data, when the part's text is kept and its
        elements may be dropped. Until then the table is kept whole (a layout table is read again,
        cell by cell); :meth:`block` finishes it when its end is read."""
        stream = self._streaming
        if stream is None or stream.tbl is not tbl:
            stream = self._streaming = _TableStream(
                tbl, {k: list(v) for k, v in self.numbering.counters.items()}, set(self.numbering.seen_nums)
            )
        if part.tag == W_TR:
            trs: Iterable[Any] = [part]
        elif part.tag in _BLOCK_CONTAINERS:
            trs = self._rows(part)
        else:
            return stream.data
        for tr in trs:
            row = self._grid_row(tr)
            if any(c.strip() for c in row):
                stream.rows.append(row)
        stream.data = stream.data or self._is_data_shape(stream.rows)
        return stream.data

    def _finish_stream(self, tbl: Any) -> bool:
        """Finish a table read part by part: True when done, False when it must be read whole."""
        stream, self._streaming = self._streaming, None
        if stream is None or stream.tbl is not tbl:
            return False
        if stream.data:
            self.blocks.append("\n".join("\t".join(r) for r in stream.rows))
            return True
        self.numbering.counters, self.numbering.seen_nums = stream.counters, stream.seen_nums
        return False

    def table(self, tbl: Any) -> None:
        if self._finish_stream(tbl):
            return
        # render once to learn the shape; numbering counters are re-run below for layout tables
        snapshot = {k: list(v) for k, v in self.numbering.counters.items()}
        seen = set(self.numbering.seen_nums)
        rows = self._grid(tbl)
        rows = [r for r in rows if any(c.strip() for c in r)]
        if not rows:
            return
        if not self._is_layout(tbl, rows):
            self.blocks.append("\n".join("\t".join(r) for r in rows))
            return
        # Layout table: each cell's paragraphs as their own lines, column by column (left column first).
        self.numbering.counters, self.numbering.seen_nums = snapshot, seen
        columns: dict[int, list[Any]] = {}
        for tr in self._rows(tbl):
            col = 0
            trpr = tr.find(_w("trPr"))
            col += _int(_val(trpr, "gridBefore"), 0) or 0
            for tc in self._cells(tr):
                tcpr = tc.find(_w("tcPr"))
                columns.setdefault(col, []).append(tc)
                col += max(1, _int(_val(tcpr, "gridSpan"), 1) or 1)
        for col in sorted(columns):
            for tc in columns[col]:
                self.walk_blocks(tc)


def docx_xml_limit(max_bytes: int) -> int:
    """The most XML a .docx may unpack to: the upload limit, at least 16 MB; the XML of a
    300-page directive is a few MB. The XML is streamed, one block at a time, so memory follows
    the text produced; this bounds the time spent reading it (a 390 MB part read whole took the
    server to 11 GB)."""
    return max(max_bytes, 16 * _MB)


_UNREADABLE_DOCX = (
    "Không đọc được tài liệu Word (.docx): tệp bị hỏng, là mẫu (.dotx) hoặc có macro (.docm).",
    "Hãy mở tệp bằng Word và lưu lại dưới dạng 'Word Document (.docx)'.",
)


def _unreadable_docx() -> UnsupportedFileError:
    return UnsupportedFileError(_UNREADABLE_DOCX[0], hint=_UNREADABLE_DOCX[1])


def _read_docx(data: bytes, max_bytes: int) -> ReadResult:
    warnings: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _mismatch(".docx", _Sniff("broken-zip", "tài liệu Word (.docx) bị hỏng")) from exc
    unpacked = sum(i.file_size for i in members)
    if unpacked > max(20 * max_bytes, 200 * _MB):
        raise UnsupportedFileError(
            f"Tệp .docx giải nén ra quá lớn ({_human_size(unpacked)}); có thể là tệp nén độc hại.",
        )
    # Images may make a document large, its text never does (a 300-page directive has a few MB
    # of XML): the XML is bounded, and streamed (see _DocxPackage), so that memory follows the
    # text produced, not the size of the XML.
    xml = sum(i.file_size for i in members if i.filename.lower().endswith((".xml", ".rels")))
    if xml > docx_xml_limit(max_bytes):
        raise FileTooLargeError(
            f"Phần văn bản của tệp .docx giải nén ra {_human_size(xml)}, vượt giới hạn "
            f"{_human_size(docx_xml_limit(max_bytes))}; đây không phải một văn bản thường (có thể là tệp nén độc hại).",
            hint="Nếu đây là một văn bản thật, hãy tách thành nhiều tệp nhỏ hơn.",
        )
    seen = _BodyMarks()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            package = _DocxPackage(zf)
            numbering = _Numbering()
            for el in package.part_children(package.related(_RT_NUMBERING)):
                numbering.add_numbering(el)
            for el in package.part_children(package.related(_RT_STYLES)):
                numbering.add_style(el)
                seen.legacy_fonts(el)
            writer = _DocxWriter(numbering)
            for el, tbl in package.body_parts():
                if tbl is None:
                    writer.block(el)
                    seen.scan(el)
                elif writer.table_part(tbl, el):
                    seen.scan(el)
                    package.drop(el)
    except _XML_ERRORS as exc:
        logger.info("unreadable docx: %r", exc)
        raise _unreadable_docx() from exc
    text = _finalize("\n\n".join(writer.blocks), keep_edge_tabs=True)
    if not text and seen.drawing:
        raise EmptyDocumentError(
            "Tài liệu Word chỉ chứa hình ảnh, không có chữ (có thể là bản scan dán vào Word).",
            hint="Cần nhận dạng ký tự (OCR) trước khi tải lên.",
        )
    if seen.tracked:
        warnings.append(
            "Tài liệu có thay đổi chưa được chấp nhận (Track Changes); đã đọc bản sau khi chấp nhận."
        )
    legacy = sorted(seen.fonts)[:5]
    if legacy:
        warnings.append(
            f"Tài liệu dùng phông chữ tiếng Việt cũ ({', '.join(legacy)}): chữ có dấu có thể bị sai mã. "
            "Hãy chuyển mã sang Unicode (ví dụ Unikey: Công cụ chuyển mã, TCVN3/VNI -> Unicode) rồi tải lên lại."
        )
    return ReadResult(text, "docx", "", warnings)


class _BodyMarks:
    """What the body holds besides its text: pictures, tracked changes, legacy Vietnamese fonts."""

    def __init__(self) -> None:
        self.drawing = False
        self.tracked = False
        self.fonts: set[str] = set()

    def scan(self, el: Any) -> None:
        for node in el.iter(_W_DRAWING, _W_INS, _W_DEL, _W_RFONTS):
            if node.tag == _W_DRAWING:
                self.drawing = True
            elif node.tag == _W_RFONTS:
                self._font(node)
            else:
                self.tracked = True

    def legacy_fonts(self, el: Any) -> None:
        for node in el.iter(_W_RFONTS):
            self._font(node)

    def _font(self, fonts: Any) -> None:
        """TCVN3 (.VnTime) or VNI (VNI-Times) fonts, whose text is not Unicode."""
        for attr in ("ascii", "hAnsi"):
            name = fonts.get(_w(attr)) or ""
            if name.startswith(".Vn") or name.upper().startswith("VNI-"):
                self.fonts.add(name)


_W_DRAWING, _W_INS, _W_DEL, _W_RFONTS = _w("drawing"), _w("ins"), _w("del"), _w("rFonts")
_RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _xml_errors() -> tuple[type[BaseException], ...]:
    import zlib

    from lxml import etree

    return (etree.LxmlError, zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, ValueError)


_XML_ERRORS = _xml_errors()


class _DocxPackage:
    """The parts of a .docx (an OPC package) this reader needs, each parsed as a stream.

    The XML is read by lxml as python-docx reads it (blank text removed), and as safely: no
    entity is resolved (no XXE, no billion laughs), no DTD is loaded, nothing is fetched from a
    network, and huge_tree stays off. Only the main document, its numbering and its styles are
    read; a template (.dotx) or a macro document (.docm) is refused, as python-docx does.
    """

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = set(zf.namelist())
        main = self._target("", "_rels/.rels", _RT_OFFICE_DOCUMENT)
        if main is None or main not in self.names or self._content_type(main) != _CT_DOCUMENT_MAIN:
            raise _unreadable_docx()
        self.main = main

    def _parse_small(self, name: str) -> Any:
        """A package's small bookkeeping part ([Content_Types].xml, *.rels) as a tree."""
        from lxml import etree

        with self.zf.open(name) as stream:
            return etree.parse(stream, _safe_parser()).getroot()

    def _content_type(self, part: str) -> str:
        if "[Content_Types].xml" not in self.names:
            return ""
        types = self._parse_small("[Content_Types].xml")
        for o in types.iter(f"{{{_CT_NS}}}Override"):
            if (o.get("PartName") or "").lstrip("/").lower() == part.lower():
                return o.get("ContentType") or ""
        ext = PurePosixPath(part).suffix.lstrip(".").lower()
        for d in types.iter(f"{{{_CT_NS}}}Default"):
            if (d.get("Extension") or "").lower() == ext:
                return d.get("ContentType") or ""
        return ""

    def _target(self, base_dir: str, rels: str, reltype: str) -> str | None:
        """The member name of the first internal relationship of a type in a .rels part."""
        if rels not in self.names:
            return None
        for rel in self._parse_small(rels).iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("Type") != reltype or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else f"{base_dir}{target}"
            parts: list[str] = []
            for piece in path.split("/"):
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece not in {"", "."}:
                    parts.append(piece)
            return "/".join(parts)
        return None

    def related(self, reltype: str) -> str | None:
        """The member name of a part the main document relates to (numbering, styles), or None.

        A relationship to a part the package lacks is a damaged package, refused as python-docx
        refuses it."""
        folder, _, name = self.main.rpartition("/")
        base = f"{folder}/" if folder else ""
        target = self._target(base, f"{base}_rels/{name}.rels", reltype)
        if target is not None and target not in self.names:
            raise _unreadable_docx()
        return target

    def part_children(self, name: str | None, *, depth: int = 1, parent_tag: str = "") -> Iterator[Any]:
        """The elements ``depth`` levels under a part's root, each once complete, then dropped.

        Only the element being handed out is in memory, with what is left of its ancestors: an
        element and its earlier siblings are cleared once consumed, so reading a part holds one
        block of it at a time, whatever its size.
        """
        if name is None:
            return
        from lxml import etree

        with self.zf.open(name) as stream:
            for _, el in etree.iterparse(stream, events=("end",), **_SAFE_XML):
                parent = el.getparent()
                if parent is None or (parent_tag and parent.tag != parent_tag):
                    continue
                level, node = 1, parent.getparent()
                while node is not None and level <= depth:
                    level, node = level + 1, node.getparent()
                if level != depth:
                    continue
                yield el
                self.drop(el)

    @staticmethod
    def drop(el: Any) -> None:
        """Free a consumed element and its earlier siblings (the ancestors stay, emptied)."""
        el.clear()
        parent = el.getparent()
        while parent is not None and el.getprevious() is not None:
            del parent[0]

    def body_parts(self) -> Iterator[tuple[Any, Any]]:
        """The main document's body as (block, None) for each child of w:body, and, while a
        body-level table is read, (part, table) for each complete child of that table first.

        A block is dropped once consumed; a table part only when the caller says so (see
        :meth:`_DocxWriter.table_part`), so a long data table is held one row at a time."""
        from lxml import etree

        body, tbl = _w("body"), W_TBL
        with self.zf.open(self.main) as stream:
            for _, el in etree.iterparse(stream, events=("end",), **_SAFE_XML):
                parent = el.getparent()
                if parent is None:
                    continue
                up = parent.getparent()
                if parent.tag == body and up is not None and up.getparent() is None:
                    yield el, None
                    self.drop(el)
                elif parent.tag == tbl and up is not None and up.tag == body:
                    top = up.getparent()
                    if top is not None and top.getparent() is None:
                        yield el, parent


# The parser options of python-docx (remove_blank_text, resolve_entities=False), spelled out.
_SAFE_XML: dict[str, Any] = {
    "remove_blank_text": True,
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
}


def _safe_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(**_SAFE_XML)
