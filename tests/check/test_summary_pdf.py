"""The PDF portfolio summary embeds a Unicode font: names outside Latin-1 survive.

The text is read back from the PDF itself: each font's ToUnicode CMap maps the two-byte glyph
codes of the ``Tj`` strings back to characters (no PDF library is installed; fpdf2 writes a
small, regular file)."""

from __future__ import annotations

import re
import zlib
from datetime import date

from koers.data import bundled_path
from koers.portfolio import Person, Portfolio
from koers.portfolio.summary import SummaryData, SummaryRow
from koers.services.portfolio import summary_pdf

NAME = "Zoë Ğülşen — Łódź"


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {
        int(m.group(1)): m.group(2)
        for m in re.finditer(rb"(?m)^(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)
    }


def _stream(body: bytes) -> bytes:
    found = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    assert found, "object has no stream"
    data = found.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body else data


def _cmap(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(uni.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, uni in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(uni, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + offset)
    return out


def _unescape(raw: bytes) -> bytes:
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def one(m: re.Match[bytes]) -> bytes:
        token = m.group(1)
        if token[:1].isdigit():
            return bytes([int(token, 8)])
        return simple.get(token, token)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def pdf_text(pdf: bytes) -> str:
    """Every ``Tj`` string of every page, decoded through its font's ToUnicode map."""
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", pdf):
        font = objects[int(ref)]
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font)
        if to_unicode:
            fonts[name] = _cmap(_stream(objects[int(to_unicode.group(1))]))
    lines = []
    for body in objects.values():
        if b"stream" not in body or b"/Length1" in body or b"/Subtype" in body:
            continue
        content = _stream(body)
        current: dict[int, str] = {}
        for font, string in re.findall(
            rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", content, re.S
        ):
            if font:
                current = fonts.get(font, {})
                continue
            data = _unescape(string)
            codes = [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
            lines.append("".join(current.get(c, "\ufffd") for c in codes))
    return "\n".join(lines)


def data(name: str, **more: object) -> SummaryData:
    values: dict[str, object] = {
        "title": "Competentieportfolio",
        "name": name,
        "made": "Gemaakt met Koers op 2026-11-01",
        "sample": False,
        "current": "kok",
        "targets": ("chef-kok in Łódź",),
        "skills": (SummaryRow("prijzen in € berekenen", 0.8, "zelf opgegeven", "2026-01-01"),),
        "more": 0,
        "jobs": ("2019–nu  kok, Restauracja Żurek",),
        "learning": (),
        "lang": "nl",
    }
    values.update(more)
    return SummaryData(**values)  # type: ignore[arg-type]


def test_non_latin_text_survives_into_the_pdf() -> None:
    pdf = summary_pdf(data(NAME))
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf and b"DejaVuSans" in pdf  # a TrueType font is embedded
    assert b"/Helvetica" not in pdf
    text = pdf_text(pdf)
    assert f"Competentieportfolio: {NAME}" in text
    assert "prijzen in € berekenen" in text
    assert "chef-kok in Łódź" in text and "2019–nu  kok, Restauracja Żurek" in text
    assert "?" not in text and "\ufffd" not in text


def test_the_extractor_sees_a_replacement_when_there_is_one() -> None:
    # guards the test above: a '?' in the data must show up in the extracted text
    assert "Zo? ?" in pdf_text(summary_pdf(data("Zo? ?")))


def test_lines_after_a_wrapped_title_start_at_the_margin() -> None:
    # fpdf2 leaves x at the right edge after multi_cell; the "made" line once landed there
    pdf = summary_pdf(data(NAME))
    content = [
        zlib.decompress(m)
        for m in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
        if m[:2] == b"x\x9c"
    ]
    positions = [float(x) for c in content for x in re.findall(rb"BT ([\d.]+) [\d.]+ Td", c)]
    # title, made, current, targets, skills heading: all at the 14 mm (39.7 pt) margin
    assert positions[:5] == [42.52] * 5, positions[:5]


def test_font_and_licence_are_bundled() -> None:
    assert bundled_path("fonts", "DejaVuSans.ttf").stat().st_size > 100_000
    licence = bundled_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Arev" in licence


def test_portfolio_service_pdf_keeps_the_name() -> None:
    portfolio = Portfolio(person=Person(display_name=NAME))
    from koers.i18n import translator
    from koers.portfolio.summary import summary_data

    data = summary_data(portfolio, {}, {}, date(2026, 11, 1), translator("en"), "en")
    pdf = summary_pdf(data)
    assert f"Competence portfolio: {NAME}" in pdf_text(pdf)
