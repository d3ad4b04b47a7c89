"""Small CV documents made in the test (no binary fixtures): PDF with fpdf2, .docx with zipfile."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from fpdf import FPDF

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf(*lines: str, password: str | None = None, owner_only: bool = False) -> bytes:
    doc = FPDF()
    doc.add_page()
    doc.set_font("Helvetica", size=12)
    for line in lines:
        doc.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if password or owner_only:
        doc.set_encryption(owner_password="eigenaar", user_password=password or "")
    return bytes(doc.output())


def scanned_pdf() -> bytes:
    """A page with only drawing on it, like a scan: no text layer."""
    doc = FPDF()
    doc.add_page()
    doc.rect(20, 20, 120, 60, style="F")
    return bytes(doc.output())


def document_xml(paragraphs: list[str], table: list[list[str]] | None = None) -> str:
    def p(text: str) -> str:
        return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    body = "".join(p(t) for t in paragraphs)
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{rows}</w:tbl>"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body>{body}</w:body></w:document>"
    )


def docx(
    paragraphs: list[str], table: list[list[str]] | None = None, xml: str | None = None
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", xml or document_xml(paragraphs, table))
    return out.getvalue()


def docx_bomb(unpacked: int) -> bytes:
    """A valid-looking .docx whose document.xml inflates to ``unpacked`` bytes (tiny zipped)."""
    filler = "<w:p/>" * (unpacked // 6)
    return docx([], xml=f'<w:document xmlns:w="{W}"><w:body>{filler}</w:body></w:document>')


def docx_nested(depth: int, text: str = "x") -> bytes:
    """A tiny .docx whose document.xml nests ``depth`` run elements (a few hundred bytes)."""
    runs = "<w:r>" * depth + f"<w:t>{escape(text)}</w:t>" + "</w:r>" * depth
    return docx(
        [], xml=f'<w:document xmlns:w="{W}"><w:body><w:p>{runs}</w:p></w:body></w:document>'
    )


def nested_json(depth: int) -> bytes:
    """``{"a":[[[…]]]}`` nested ``depth`` lists deep."""
    return b'{"format": "koers.portfolio", "claims": ' + b"[" * depth + b"]" * depth + b"}"
