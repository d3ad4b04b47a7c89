"""Text from CV files (services/documents.py): PDF, .docx and text, and every refusal.

All documents are made in the test (fpdf2, zipfile); none is a binary fixture."""

from __future__ import annotations

import io
import zipfile

import pytest

from koers.services.documents import (
    MAX_PDF_PAGES,
    MAX_UNPACKED_BYTES,
    DocumentKind,
    DocumentUnreadable,
    Reason,
    megabytes,
    read_document,
)
from tests.portfolio.docs_factory import W, docx, docx_bomb, docx_nested, pdf, scanned_pdf


def refused(data: bytes, name: str, limit: int = 5_000_000) -> DocumentUnreadable:
    with pytest.raises(DocumentUnreadable) as caught:
        read_document(data, name, limit)
    assert caught.value.name == name and caught.value.code == "document_unreadable"
    assert caught.value.status == 422
    return caught.value


def test_pdf_text_in_reading_order() -> None:
    data = pdf("Ervaring: heftruck besturen in een magazijn.", "Ik werk graag in een ploeg.")
    doc = read_document(data, "cv.pdf")
    assert doc.kind is DocumentKind.PDF and doc.pages == 1
    assert doc.text.index("heftruck") < doc.text.index("ploeg")


def test_pdf_found_by_content_not_by_name() -> None:
    assert read_document(pdf("Kok in Gent"), "cv.txt").kind is DocumentKind.PDF


def test_pdf_that_opens_without_a_password_is_read() -> None:
    # only copying/printing restricted (empty user password), as many exported CVs are
    assert "lassen" in read_document(pdf("lassen en slijpen", owner_only=True), "cv.pdf").text


def test_pdf_with_a_password_is_refused() -> None:
    error = refused(pdf("geheim", password="open sesame"), "cv.pdf")
    assert error.reason is Reason.ENCRYPTED and "password" in error.message


def test_scanned_pdf_says_paste_the_text() -> None:
    error = refused(scanned_pdf(), "scan.pdf")
    assert error.reason is Reason.NO_TEXT_LAYER
    assert "no text layer" in error.message and "paste the text" in error.message


def test_garbage_renamed_pdf_is_damaged() -> None:
    error = refused(bytes(range(256)) * 40, "cv.pdf")
    assert error.reason is Reason.DAMAGED and ".pdf" in error.message
    assert error.values["kind"] == "PDF"


def test_truncated_pdf_is_damaged() -> None:
    data = pdf("heftruck")
    error = refused(data[: len(data) // 3], "cv.pdf")
    assert error.reason in (Reason.DAMAGED, Reason.NO_TEXT_LAYER, Reason.TOO_LITTLE_TEXT)


def test_pdf_with_too_many_pages() -> None:
    from fpdf import FPDF

    doc = FPDF()
    doc.set_font("Helvetica", size=8)
    for i in range(MAX_PDF_PAGES + 1):
        doc.add_page()
        doc.cell(0, 5, f"pagina {i}")
    error = refused(bytes(doc.output()), "boek.pdf")
    assert error.reason is Reason.TOO_MANY_PAGES and error.values["pages"] == MAX_PDF_PAGES + 1


def test_docx_paragraphs_and_tables() -> None:
    data = docx(["Jan (fictief)", "Magazijnier – heftruck"], table=[["2019", "Kok"]])
    doc = read_document(data, "cv.docx")
    assert doc.kind is DocumentKind.DOCX
    assert doc.text.splitlines() == ["Jan (fictief)", "Magazijnier – heftruck", "2019", "Kok"]


def test_docx_text_box_paragraph_comes_before_its_anchor_paragraph() -> None:
    """The walk keeps its own stack; nested paragraphs keep the order the recursive walk gave."""
    box = "<w:r><w:txbxContent><w:p><w:r><w:t>in het kader</w:t></w:r></w:p></w:txbxContent></w:r>"
    body = f"<w:p><w:r><w:t>voor</w:t></w:r>{box}<w:r><w:t> na</w:t></w:r></w:p><w:p/>"
    xml = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    assert read_document(docx([], xml=xml), "cv.docx").text.splitlines() == [
        "in het kader",
        "voor na",
    ]


def test_docx_nested_5000_deep_is_refused_not_a_recursion_error() -> None:
    """Issue 13 fault 5: a 628-byte .docx of 5,000 nested elements gave RecursionError (500)."""
    data = docx_nested(5000)
    assert len(data) < 1000
    error = refused(data, "cv.docx")
    assert error.reason is Reason.DAMAGED
    assert "levels deep" in error.message


def test_docx_nested_as_deep_as_allowed_is_read() -> None:
    text = "Magazijnier met heftruckattest"
    assert read_document(docx_nested(200, text), "cv.docx").text == text


def test_docx_zip_bomb_is_never_inflated_past_the_cap() -> None:
    bomb = docx_bomb(MAX_UNPACKED_BYTES + 1_000_000)
    assert len(bomb) < 200_000  # tiny zipped: this is what makes it a bomb
    error = refused(bomb, "cv.docx")
    assert error.reason is Reason.UNPACKED_TOO_LARGE
    assert error.values["limit_mb"] == megabytes(MAX_UNPACKED_BYTES)


def test_docx_whose_header_lies_about_its_size() -> None:
    bomb = bytearray(docx_bomb(MAX_UNPACKED_BYTES + 1_000_000))
    # patch the central directory's uncompressed size of word/document.xml to 100 bytes
    central = bomb.rfind(b"PK\x01\x02", 0, bomb.rfind(b"word/document.xml") + 1)
    bomb[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with pytest.raises(DocumentUnreadable) as caught:
        read_document(bytes(bomb), "cv.docx")
    assert caught.value.reason in (Reason.UNPACKED_TOO_LARGE, Reason.DAMAGED)


def test_docx_with_an_entity_declaration_is_refused() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert refused(docx([], xml=xml), "cv.docx").reason is Reason.DAMAGED


def test_other_zip_files_are_named() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    error = refused(out.getvalue(), "cv.odt")
    assert error.reason is Reason.UNSUPPORTED and error.values["kind"] == ".odt"


def test_broken_docx_is_damaged() -> None:
    data = docx(["heftruck"])
    assert refused(data[:60], "cv.docx").reason is Reason.DAMAGED
    assert refused(b"this is text, not a docx", "cv.docx").reason is Reason.DAMAGED


def test_old_word_doc_is_refused_with_what_to_do() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
    error = refused(ole, "cv.doc")
    assert error.reason is Reason.OLD_WORD and ".docx" in error.message


def test_password_protected_docx_is_not_called_old_word() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 500
    assert refused(ole, "cv.docx").reason is Reason.ENCRYPTED


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "cv.pdf", Reason.EMPTY),
        (b"  \n\t ", "cv.txt", Reason.EMPTY),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "foto.png", Reason.UNSUPPORTED),
        (b"{\\rtf1\\ansi hallo}", "cv.rtf", Reason.UNSUPPORTED),
        (b"{\\rtf1\\ansi hallo}", "cv.txt", Reason.UNSUPPORTED),
        (b"\x00\x01\x02binary\xff" * 50, "cv.txt", Reason.NOT_TEXT),
        (b"\x01\x02\x03\x04" * 50 + b"\xff", "cv", Reason.NOT_TEXT),
        (b"289", "file", Reason.TOO_LITTLE_TEXT),
        (b"false", "cv.txt", Reason.TOO_LITTLE_TEXT),
        (b"\x8f\xa3 \x9d 12 \xbb", "cv.txt", Reason.NOT_TEXT),
        (b"\xa3\xbb 12 \xe9 \xab", "cv.txt", Reason.TOO_LITTLE_TEXT),
    ],
)
def test_refusals(data: bytes, name: str, reason: Reason) -> None:
    assert refused(data, name).reason is reason


def test_size_limit_names_the_limit() -> None:
    error = refused(b"a" * 1_048_577, "cv.txt", limit=1_048_576)
    assert error.reason is Reason.TOO_LARGE and error.values["limit_mb"] == "1"
    assert "1 MB" in error.message


def test_plain_text_in_utf8_utf16_and_windows_1252() -> None:
    text = "Kok in een café in Brugge; HACCP — €"
    for encoded in (text.encode(), "\ufeff".encode() + text.encode(), text.encode("utf-16")):
        assert read_document(encoded, "cv.txt").text == text
    assert read_document(text.encode("cp1252"), "cv.txt").text == text


def test_text_is_cleaned_for_extraction() -> None:
    text = read_document(b"heftruck\r\nbestu-\nren\x0b\n\n\n\nploeg", "cv.txt").text
    assert text == "heftruck\nbesturen\n\nploeg"
    assert "\x0b" not in text and "\r" not in text


def test_megabytes() -> None:
    assert megabytes(1_048_576) == "1"
    assert megabytes(5_000_000) == "5"
    assert megabytes(1_500_000) == "1.5"
