"""Forms of the photo desk's upload page and of the picture chooser's Upload tab (the same
forms, drawn by the same includes: `desk/_choose_files.html`, `desk/_image_details.html`).

Step 1 chooses files; every file is checked (articles/imaging.py) and the accepted ones are
kept in a staging folder of the storage. Step 2 is one row per accepted file, prefilled from
the file's metadata, for the uploader to confirm. A row refers to its staged file by a signed
token, so nobody can point the form at another file in the storage.
"""

import uuid

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import imaging
from .models import ImageAsset

STAGING = "staging"
TOKEN_SALT = "newsroom.desk.staged-upload"
TOKEN_MAX_AGE = 24 * 60 * 60


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is judged on its own later (an empty one too), so one bad file
    never sends the others back."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = [file for file in (data if isinstance(data, list | tuple) else [data]) if file]
        if not files:
            raise forms.ValidationError(_("Choose at least one picture."), code="required")
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ChooseFilesForm(forms.Form):
    files = MultipleFileField(
        label=_("Pictures"),
        help_text=_(
            "Choose one or more JPEG, PNG, WebP or GIF files. Next you confirm the credit, "
            "caption and alt text of each."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp,image/gif"


def stage(file, *, user) -> dict:
    """Keep a checked upload in the staging folder; return the row's initial data."""
    checked = imaging.check_upload(file)
    name = imaging.originals().save(f"{STAGING}/{uuid.uuid4().hex}-{checked.filename}", file)
    token = signing.dumps({"name": name, "user": user.pk, "filename": file.name}, salt=TOKEN_SALT)
    return {"token": token, **checked.metadata}


def read_token(token, *, user):
    """The staged file a row refers to, or ValidationError."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        raise forms.ValidationError(
            _("This upload has expired. Choose the file again."), code="expired"
        ) from None
    name = data["name"]
    if data["user"] != user.pk or not name.startswith(f"{STAGING}/"):
        raise forms.ValidationError(_("This upload is not yours."), code="foreign")
    if not imaging.originals().exists(name):
        raise forms.ValidationError(
            _("This upload has expired. Choose the file again."), code="expired"
        )
    return data


class ImageDetailsForm(forms.ModelForm):
    """One picture's details on the upload page."""

    token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = ImageAsset
        fields = ["credit", "caption", "alt_text"]
        widgets = {"caption": forms.TextInput(), "alt_text": forms.TextInput()}
        error_messages = {
            "credit": {"required": _("Add a credit: every picture belongs to someone.")},
            "alt_text": {"required": _("Describe the picture for readers who cannot see it.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.staged = None
        token = self.data.get(self.add_prefix("token")) if self.is_bound else None
        token = token or self.initial.get("token")
        try:
            self.staged = read_token(token, user=user) if token else None
        except forms.ValidationError:
            self.staged = None

    def clean_token(self):
        self.staged = read_token(self.cleaned_data["token"], user=self.user)
        return self.cleaned_data["token"]

    @property
    def filename(self):
        return self.staged["filename"] if self.staged else ""

    def preview(self):
        if not self.staged or not imaging.originals().exists(self.staged["name"]):
            return ""  # consumed meanwhile (the page was sent twice)
        with imaging.originals().open(self.staged["name"], "rb") as file:
            return imaging.preview_data_uri(file)


# At most 50 pictures in one go (also the cap on forms a crafted POST may carry).
ImageDetailsFormSet = forms.formset_factory(
    ImageDetailsForm, extra=0, max_num=50, absolute_max=50, validate_max=True
)
