"""Text from an uploaded CV document: PDF, Word (.docx) or plain text, read offline.

This is the byte-parsing edge of CV import (used by the portfolio service, the API, the web
page and the CLI alike); what to do with the text is the extraction domain's job. Every
refusal is a :class:`DocumentUnreadable` with a stable ``reason`` (the web page shows a Dutch
text per reason) and an English message that names the problem and what to do instead.

Limits, because an upload is untrusted:

* the file itself: ``limit`` bytes (the web page and the API pass the request body limit,
  ``KOERS_MAX_BODY_BYTES``; the CLI uses :data:`MAX_DOCUMENT_BYTES`);
* a .docx is a zip: at most :data:`MAX_UNPACKED_BYTES` of its ``word/document.xml`` is ever
  decompressed, whatever the zip header claims, and an XML DOCTYPE (entity expansion) is
  refused;
* a PDF: at most :data:`MAX_PDF_PAGES` pages, pypdf's own decompression limits
  (``LimitReachedError``) and at most :data:`MAX_TEXT_CHARS` characters of text.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath
from xml.etree import ElementTree

from koers.errors import InvalidInput

MAX_DOCUMENT_BYTES = 5_000_000
"""Largest CV file the CLI reads (the web page and API are bounded by the body limit)."""
MAX_UNPACKED_BYTES = 20_000_000
"""Most bytes of a .docx's main XML part ever decompressed (a long CV is well under 1 MB)."""
MAX_PDF_PAGES = 50
"""A CV has a few pages; more is another kind of document (and costs parsing time)."""
MAX_TEXT_CHARS = 200_000
MAX_XML_DEPTH = 256
"""Deepest element nesting read in a .docx; Word's own nesting (tables in tables, text boxes)
stays far below it."""
"""Same as the CV text limit of the portfolio service (about 60 pages)."""

MIN_WORDS = 3
"""Fewer words than this is not a CV (a lone number, ``true``, a few stray bytes)."""
WORD = re.compile(r"[^\W\d_]{2,}")

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: old Word (.doc) and Excel, and also password-protected .docx files."""
ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# pypdf reports damaged structure through logging warnings: they hold no content, but they are
# noise in the JSON logs for every odd CV. Set once for the process (not per call, which races).
logging.getLogger("pypdf").setLevel(logging.ERROR)


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


class Reason(StrEnum):
    """Why a document was refused (stable: the web page has a text per reason)."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNPACKED_TOO_LARGE = "unpacked_too_large"
    NO_TEXT_LAYER = "no_text_layer"
    ENCRYPTED = "encrypted"
    OLD_WORD = "old_word"
    UNSUPPORTED = "unsupported"
    DAMAGED = "damaged"
    NOT_TEXT = "not_text"
    TOO_MANY_PAGES = "too_many_pages"
    TOO_LITTLE_TEXT = "too_little_text"


class DocumentUnreadable(InvalidInput):
    """The uploaded CV could not be turned into text; nothing was read further or stored.

    Attributes:
        name: the file name as uploaded (for the message; no content).
        reason: why, see :class:`Reason`.
        values: numbers for the message (``limit_mb``, ``pages``...).
    """

    code = "document_unreadable"

    def __init__(self, name: str, reason: Reason, message: str, **values: object) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.reason = reason
        self.values = values


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    kind: DocumentKind
    pages: int = 1


def megabytes(limit: int) -> str:
    """``1048576`` → ``"1"``, ``5000000`` → ``"5"``, ``1500000`` → ``"1.5"`` (for messages)."""
    value = limit / (1_048_576 if limit % 1_048_576 == 0 else 1_000_000)
    return f"{value:.2f}".rstrip("0").rstrip(".")


def too_large(name: str, limit: int) -> DocumentUnreadable:
    mb = megabytes(limit)
    return DocumentUnreadable(
        name, Reason.TOO_LARGE, f"the file is larger than {mb} MB (the limit)", limit_mb=mb
    )


def read_document(data: bytes, name: str, limit: int = MAX_DOCUMENT_BYTES) -> Document:
    """The text of a CV file, recognised by its content (the file name only words messages).

    Args:
        data: the file's bytes (read at most ``limit + 1``, so "too large" can be told).
        name: the file name as uploaded.
        limit: the largest file accepted, in bytes.

    Raises:
        DocumentUnreadable: empty, too large, not a PDF/.docx/text file, damaged, encrypted,
            a scanned PDF without a text layer, or a .docx that unpacks to too much.
    """
    if len(data) > limit:
        raise too_large(name, limit)
    if not data.strip():
        raise DocumentUnreadable(name, Reason.EMPTY, "the file is empty")
    suffix = PurePath(name).suffix.lower()
    head = data[:1024]
    if PDF_MAGIC in head:
        document = _pdf(data, name)
    elif data.startswith(ZIP_MAGIC):
        document = _docx(data, name)
    elif data.startswith(OLE_MAGIC):
        if ENCRYPTED_OOXML in data:
            raise DocumentUnreadable(
                name,
                Reason.ENCRYPTED,
                "this Word file is protected with a password; save it without a password or "
                "paste the text",
            )
        raise DocumentUnreadable(
            name,
            Reason.OLD_WORD,
            "an old Word file (.doc) cannot be read; save it as .docx or PDF, or paste the text",
        )
    elif suffix in (".pdf", ".docx"):
        raise DocumentUnreadable(
            name,
            Reason.DAMAGED,
            f"the name ends in {suffix} but the file is not a {suffix[1:].upper()} "
            "(damaged or renamed); save it again or paste the text",
            kind=suffix[1:].upper(),
        )
    elif suffix in TEXT_SUFFIXES or suffix not in _KNOWN_OTHER:
        document = Document(_plain_text(data, name), DocumentKind.TEXT)
    else:
        raise _unsupported(name, suffix)
    text = _clean(document.text)
    if not text.strip():
        raise DocumentUnreadable(name, Reason.EMPTY, "the file has no text")
    if len(WORD.findall(text, 0, 100_000)) < MIN_WORDS:
        # a number, "true" or a few bytes of garbage that happen to decode: nothing to find
        # skills in, and most likely not the file the citizen meant to send
        raise DocumentUnreadable(
            name,
            Reason.TOO_LITTLE_TEXT,
            f"the file has fewer than {MIN_WORDS} words; is it the right file? Or paste the text",
            most=MIN_WORDS,
        )
    return Document(text, document.kind, document.pages)


_KNOWN_OTHER = {
    ".doc",
    ".odt",
    ".rtf",
    ".pages",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".heic",
    ".tif",
    ".tiff",
    ".zip",
    ".html",
    ".htm",
}


def _unsupported(name: str, what: str) -> DocumentUnreadable:
    return DocumentUnreadable(
        name,
        Reason.UNSUPPORTED,
        f"this kind of file ({what or 'unknown'}) cannot be read; use PDF, Word (.docx) or "
        "plain text, or paste the text",
        kind=what or "?",
    )


def _plain_text(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _not_text(name) from exc
    if data.startswith(b"{\\rtf"):
        raise _unsupported(name, ".rtf")
    if b"\x00" in data[:8192]:
        raise _not_text(name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Notepad and older Word "save as text" on Windows write cp1252; a file with C0 control
    # bytes in it is binary, not text in another code page
    if CONTROL.search(data[:65536].decode("latin-1")):
        raise _not_text(name)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _not_text(name) from exc


def _not_text(name: str) -> DocumentUnreadable:
    return DocumentUnreadable(
        name,
        Reason.NOT_TEXT,
        "not a text file, a PDF or a Word file (.docx); save the CV as PDF or paste the text",
    )


def _pdf(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError

    damaged = DocumentUnreadable(
        name,
        Reason.DAMAGED,
        "the PDF is damaged and cannot be read; save it again or paste the text",
        kind="PDF",
    )
    encrypted = DocumentUnreadable(
        name,
        Reason.ENCRYPTED,
        "this PDF is protected with a password; save it without a password or paste the text",
    )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # many "protected" PDFs only restrict printing/copying: they open without a
            # password (empty user password) and their text can be read
            try:
                opened = reader.decrypt("")
            except (PyPdfError, NotImplementedError) as exc:
                raise encrypted from exc
            if not opened:
                raise encrypted
        pages = len(reader.pages)
    except DocumentUnreadable:
        raise
    except LimitReachedError as exc:
        raise _unpacked(name) from exc
    except FileNotDecryptedError as exc:
        raise encrypted from exc
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise damaged from exc
    if pages == 0:
        raise damaged
    if pages > MAX_PDF_PAGES:
        raise DocumentUnreadable(
            name,
            Reason.TOO_MANY_PAGES,
            f"the PDF has {pages} pages; a CV has at most {MAX_PDF_PAGES}",
            pages=pages,
            most=MAX_PDF_PAGES,
        )
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        try:
            text = page.extract_text() or ""
        except LimitReachedError as exc:
            raise _unpacked(name) from exc
        except FileNotDecryptedError as exc:
            raise encrypted from exc
        except Exception as exc:
            raise damaged from exc
        parts.append(text)
        size += len(text)
        if size > MAX_TEXT_CHARS:
            break
    text = "\n\n".join(parts)
    if not text.strip():
        raise DocumentUnreadable(
            name,
            Reason.NO_TEXT_LAYER,
            "this PDF has no text layer (it is probably a scan or a photo); paste the text",
        )
    return Document(text, DocumentKind.PDF, pages)


def _unpacked(name: str) -> DocumentUnreadable:
    mb = megabytes(MAX_UNPACKED_BYTES)
    return DocumentUnreadable(
        name,
        Reason.UNPACKED_TOO_LARGE,
        f"the file unpacks to more than {mb} MB; a CV is much smaller: paste the text",
        limit_mb=mb,
    )


def _docx(data: bytes, name: str) -> Document:
    damaged = DocumentUnreadable(
        name,
        Reason.DAMAGED,
        "the Word file is damaged and cannot be read; save it again or paste the text",
        kind="DOCX",
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise damaged from exc
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            if "content.xml" in names:
                raise _unsupported(name, ".odt")
            if "xl/workbook.xml" in names:
                raise _unsupported(name, ".xlsx")
            if "ppt/presentation.xml" in names:
                raise _unsupported(name, ".pptx")
            raise _unsupported(name, PurePath(name).suffix.lower() or ".zip")
        info = archive.getinfo("word/document.xml")
        if info.file_size > MAX_UNPACKED_BYTES:
            raise _unpacked(name)
        try:
            # the header's size may lie: never decompress more than the cap, whatever it says
            with archive.open(info) as part:
                xml = part.read(MAX_UNPACKED_BYTES + 1)
        except (zipfile.BadZipFile, RuntimeError, ValueError, OSError, EOFError) as exc:
            # RuntimeError: a zip entry encrypted with a password
            if "encrypted" in str(exc).lower() or "password" in str(exc).lower():
                raise DocumentUnreadable(
                    name,
                    Reason.ENCRYPTED,
                    "this Word file is protected with a password; save it without a password "
                    "or paste the text",
                ) from exc
            raise damaged from exc
    if len(xml) > MAX_UNPACKED_BYTES:
        raise _unpacked(name)
    if b"<!DOCTYPE" in xml[:4096].upper() or b"<!ENTITY" in xml.upper():
        raise damaged  # Word never writes a DTD; entities are how XML bombs expand
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise damaged from exc
    return Document("\n".join(_paragraphs(root, name)), DocumentKind.DOCX)


def _paragraphs(root: ElementTree.Element, name: str) -> list[str]:
    """Each ``w:p`` as a line, in document order (tables included); a text box's fallback copy
    (``mc:Fallback``, the same text for old readers) is skipped so nothing appears twice.

    The walk keeps its own stack (a paragraph inside a text box inside a paragraph ends before
    its outer one, as Word shows it): a recursive walk let a 628-byte file of 5,000 nested
    elements end in RecursionError (issue 13).

    Raises:
        DocumentUnreadable: elements nested deeper than :data:`MAX_XML_DEPTH`.
    """
    lines: list[str] = []
    # each frame: the element's remaining children, where its text goes, and the paragraph's
    # parts if the element is a paragraph (its line is added once all its children are read)
    stack: list[tuple[Iterator[ElementTree.Element], list[str] | None, list[str] | None]]
    stack = [(iter(root), None, None)]
    while stack:
        children, into, paragraph = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if paragraph is not None:
                lines.append("".join(paragraph))
            continue
        tag = child.tag
        if tag == MC_FALLBACK:
            continue
        if tag == f"{W}p":
            parts: list[str] = []
            stack.append((iter(child), parts, parts))
        elif into is not None and tag == f"{W}t":
            into.append(child.text or "")
        elif into is not None and tag == f"{W}tab":
            into.append("\t")
        elif into is not None and tag in (f"{W}br", f"{W}cr"):
            into.append("\n")
        else:
            stack.append((iter(child), into, None))
        if len(stack) > MAX_XML_DEPTH:
            raise _too_deep(name)
    return lines


def _too_deep(name: str) -> DocumentUnreadable:
    return DocumentUnreadable(
        name,
        Reason.DAMAGED,
        f"the Word file nests its parts more than {MAX_XML_DEPTH} levels deep, which no real "
        "document does; save it again or paste the text",
        kind="DOCX",
    )


def _clean(text: str) -> str:
    """NFC, no control characters (the app refuses NUL in text), no runs of blank lines, and
    words hyphenated at a PDF line end joined again."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub(" ", text)
    text = re.sub(r"([a-zà-ÿ])-\n([a-zà-ÿ])", r"\1\2", text)
    text = re.sub(r"[ \t\u00a0]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
