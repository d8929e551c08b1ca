"""Photo desk benchmark: upload and processing time of a 12-megapixel JPEG, and the bytes a
phone downloads for the home page's pictures compared with the originals.

Run from the project folder:  .venv/bin/python bench/images.py  [--uploads 3] [--articles 8]

It uses a throwaway SQLite database and media folder; nothing in the project is touched.
Upload time is measured end to end through the upload page (both steps, with the Django test
client: request parsing, checks, storing, all renditions). Phone bytes are what the srcset and
sizes rules make a 375 px wide, DPR 2 screen fetch (the WebP candidates), for every picture on
the home page, lazy ones included.
"""

import argparse
import io
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
os.environ.update(
    DEBUG="true",
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
    DJANGO_SETTINGS_MODULE="newsroom.settings",
    LOG_LEVEL="WARNING",
)

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import ExifTags, Image, ImageFilter  # noqa: E402

from articles import imaging  # noqa: E402
from articles.models import Article, ImageAsset, Rendition, Section, Status  # noqa: E402

VIEWPORT, DPR = 375, 2


def photo_like_jpeg(seed, size=(4000, 3000)):
    """A 12-megapixel JPEG with a phone photo's texture and size on disk (smooth shapes plus
    sensor noise), EXIF with GPS, as a camera writes it."""
    small = Image.effect_noise((size[0] // 40, size[1] // 40), 90 + seed).convert("RGB")
    tint = Image.new("RGB", small.size, (40 + 20 * seed % 200, 90, 160 - 10 * seed % 120))
    base = Image.blend(small, tint, 0.5).resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 24).filter(ImageFilter.GaussianBlur(0.5)).convert("RGB")
    picture = Image.blend(base, grain, 0.3)
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = f"Bench Photographer {seed}"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def upload_through_the_desk(client, content, name):
    """Both steps of /desk/images/upload/, as the photo desk does it; returns seconds."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    started = time.perf_counter()
    file = SimpleUploadedFile(name, content, content_type="image/jpeg")
    step1 = client.post("/desk/images/upload/", {"files": [file], "choose": "1"})
    token = step1.context["formset"].forms[0]["token"].value()
    step2 = client.post(
        "/desk/images/upload/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-token": token,
            "form-0-credit": "Bench Agency",
            "form-0-alt_text": "A benchmark picture",
            "details": "1",
        },
    )
    assert step2.status_code == 302, step2.content[:2000]
    return time.perf_counter() - started


def slot_width(sizes):
    """The CSS px a <img sizes> rule gives at our viewport (the first condition that holds)."""
    for part in sizes.split(","):
        part = part.strip()
        match = re.match(r"\(min-width:\s*(\d+)px\)\s*(.+)", part)
        if match:
            if int(match.group(1)) > VIEWPORT:
                continue
            part = match.group(2)
        value = re.match(r"([\d.]+)(px|vw)", part)
        number, unit = float(value.group(1)), value.group(2)
        return number * VIEWPORT / 100 if unit == "vw" else number
    raise ValueError(sizes)


def pick(srcset, sizes):
    """The candidate a browser picks: the smallest at least slot × DPR wide, else the largest."""
    candidates = sorted(
        (int(width), url)
        for url, width in (c.strip().rsplit(" ", 1) for c in srcset.split(","))
        for width in [width.rstrip("w")]
    )
    needed = slot_width(sizes) * DPR
    return next((c for c in candidates if c[0] >= needed), candidates[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=3, help="timed uploads (median reported)")
    parser.add_argument("--articles", type=int, default=8, help="pictures on the home page")
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("bench", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Photo desk"))
    client = Client()
    client.force_login(user)

    photos = [photo_like_jpeg(seed) for seed in range(max(args.uploads, args.articles))]
    timings = [
        upload_through_the_desk(client, photos[i], f"photo-{i}.jpg") for i in range(args.uploads)
    ]
    for i in range(args.uploads, args.articles):  # the rest of the home page, untimed
        imaging.create_image(
            _named(photos[i], f"photo-{i}.jpg"),
            credit="Bench Agency",
            alt_text="A benchmark picture",
        )

    section = Section.objects.create(name="News", slug="news")
    now = timezone.now()
    for n, image in enumerate(ImageAsset.objects.order_by("pk")[: args.articles]):
        Article.objects.create(
            headline=f"Story {n}",
            section=section,
            hero_image=image,
            status=Status.PUBLISHED,
            published_at=now - timezone.timedelta(minutes=n + 1),
        )

    html = Client().get("/").content.decode()
    by_url = {r.file.url: r for r in Rendition.objects.all()}
    phone_bytes, picked = 0, []
    for source in re.findall(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)"', html):
        _, url = pick(*source)
        phone_bytes += by_url[url].size
        picked.append(by_url[url].spec)
    shown = ImageAsset.objects.filter(hero_articles__isnull=False).distinct()
    original_bytes = sum(image.file.size for image in shown)

    print(f"12-megapixel JPEG (4000 × 3000), {statistics.mean(map(len, photos)) / 1e6:.1f} MB each")
    print(
        f"upload + checks + {Rendition.objects.filter(image_id=1).count()} renditions, "
        f"end to end through /desk/images/upload/: median {statistics.median(timings):.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in timings)})"
    )
    print(f"home page, {len(picked)} pictures, phone {VIEWPORT} px wide at DPR {DPR}:")
    print(f"  renditions fetched: {', '.join(sorted(set(picked)))}")
    print(f"  phone downloads {phone_bytes / 1e3:.0f} kB of pictures")
    ratio = original_bytes / phone_bytes
    print(f"  the originals are {original_bytes / 1e6:.1f} MB ({ratio:.0f}× more)")


def _named(content, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="image/jpeg")


if __name__ == "__main__":
    main()
