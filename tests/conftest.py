import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
