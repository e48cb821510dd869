"""Uploads are judged by their content: the name must agree with what the bytes are."""

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redress.domain.uploads import MAX_UPLOAD_BYTES, FileKind, UploadRejected, check_upload


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
EMAIL = (
    b"From: a@example.org\r\nTo: b@example.org\r\nSubject: Repairs\r\n"
    b"Date: Mon, 2 Mar 2026\r\n\r\nHi"
)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("response.pdf", b"%PDF-1.7\n...", FileKind.PDF),
        ("photo.JPG", b"\xff\xd8\xff\xe0rest", FileKind.JPEG),
        ("scan.png", b"\x89PNG\r\n\x1a\nrest", FileKind.PNG),
        ("anim.gif", b"GIF89a rest", FileKind.GIF),
        ("phone.heic", b"\x00\x00\x00\x18ftypheic rest", FileKind.HEIC),
        ("letter.docx", DOCX, FileKind.DOCX),
        ("letter.odt", ODT, FileKind.ODT),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", FileKind.OLE),
        ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", FileKind.OLE),
        ("notes.rtf", b"{\\rtf1 hello}", FileKind.RTF),
        ("saved.eml", EMAIL, FileKind.EML),
    ],
)
def test_accepted_kinds(name: str, content: bytes, kind: FileKind) -> None:
    assert check_upload(name, len(content), content).kind is kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("invoice.pdf", b"MZ\x90\x00 this is a windows program", "is a program"),
        ("tool.pdf", b"\x7fELF\x02\x01", "is a program"),
        ("script.pdf", b"#!/bin/sh\nrm -rf /", "is a program"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\nrest", "its name says otherwise"),
        ("archive.zip", _zip({"a.txt": b"x"}), "must be a PDF"),
        ("notes.txt", b"just some words", "must be a PDF"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_refused_files_say_why(name: str, content: bytes, message: str) -> None:
    with pytest.raises(UploadRejected, match=message) as refused:
        check_upload(name, len(content), content)
    assert name in str(refused.value)


def test_files_over_20_mb_are_refused_before_looking_inside() -> None:
    with pytest.raises(UploadRejected, match="smaller than 20 MB"):
        check_upload("big.pdf", MAX_UPLOAD_BYTES + 1, b"%PDF-")


@given(st.binary(max_size=600), st.text(max_size=30))
def test_any_bytes_and_name_are_accepted_or_refused_with_a_message(
    content: bytes, name: str
) -> None:
    message = ""
    try:
        check_upload(name, len(content), content)
    except UploadRejected as refused:
        message = str(refused)
        assert message.endswith(".")
