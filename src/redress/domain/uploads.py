"""What kind of file an upload really is, judged by its content, never by its name.

The scheme accepts evidence as PDF, Word, images and saved emails. Anything else, and
anything whose content does not match what its name claims (an executable renamed
`.pdf`), is refused with a message the person can act on.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import Enum

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Enough of the start of a file to recognise every kind below.
SNIFF_BYTES = 8192


class FileKind(Enum):
    PDF = ("pdf", "PDF document", "application/pdf")
    DOCX = (
        "docx",
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    ODT = ("odt", "OpenDocument text", "application/vnd.oasis.opendocument.text")
    OLE = ("ole", "Word 97-2003 document or Outlook message", "application/x-ole-storage")
    RTF = ("rtf", "Rich Text document", "application/rtf")
    PNG = ("png", "PNG image", "image/png")
    JPEG = ("jpeg", "JPEG image", "image/jpeg")
    GIF = ("gif", "GIF image", "image/gif")
    HEIC = ("heic", "HEIC photo", "image/heic")
    EML = ("eml", "Saved email", "message/rfc822")

    def __init__(self, code: str, label: str, content_type: str) -> None:
        self.code = code
        self.label = label
        self.content_type = content_type


# The names each kind may carry: a file whose name disagrees with its content is refused.
EXTENSIONS: dict[FileKind, frozenset[str]] = {
    FileKind.PDF: frozenset({"pdf"}),
    FileKind.DOCX: frozenset({"docx"}),
    FileKind.ODT: frozenset({"odt"}),
    FileKind.OLE: frozenset({"doc", "msg"}),
    FileKind.RTF: frozenset({"rtf", "doc"}),
    FileKind.PNG: frozenset({"png"}),
    FileKind.JPEG: frozenset({"jpg", "jpeg"}),
    FileKind.GIF: frozenset({"gif"}),
    FileKind.HEIC: frozenset({"heic", "heif"}),
    FileKind.EML: frozenset({"eml", "txt"}),
}
ACCEPTED_DESCRIPTION = "a PDF, Word document, photo or image (JPG, PNG, GIF, HEIC) or saved email"

_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
_EMAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"received:", b"message-id:")


class UploadRejected(ValueError):  # noqa: N818 - reads as the outcome people see
    """The file cannot be accepted; the message says why in plain English."""


@dataclass(frozen=True)
class UploadCheck:
    kind: FileKind
    extension: str


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_kind(content: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return FileKind.DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == (
                b"application/vnd.oasis.opendocument.text"
            ):
                return FileKind.ODT
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError):
        return None
    return None


def _looks_like_email(head: bytes) -> bool:
    lines = head.replace(b"\r\n", b"\n").split(b"\n")[:40]
    headers = {line.split(b":", 1)[0].lower() + b":" for line in lines if b":" in line[:40]}
    return len(headers & set(_EMAIL_HEADERS)) >= 3


def sniff(head: bytes, *, whole: bytes | None = None) -> FileKind | None:
    """The kind of file these bytes start, or None. `whole` is needed to look inside zips."""
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return FileKind.GIF
    if head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"heif", b"hevc"}:
        return FileKind.HEIC
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return FileKind.OLE
    if head.startswith(b"{\\rtf"):
        return FileKind.RTF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(whole if whole is not None else head)
    if _looks_like_email(head):
        return FileKind.EML
    return None


def check_upload(name: str, size: int, content: bytes) -> UploadCheck:
    """Accept the file or raise UploadRejected with a message naming the file."""
    label = name or "The file"
    if size == 0:
        raise UploadRejected(f"{label} is empty.")
    if size > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"{label} must be smaller than 20 MB.")
    head = content[:SNIFF_BYTES]
    if head.startswith(_EXECUTABLE_MAGIC):
        raise UploadRejected(
            f"{label} is a program, not a document. Upload {ACCEPTED_DESCRIPTION}."
        )
    kind = sniff(head, whole=content)
    if kind is None:
        raise UploadRejected(f"{label} must be {ACCEPTED_DESCRIPTION}.")
    extension = _extension(name)
    if extension not in EXTENSIONS[kind]:
        raise UploadRejected(
            f"{label} is a {kind.label} but its name says otherwise. "
            "Rename it or save it again in the right format."
        )
    return UploadCheck(kind=kind, extension=extension)
