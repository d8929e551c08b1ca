"""One archive with everything the site holds: `manage.py backup` writes it, `manage.py
restore ARCHIVE` brings it back into an empty database and empty media folders.

The archive is a .tar.gz with `manifest.json` (format, when, the folders and every file's
SHA-256), `data.xml` (`dumpdata` of every table but those `migrate` makes itself: content
types, permissions; and the passing ones: sessions, sign-in attempts) and the files of
every media folder (`MEDIA_ROOT`, and `PRIVATE_MEDIA_ROOT` when the site has one), the
originals included. A restore checks the archive before it writes anything and refuses a
database or a folder that is not empty; rows arrive through `loaddata`, so article bodies
are cleaned on the way in (`articles.models.articles.clean_loaded_body`).
"""

import hashlib
import io
import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

FORMAT = "newsroom-backup/1"
# Made by `migrate` (so present in an empty database), or not worth keeping.
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "axes"]
# Tables `migrate` fills in an empty database: the role groups (`permissions.sync_roles`).
MADE_BY_MIGRATE = {"contenttypes.contenttype", "auth.permission", "auth.group"}


class BackupProblem(Exception):
    """The archive or the place it is restored into is not right; nothing was written."""


def media_roots() -> dict[str, Path]:
    roots = {"media": Path(settings.MEDIA_ROOT)}
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if private:
        roots["private"] = Path(private)
    return roots


def _files(root: Path):
    if not root.exists():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_backup(destination: Path) -> dict:
    """Write the archive to `destination`; return its manifest."""
    data = io.StringIO()
    call_command(
        "dumpdata",
        exclude=NOT_BACKED_UP,
        natural_foreign=True,
        natural_primary=True,
        # XML keeps times to the microsecond (Django's JSON cuts them to milliseconds).
        format="xml",
        stdout=data,
    )
    data = data.getvalue().encode()
    files = {}
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "files": files}
    with tarfile.open(destination, "w:gz") as archive:
        _add(archive, "data.xml", data)
        for name, root in media_roots().items():
            for path in _files(root):
                member = f"{name}/{path.relative_to(root).as_posix()}"
                content = path.read_bytes()
                files[member] = _sha256(content)
                _add(archive, member, content)
        manifest["data_sha256"] = _sha256(data)
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    return manifest


def _add(archive, name, content: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(content))


def _read(archive_path: Path):
    """The archive's manifest, data and files, checked: what the manifest lists and nothing
    else, each file's hash right, no path outside its folder."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            return _checked(archive, archive_path)
    except (OSError, tarfile.TarError, ValueError, KeyError, TypeError) as error:
        raise BackupProblem(f"{archive_path} is not a backup archive ({error}).") from None


def _checked(archive, archive_path):
    members = {m.name: m for m in archive.getmembers() if m.isfile()}
    if "manifest.json" not in members or "data.xml" not in members:
        raise BackupProblem(f"{archive_path} is not a newsroom backup (no manifest).")
    manifest = json.loads(archive.extractfile(members["manifest.json"]).read())
    if manifest.get("format") != FORMAT:
        raise BackupProblem(f"Unknown backup format {manifest.get('format')!r}.")
    data = archive.extractfile(members["data.xml"]).read()
    if _sha256(data) != manifest.get("data_sha256"):
        raise BackupProblem("The archive's data is damaged (its checksum does not match).")
    files = {}
    roots = media_roots()
    for member, digest in manifest["files"].items():
        path = PurePosixPath(member)
        if path.is_absolute() or ".." in path.parts or path.parts[0] not in roots:
            raise BackupProblem(f"The archive names a file outside the media folders: {member}")
        if member not in members:
            raise BackupProblem(f"The archive lacks {member}.")
        content = archive.extractfile(members[member]).read()
        if _sha256(content) != digest:
            raise BackupProblem(f"{member} is damaged (its checksum does not match).")
        files[member] = content
    return manifest, data, files


def _database_is_empty():
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in MADE_BY_MIGRATE or model._meta.app_label in {"sessions", "axes"}:
            continue
        if model._meta.managed and not model._meta.proxy and model._default_manager.exists():
            return model._meta.verbose_name_plural
    return None


def restore_backup(archive_path: Path) -> dict:
    """Bring the archive back into an empty database and empty media folders."""
    manifest, data, files = _read(archive_path)
    occupied = _database_is_empty()
    if occupied:
        raise BackupProblem(
            f"The database is not empty (it has {occupied}). Restore into a new database: "
            "create it, run `manage.py migrate`, then `manage.py restore`."
        )
    roots = media_roots()
    for root in roots.values():
        if _files(root):
            raise BackupProblem(f"The media folder {root} is not empty: restore into an empty one.")
    written = []
    try:
        for member, content in files.items():
            name, *rest = PurePosixPath(member).parts
            target = roots[name].joinpath(*rest)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
        with tempfile.NamedTemporaryFile(suffix=".xml") as fixture:
            fixture.write(data)
            fixture.flush()
            with transaction.atomic():
                call_command("loaddata", fixture.name, verbosity=0)
    except Exception:
        for target in written:  # nothing half-restored
            target.unlink(missing_ok=True)
        raise
    return manifest
