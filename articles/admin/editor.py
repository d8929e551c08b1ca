"""The writer's tools on the article page: import from a file, autosave with its restore
offer, the live length line and the library-picture picker, and the body as readers see it
for someone who may not change the article. `ArticleAdmin` wires these in; who may do what
is asked of `articles.permissions`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, json_script
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .. import importing, permissions, revisions, workflow
from ..models import Article, ArticleAutosave, ImageAsset, Section
from ..richtext import BREAK_TAGS, WORDS_PER_MINUTE, plain_text, sanitize_html
from ..templatetags.newsroom import article_body
from ..text import clean_text
from .common import admin_page, article_or_404

# The typed fields an autosave keeps (and "Restore" puts back).
AUTOSAVE_FIELDS = ("headline", "standfirst", "slug", "body")


def _clock(moment):
    """14:32 today, or 25 Nov, 14:32 on another day (the newsroom's time zone)."""
    local = timezone.localtime(moment)
    same_day = local.date() == timezone.localdate()
    return date_format(local, "H:i" if same_day else "j M, H:i")


class ImportArticleForm(forms.Form):
    file = forms.FileField(
        label=_("Text or Markdown file"),
        help_text=_(
            "A .txt file: headline on the first line, then the standfirst, an “Image Credit: …” "
            "line, paragraphs, short lines as subheadings, quoted paragraphs as quotes and a "
            "final “Related articles:” list. Or a .md file starting with “# Headline”."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain"}),
    )
    image = forms.ImageField(
        label=_("Hero picture"), required=False, help_text=_("Optional. Needs a credit.")
    )
    credit = forms.CharField(
        label=_("Picture credit"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file’s “Image Credit:” line."),
    )
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.all(), empty_label=None
    )
    update = forms.BooleanField(
        label=_("Replace the text of an existing draft with the same headline"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        """The hero picture joins the library: offered only to whoever may add pictures
        (`permissions.can_upload`); a picture sent by anyone else is refused, not added."""
        super().__init__(*args, **kwargs)
        self.may_upload = permissions.can_upload(user)
        if not self.may_upload:
            del self.fields["image"], self.fields["credit"]

    def clean(self):
        cleaned = super().clean()
        if not self.may_upload and self.files.get("image"):
            raise ValidationError(
                _(
                    "Only the photo desk may add pictures to the library: import the text "
                    "without the picture, then choose one from the library."
                )
            )
        return cleaned

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in {"txt", "md", "markdown"}:
            raise ValidationError(_("Upload a .txt or .md file."))
        try:
            text = importing.read_text(upload.read(), upload.name)
        except importing.ImportProblem as problem:
            raise ValidationError(str(problem)) from None
        try:
            self.parsed = importing.parse(text, upload.name)
        except importing.ImportProblem as problem:
            raise ValidationError(str(problem)) from None
        return upload

    def run(self, *, by):
        return importing.import_article(
            self.parsed,
            by=by,
            section=self.cleaned_data["section"],
            image_file=self.cleaned_data.get("image"),
            credit=self.cleaned_data.get("credit", ""),
            update=self.cleaned_data["update"],
        )


def urls(model_admin):
    def view(function):
        return admin_page(model_admin, function)

    return [
        path("import/", view(import_view), name="articles_article_import"),
        path("<int:object_id>/autosave/", view(autosave_view), name="articles_article_autosave"),
        path(
            "<int:object_id>/autosave/discard/",
            view(discard_autosave_view),
            name="articles_article_autosave_discard",
        ),
        path(
            "<int:object_id>/autosave/offer/",
            view(restore_offer_view),
            name="articles_article_autosave_offer",
        ),
    ]


def import_view(model_admin, request):
    """Upload a .txt or .md file; it becomes a Draft owned by the writer."""
    if not permissions.can_import(request.user):
        raise PermissionDenied
    form = ImportArticleForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            result = form.run(by=request.user)
        except importing.ImportProblem as problem:
            form.add_error(None, str(problem))
        else:
            first, *details = result.report()
            report = format_html_join("", "<br>{}", ((line,) for line in details))
            model_admin.message_user(request, format_html("{}{}", first, report), messages.SUCCESS)
            return redirect("admin:articles_article_change", result.article.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import an article from a file"),
        "opts": model_admin.opts,
        "form": form,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/import.html", context)


def _editable_article(request, object_id):
    return article_or_404(request, object_id, permissions.can_edit)


def autosave_view(model_admin, request, object_id):
    """POST: keep what the writer has typed, apart from the article (its status, last
    saved time and history are untouched). GET: what was kept, for "Restore"."""
    article = _editable_article(request, object_id)
    if request.method == "POST":
        data = {name: clean_text(request.POST.get(name, "")) for name in AUTOSAVE_FIELDS}
        data["body"] = sanitize_html(data["body"])  # its own copy, cleaned like the article's
        autosave, _created = ArticleAutosave.objects.update_or_create(
            article=article,
            user=request.user,
            defaults={"data": data, "saved_at": timezone.now()},
        )
        return JsonResponse({"saved_at": _clock(autosave.saved_at)})
    autosave = get_object_or_404(ArticleAutosave, article=article, user=request.user)
    return JsonResponse({"saved_at": _clock(autosave.saved_at), "data": autosave.data})


def discard_autosave_view(model_admin, request, object_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = _editable_article(request, object_id)
    ArticleAutosave.objects.filter(article=article, user=request.user).delete()
    return JsonResponse({"discarded": True})


def saved(article, user):
    """Saved for real: the writer's background copy has done its job."""
    ArticleAutosave.objects.filter(article=article, user=user).delete()


def offer_restore(model_admin, request, article):
    """Offer back what this user typed and did not save.

    The copy goes only when they save the article (`saved`), discard it, or when the article
    already says exactly the same. A workflow move, a revision restore, an import or someone
    else's save changes the article but never throws the copy away: the offer then says the
    article has changed since, and shows what the copy would change, so the writer compares.
    """
    autosave = ArticleAutosave.objects.filter(article=article, user=request.user).first()
    if autosave is None:
        return
    differences = _differences(article, autosave.data)
    if not differences:
        autosave.delete()  # the article says exactly this: nothing would be lost
        return
    context = {
        "time": _clock(autosave.saved_at),
        "saved": _clock(article.updated_at),
        "changed_since": article.updated_at > autosave.saved_at,
        "differences": differences,
        "state": workflow.state(article).label.lower(),
    }
    if not permissions.can_edit(request.user, article):
        # Nothing can be put in a form they may not change: say the copy is safe.
        message = render_to_string("admin/articles/article/includes/autosave_kept.html", context)
        model_admin.message_user(request, message, messages.INFO)
        return
    message = render_to_string("admin/articles/article/includes/autosave_offer.html", context)
    model_admin.message_user(request, message, messages.WARNING)


def _differences(article, data):
    """The fields the unsaved copy would change, each with a word diff (saved → copy)."""
    rows = []
    for name in AUTOSAVE_FIELDS:
        saved, kept = str(getattr(article, name)), data.get(name, "")
        if saved == kept:
            continue
        if name == "body" and plain_text(saved) != plain_text(kept):
            saved, kept = plain_text(saved), plain_text(kept)
        label = capfirst(Article._meta.get_field(name).verbose_name)
        rows.append({"label": label, "diff": revisions.text_diff(saved, kept)})
    return rows


def reading_stats(article, *, editable=True):
    """The length line; while the article can be edited, it also says how autosave is doing.

    The editor's script updates it as the writer types, counting by the server's rule: the
    tags that separate words and the reading speed come from `articles.richtext`."""
    count = article.word_count if article else 0
    stats = format_html(
        '<span data-body-stats data-break-tags="{}" data-words-per-minute="{}">'
        "{} word{} · {} min read</span>",
        " ".join(BREAK_TAGS),
        WORDS_PER_MINUTE,
        count,
        "" if count == 1 else "s",
        article.reading_minutes if article else 0,
    )
    if not editable:
        return stats
    return format_html('{} <span data-autosave-status aria-live="polite"></span>', stats)


# What someone who may not change the article sees instead of the editor.
READ_ONLY_SWAPS = {"body": "body_as_read", "reading_stats": "length", "library_pictures": None}


def read_only_fieldsets(fieldsets):
    """The same page without the writer's tools: the body as readers will see it (not its
    HTML), the length without autosave, and no picture picker."""
    swapped = []
    for name, options in fieldsets:
        fields = [READ_ONLY_SWAPS.get(field, field) for field in options["fields"]]
        fields = [field for field in fields if field is not None]
        swapped.append((name, {**options, "fields": fields}))
    return swapped


def body_as_read(article):
    """The body through the public page's own rendering (sanitized, pictures drawn)."""
    return format_html('<div class="newsroom-body-read">{}</div>', article_body(article.body))


def library_pictures(article):
    """ "Insert a picture…": the picture chooser (`articles.admin.chooser`) for the body, and
    the data the editor needs to preview the pictures already there (credit always shown).

    Only renditions already made are read (from each picture's row): opening an article never
    makes renditions. A picture without one is previewed by its caption and credit; a picture
    chosen in the modal brings its own data along."""
    from .chooser import picture_data

    library = ImageAsset.objects.all()
    recent = list(library.filter(trashed_at__isnull=True).order_by("-uploaded_at", "-pk")[:60])
    images = {image.pk: image for image in recent}
    if article and article.pk:  # older pictures the body shows (`BodyImage`) are previewed too
        images.update(library.filter(body_uses__article=article).exclude(pk__in=images).in_bulk())
    preview = {str(image.pk): picture_data(image) for image in images.values()}
    return format_html(
        '<div class="newsroom-picture-picker">'
        '<button type="button" class="button" data-chooser-open="body" data-chooser-url="{}">'
        "{}</button>"
        '<div class="help">{}</div></div>{}',
        reverse("admin:articles_article_chooser"),
        _("Insert a picture at the cursor…"),
        _(
            "Choose from the library by caption, credit or alt text, or upload one: it "
            "appears in the text with its caption and credit."
        ),
        json_script(preview, "newsroom-library-images"),
    )


def add_page_context(request):
    """The Add page keeps what is typed in the browser (localStorage) until the article is
    saved, under a key of this user's own, so a shared computer never offers one writer's
    text to another (`static/js/article-editor.js`, "new article")."""
    return {"new_article_draft_key": f"newsroom:new-article:{request.user.pk}"}


def restore_offer_view(model_admin, request, object_id):
    """The restore offer, fetched by the change page once it has loaded: the copy sent by
    the page the writer left (its beacon) may arrive after this page was drawn. The same
    offer `offer_restore` puts on the page, as items for the page's message list; empty
    when there is nothing to offer."""
    article = article_or_404(request, object_id)
    offer = _CollectedMessages()
    offer_restore(offer, request, article)
    return HttpResponse(
        format_html_join(
            "", '<li class="{}">{}</li>', ((messages.DEFAULT_TAGS[lv], m) for lv, m in offer.shown)
        )
    )


class _CollectedMessages:
    """Stands in for the ModelAdmin so `offer_restore`'s message comes back to the caller
    instead of waiting in the session for the next page."""

    def __init__(self):
        self.shown = []

    def message_user(self, request, message, level=messages.INFO):
        self.shown.append((level, message))
