"""Picture files for the photo desk's tests, good and bad, all made in memory."""

import io
import struct
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from .factories import image_bytes

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 180, 20)


def two_colour_image(width, height, left=RED, right=BLUE):
    image = Image.new("RGB", (width, height), left)
    image.paste(right, (width // 2, 0, width, height))
    return image


def phone_jpeg(*, orientation=6, artist="Jane Smith", description="Harbour at dawn."):
    """A photo as a phone writes it: stored on its side with EXIF orientation 6, GPS
    position, camera details. Left half red, right half blue, 60 × 40 as stored."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.BodySerialNumber] = "SERIAL-12345"
    if artist:
        exif[ExifTags.Base.Artist] = artist
    if description:
        exif[ExifTags.Base.ImageDescription] = description
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    buffer = io.BytesIO()
    two_colour_image(60, 40).save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def iptc_jpeg(datasets, *, exif_artist=None):
    """A JPEG with an IPTC block as photo agencies send it: IPTC-IIM datasets (record 2) in a
    Photoshop "8BIM" resource 0x0404, in an APP13 segment right after the start of the file.
    Pillow reads IPTC but cannot write it, so the segment is built byte by byte.
    `datasets` is {dataset number: text}, e.g. {80: "By-line", 110: "Credit", 120: "Caption"}.
    """
    iptc = b"".join(
        b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(text.encode())) + text.encode()
        for number, text in datasets.items()
    )
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"  # id, empty name
    resource += struct.pack(">I", len(iptc)) + iptc + b"\x00" * (len(iptc) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    app13 = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    exif = Image.Exif()
    if exif_artist:
        exif[ExifTags.Base.Artist] = exif_artist
    buffer = io.BytesIO()
    two_colour_image(60, 40).save(buffer, "JPEG", exif=exif)
    jpeg = buffer.getvalue()
    return jpeg[:2] + app13 + jpeg[2:]  # after the SOI marker


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_claiming(width, height):
    """A tiny valid PNG whose header claims `width` × `height`: a decompression bomb."""
    buffer = io.BytesIO()
    Image.new("1", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.effect_noise((300, 300), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return data[: len(data) // 2]


SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    b'width="10" height="10"><script>alert(1)</script></svg>'
)
HTML_AS_JPEG = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

# name, content, the words the uploader is told
BAD_FILES = {
    "not an image": ("minutes.jpg", PDF, "This file is not a picture"),
    "truncated": ("cut-off.jpg", truncated_jpeg, "damaged or incomplete"),
    "html renamed .jpg": ("holiday.jpg", HTML_AS_JPEG, "This file is not a picture"),
    "svg": ("logo.svg", SVG, "SVG drawings are not accepted"),
    "decompression bomb": ("bomb.png", lambda: png_claiming(30000, 30000), "megapixels"),
    "just over the pixel limit": ("big.png", lambda: png_claiming(8000, 8000), "megapixels"),
    "empty": ("empty.jpg", b"", "The file is empty"),
}


def bad_upload(kind):
    name, content, message = BAD_FILES[kind]
    return upload(content() if callable(content) else content, name), message


def good_upload(name="photo.jpg", **kwargs):
    return upload(image_bytes(**kwargs), name)


def stored_files(media_root, folder=""):
    """Every file under the storage folder (MEDIA_ROOT in the tests)."""
    root = media_root / folder
    return sorted(str(p.relative_to(media_root)) for p in root.rglob("*") if p.is_file())


def all_stored_files(settings):
    """Every file stored anywhere: the public media folder and the private originals."""
    return [
        f"{label}/{name}"
        for label, root in (
            ("media", settings.MEDIA_ROOT),
            ("private", settings.PRIVATE_MEDIA_ROOT),
        )
        for name in stored_files(Path(root))
    ]
