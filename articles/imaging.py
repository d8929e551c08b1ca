"""The one way a picture enters the library: check the file, read its metadata, store it.

`check_upload(file)` refuses anything that is not a real, complete, reasonably sized JPEG,
PNG, WebP or GIF, with a message that says why. `create_image(...)` stores a checked file as
an ImageAsset and makes its renditions. `files_removed_on_failure()` wraps a unit of work so
that a failure leaves neither a row nor a stored file behind. `delete_image()` deletes a
picture and its files; the database refuses a picture in use (hero image, author photo or
inside a body: `BodyImage`).
"""

import base64
import io
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

from . import renditions
from .models import ImageAsset

# Pillow format name → what editors call it. SVG is deliberately absent: it is a document
# that can carry scripts, not a picture we can safely resize.
ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


@dataclass
class CheckedImage:
    format: str
    width: int  # after the EXIF orientation is applied
    height: int
    metadata: dict = field(default_factory=dict)  # {"credit": …, "caption": …} when found

    @property
    def filename(self) -> str:
        """The name to store the file under: its detected format's extension, whatever the
        client called it (`harbour.html` is stored and served as the JPEG it is)."""
        return f"upload.{EXTENSIONS[self.format]}"


def max_bytes():
    return settings.IMAGE_UPLOAD_MAX_BYTES


def max_pixels():
    return settings.IMAGE_MAX_PIXELS


def check_upload(file) -> CheckedImage:
    """Refuse anything that is not a safe picture; raise ValidationError saying why."""
    size = file.size
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_bytes():
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Export a smaller JPEG and try again.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())},
            code="too_large",
        )
    file.seek(0)
    head = file.read(1024).lstrip().lower()
    file.seek(0)
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        raise ValidationError(
            _("SVG drawings are not accepted: they can carry scripts. Upload a JPEG or PNG."),
            code="svg",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("%(format)s files are not accepted. Upload a JPEG, PNG, WebP or GIF.")
                        % {"format": image_format},
                        code="format",
                    )
                _check_pixels(width, height)
                image.verify()  # structure and checksums, without decoding
            file.seek(0)
            with Image.open(file) as image:
                # Decoding finds truncated and corrupt data; a JPEG is decoded at 1/8 scale,
                # which still reads every byte of it.
                image.draft(None, (width // 8, height // 8))
                image.load()
                metadata = read_metadata(image)
                if image.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # rotated a quarter turn
                    width, height = height, width
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_too_many_pixels(), code="bomb") from None
    except UnidentifiedImageError:
        raise ValidationError(
            _(
                "This file is not a picture (it may be a document or web page renamed .jpg). "
                "Upload a JPEG, PNG, WebP or GIF."
            ),
            code="not_image",
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            _("The picture is damaged or incomplete (the upload may have been cut off)."),
            code="corrupt",
        ) from None
    finally:
        file.seek(0)
    return CheckedImage(format=image_format, width=width, height=height, metadata=metadata)


def _check_pixels(width, height):
    if width * height > max_pixels():
        raise ValidationError(_too_many_pixels(width, height), code="bomb")


def _too_many_pixels(width=None, height=None):
    limit = round(max_pixels() / 1_000_000)
    if width:
        return _(
            "The picture claims to be %(width)s × %(height)s pixels; the limit is "
            "%(limit)s megapixels."
        ) % {"width": width, "height": height, "limit": limit}
    return _("The picture has too many pixels; the limit is %(limit)s megapixels.") % {
        "limit": limit
    }


# Metadata a photographer's software writes: IPTC, XMP and EXIF, best source first.
IPTC_BYLINE, IPTC_CREDIT, IPTC_COPYRIGHT, IPTC_CAPTION = (2, 80), (2, 110), (2, 116), (2, 120)
EXIF_DESCRIPTION, EXIF_ARTIST, EXIF_COPYRIGHT = 0x010E, 0x013B, 0x8298


def read_metadata(image) -> dict:
    """Credit and caption found in the file, to prefill the form for the uploader to confirm."""
    found = {"creator": [], "credit": [], "copyright": [], "caption": []}
    iptc = IptcImagePlugin.getiptcinfo(image) or {}
    for key, name in [
        (IPTC_BYLINE, "creator"),
        (IPTC_CREDIT, "credit"),
        (IPTC_COPYRIGHT, "copyright"),
        (IPTC_CAPTION, "caption"),
    ]:
        value = iptc.get(key)
        found[name].append(value[0] if isinstance(value, list) else value)
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    for name, pattern in XMP_PATTERNS.items():
        found[name].append(_xmp_value(xmp, pattern))
    exif = image.getexif()
    found["creator"].append(exif.get(EXIF_ARTIST))
    found["copyright"].append(exif.get(EXIF_COPYRIGHT))
    found["caption"].append(exif.get(EXIF_DESCRIPTION))

    def first(name):
        for value in found[name]:
            text = _text(value)
            if text:
                return text
        return ""

    creator, agency = first("creator"), first("credit")
    copyright = re.sub(r"^(©|\(c\)|copyright)\s*(\d{4})?\s*", "", first("copyright"), flags=re.I)
    if creator and agency and agency.lower() not in creator.lower():
        credit = f"{creator} / {agency}"
    else:
        credit = creator or agency or copyright
    found = {"credit": credit, "caption": first("caption")}
    return {key: value for key, value in found.items() if value}


# The XMP packet is read with narrow patterns, never handed to an XML parser.
XMP_PATTERNS = {
    "creator": r"<dc:creator>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "copyright": r"<dc:rights>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "caption": r"<dc:description>.*?<rdf:li[^>]*>(.*?)</rdf:li>",
    "credit": r"photoshop:Credit(?:=\"([^\"]*)\"|>(.*?)</photoshop:Credit>)",
}


def _xmp_value(xmp, pattern):
    text = xmp.decode("utf-8", "replace") if isinstance(xmp, bytes) else str(xmp)
    match = re.search(pattern, text, re.S)
    if not match:
        return ""
    value = next((group for group in match.groups() if group), "")
    return (
        value.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    )


def _text(value):
    if isinstance(value, bytes):
        for encoding in ("utf-8", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", " ").split())[:200]


def originals():
    """The storage of originals (and of uploads waiting for the uploader's confirmation)."""
    return ImageAsset._meta.get_field("file").storage


def move_original(image, *, source) -> str:
    """Move `image`'s original out of `source` (the public storage originals were kept in
    before `PRIVATE_MEDIA_ROOT`) into the originals storage, named by its detected format.

    Returns "moved", "renamed" (already private, but named by the client's extension),
    "kept" (nothing to do), "missing" or the reason the file was refused."""
    from .models.images import image_upload_to

    target, name = originals(), image.file.name
    safe = name.rsplit(".", 1)[-1].lower() in EXTENSIONS.values()
    if source is not target and source.exists(name):
        found_in = source
    elif target.exists(name):
        if safe:
            return "kept"
        found_in = target
    else:
        return "missing"
    with found_in.open(name, "rb") as file:
        try:
            checked = check_upload(file)
        except ValidationError as error:
            return " ".join(error.messages)
        new_name = target.save(name if safe else image_upload_to(image, checked.filename), file)
    ImageAsset.objects.filter(pk=image.pk).update(file=new_name)
    found_in.delete(name)
    return "moved" if found_in is source else "renamed"


def preview_data_uri(file, size=240) -> str:
    """A small JPEG of the picture as a data: URI, for the upload form (no metadata in it)."""
    file.seek(0)
    with Image.open(file) as image:
        image.draft("RGB", (size * 2, size * 2))
        image = ImageOps.exif_transpose(image)
        image.thumbnail((size, size))
        buffer = io.BytesIO()
        renditions.flatten(image).save(buffer, "JPEG", quality=70)
    file.seek(0)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()


@contextmanager
def files_removed_on_failure():
    """A unit of work in one transaction; if it fails, delete the files it stored.

    Yields the list to which every stored file is appended, as (storage, name).
    """
    stored = []
    try:
        with transaction.atomic():
            yield stored
    except BaseException:
        for storage, name in stored:
            storage.delete(name)
        raise


def create_image(
    file, *, credit, alt_text, caption="", uploaded_by=None, stored=None, **fields
) -> ImageAsset:
    """Check `file`, store it as a library image and make its renditions.

    Raises ValidationError (with field names) when the file or the details are refused.
    Pass `stored` (from `files_removed_on_failure`) to have the files cleaned up on failure.
    """
    stored = [] if stored is None else stored
    checked = check_upload(file)
    image = ImageAsset(
        credit=credit.strip(),
        caption=caption.strip(),
        alt_text=alt_text.strip(),
        uploaded_by=uploaded_by,
        width=checked.width,
        height=checked.height,
        **fields,
    )
    image.full_clean(exclude=["file"])
    image.file.save(checked.filename, file, save=False)
    stored.append((image.file.storage, image.file.name))
    image.save()
    renditions.make_renditions(image, stored=stored)
    return image


def delete_image(image):
    """Delete a library picture and, once that is committed, its files.

    A picture in use is protected by the database (`on_delete=PROTECT`): a hero image, an
    author photo or a picture inside an article's body (`BodyImage`), in an article of any
    status. Deleting it raises ProtectedError, whose protected objects name where it is
    used, and nothing is deleted.
    """
    files = [(f.storage, f.name) for f in [image.file, *(r.file for r in image.renditions.all())]]
    with transaction.atomic():
        image.delete()
        transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
