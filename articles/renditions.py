"""Renditions: the sizes, crops and formats readers get, made once and reused.

A library image is delivered in three variants: "hero" (its own shape), "card" (16:9) and
"thumb" (1:1), the crops kept around the editor's focal point; each in a few widths never
wider than the original, as WebP with a JPEG fallback. Every rendition is decoded from the
original with its EXIF orientation applied and saved with no metadata at all (no GPS, no
camera serial, no EXIF/XMP/IPTC), in sRGB.

Renditions are made when a picture is uploaded (`make_renditions`), by `manage.py
make_renditions` for older pictures, and, as a last resort, by the first page that needs one
(`renditions_for`). Files go through the field's storage (Django's default storage), so S3 via
django-storages works by settings alone.

What a page needs to draw a picture (each rendition's spec, file name and size) is a fact of
the picture: `index()` writes it onto the image row (`ImageAsset.sources`) whenever renditions
are made or removed, so a page that shows twenty pictures reads twenty rows, not the 18
renditions of each. Caption, credit and alt text are read from the row as it is now, so a
change to them shows everywhere at once.
"""

import functools
import io
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.signals import setting_changed
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from PIL import Image, ImageCms, ImageOps

from .models import ImageAsset, Rendition


@dataclass(frozen=True)
class Variant:
    ratio: float | None  # width / height of the crop; None keeps the picture's own shape
    widths: tuple[int, ...]
    sizes: str  # the <img sizes> rule: how wide the picture is drawn on the page


@dataclass(frozen=True)
class Delivered:
    """One rendition as a page uses it: what `ImageAsset.sources` records of it."""

    spec: str
    name: str
    width: int
    height: int
    size: int  # bytes

    @property
    def url(self):
        return rendition_url(self.name)


def rendition_url(name):
    """The address of a rendition file.

    A name is never given to another file (a new crop or a replaced original gets new random
    names), so its address is a constant worth keeping: a listing draws some 150 of them per
    page. Except where the storage signs its addresses with an expiry (S3's
    `querystring_auth`): those are made afresh every time."""
    storage = Rendition._meta.get_field("file").storage
    if getattr(storage, "querystring_auth", False):
        return storage.url(name)
    return _lasting_url(name)


@functools.lru_cache(maxsize=20_000)
def _lasting_url(name):
    return Rendition._meta.get_field("file").storage.url(name)


@receiver(setting_changed)
def _forget_urls(setting, **kwargs):
    if setting in {"STORAGES", "MEDIA_URL"}:
        _lasting_url.cache_clear()


CARD_SIZES = "(min-width: 992px) 300px, (min-width: 576px) 50vw, 100vw"
VARIANTS = {
    "hero": Variant(None, (480, 800, 1200, 1600), "(min-width: 992px) 860px, 100vw"),
    "card": Variant(16 / 9, (480, 800, 1200), CARD_SIZES),
    "thumb": Variant(1.0, (240, 480), "120px"),
}
FORMATS = {"webp": ("WEBP", "image/webp"), "jpg": ("JPEG", "image/jpeg")}
SAVE_OPTIONS = {
    "WEBP": {"quality": 80, "method": 4},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
}


def spec_name(variant, width, extension):
    return f"{variant}-{width}.{extension}"


def crop_box(width, height, ratio, focal_x=50, focal_y=50):
    """The largest box of `ratio` inside the picture, centred on the focal point if it can be."""
    if ratio is None:
        return (0, 0, width, height)
    crop_w = min(width, round(height * ratio))
    crop_h = min(height, round(crop_w / ratio))
    left = min(max(round(width * focal_x / 100 - crop_w / 2), 0), width - crop_w)
    top = min(max(round(height * focal_y / 100 - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def measure(image):
    """Store the oriented size of a picture stored before its size was known (uploads set it
    in `imaging.create_image`). Called by `make_renditions`, the one place that then needs
    it; does nothing when the size is known."""
    if image.width and image.height:
        return
    with image.file.open("rb") as file, Image.open(file) as original:
        image.width, image.height = ImageOps.exif_transpose(original).size
    image.save(update_fields=["width", "height"])


def planned_specs(image, variants=VARIANTS):
    """{spec: (variant, box, width, height)} for every rendition the image should have.

    Pure: reads the stored size and writes nothing. A picture whose size is not known yet
    has no plan (and so no renditions to find) until `make_renditions` measures it."""
    if not (image.width and image.height):
        return {}
    plan = {}
    for name in variants:
        variant = VARIANTS[name]
        box = crop_box(image.width, image.height, variant.ratio, image.focal_x, image.focal_y)
        box_w, box_h = box[2] - box[0], box[3] - box[1]
        widths = [w for w in variant.widths if w <= box_w] or [box_w]
        for width in widths:
            height = max(1, round(width * box_h / box_w))
            for extension in FORMATS:
                plan[spec_name(name, width, extension)] = (name, box, width, height)
    return plan


def flatten(image):
    """RGB for saving as JPEG/WebP: transparency goes onto white, colours into sRGB."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "CMYK"):
        try:
            return ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def decode(image, scale=1.0):
    """The original, oriented and in RGB, at least `scale` times its size (JPEG decodes
    straight to a smaller size, which makes a 12-megapixel photo quick to process)."""
    with image.file.open("rb") as file, Image.open(file) as original:
        original.draft("RGB", (original.width * scale, original.height * scale))
        oriented = ImageOps.exif_transpose(original)
        return flatten(oriented)


def make_renditions(image, *, variants=VARIANTS, stored=None):
    """Make every missing rendition of `image` (one decode of the original) and return them all.

    `stored` collects the names of files written (see imaging.files_removed_on_failure).
    """
    stored = [] if stored is None else stored
    measure(image)
    plan = planned_specs(image, variants)
    existing = {r.spec: r for r in image.renditions.all() if r.spec in plan}
    missing = {spec: item for spec, item in plan.items() if spec not in existing}
    if not missing:
        index(image)
        return list(existing.values())
    # The smallest copy of the original that still has every pixel the renditions need.
    scale = min(1.0, max(width / (box[2] - box[0]) for _, box, width, _ in missing.values()))
    source = decode(image, scale)
    factor = source.width / image.width
    made, resized = [], {}
    # Largest first: each size is made from the next larger one of its variant, and the WebP
    # and the JPEG of a size share one resize.
    for spec, (name, box, width, height) in sorted(missing.items(), key=lambda i: -i[1][2]):
        if (name, width) not in resized:
            larger = [p for (n, w), p in resized.items() if n == name]
            region = larger[-1] if larger else source.crop([round(e * factor) for e in box])
            picture = region.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
            picture.info = {}  # nothing from the original's metadata travels on
            resized[name, width] = picture
        made.append(_store(image, spec, resized[name, width], stored))
    image._prefetched_objects_cache = {}  # the next look-up sees the new renditions
    index(image)
    return [*existing.values(), *made]


def index(image):
    """Record on the image row what pages draw it from: every rendition it has, by variant,
    narrowest first (`ImageAsset.sources`). Called wherever renditions change (here and in
    `delete_renditions`); writes only when the record changed."""
    sources = {}
    for r in sorted(Rendition.objects.filter(image=image), key=lambda r: (r.width, r.spec)):
        sources.setdefault(r.spec.split("-", 1)[0], []).append(
            [r.spec, r.file.name, r.width, r.height, r.size]
        )
    if sources != image.sources:
        from . import fragments

        image.sources = sources
        ImageAsset.objects.filter(pk=image.pk).update(sources=sources)
        fragments.image_changed(image.pk)  # the articles drawing it, with their new sources


def _store(image, spec, picture, stored):
    pillow_format = FORMATS[spec.rsplit(".", 1)[1]][0]
    buffer = io.BytesIO()
    picture.save(buffer, pillow_format, **SAVE_OPTIONS[pillow_format])
    rendition = Rendition(
        image=image,
        spec=spec,
        width=picture.width,
        height=picture.height,
        size=buffer.tell(),
    )
    name = spec.replace(".", f"-{secrets.token_hex(4)}.")  # new URL when the crop changes
    rendition.file.save(name, ContentFile(buffer.getvalue()), save=False)
    stored.append((rendition.file.storage, rendition.file.name))
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:  # another request made it first: keep theirs
        stored.remove((rendition.file.storage, rendition.file.name))
        rendition.file.delete(save=False)
        return Rendition.objects.get(image=image, spec=spec)
    return rendition


def renditions_for(image, variant, *, make=True) -> list[Delivered]:
    """The image's renditions in `variant`, narrowest first, read from the image row alone
    (`ImageAsset.sources`): no query.

    Normally they were made at upload; if not, this first request makes them, and every
    later request finds them. `make=False` only reads what is there (a page listing many
    pictures must not make renditions for all of them on the spot).
    """
    recorded = image.sources.get(variant)
    if not recorded and make:
        make_renditions(image, variants=[variant])  # measures an unmeasured picture; indexes
        recorded = image.sources.get(variant)
    return [Delivered(*entry) for entry in recorded or ()]


def jpeg(image, variant, min_width=0, *, make=True):
    """The one JPEG file to show of `variant` (`at_least(min_width)`). With `make=False`,
    None when the picture has no rendition yet (see `renditions_for`)."""
    found = [r for r in renditions_for(image, variant, make=make) if r.spec.endswith(".jpg")]
    return at_least(found, min_width)


def at_least(found, min_width):
    """Of renditions of one format, narrowest first: the narrowest at least `min_width` wide,
    or the widest there is when none is that wide (a small original); None if there are none.
    The one rule for choosing a single file; `jpeg()` applies it, and the picture tag applies
    it to the list it already holds (no second look-up)."""
    return next((r for r in found if r.width >= min_width), found[-1] if found else None)


def delete_renditions(image):
    """Remove the image's renditions; their files go once the transaction commits."""
    names = [r.file.name for r in image.renditions.all()]
    image.renditions.all().delete()
    image._prefetched_objects_cache = {}
    index(image)
    storage = Rendition._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def refresh_renditions(image, *, stored=None):
    """Make the renditions again, e.g. after the focal point moved or the file was replaced."""
    delete_renditions(image)
    return make_renditions(image, stored=stored)
