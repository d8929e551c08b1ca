from django import template

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, variant="card", loading="lazy", caption=True):
    """Render a library image: the one way every public page shows a picture.

    `variant` is "hero" (full width) or "card" (teaser); the credit always travels with it.
    """
    sizes = {
        "hero": "(min-width: 992px) 860px, 100vw",
        "card": "(min-width: 992px) 300px, (min-width: 576px) 50vw, 100vw",
        "thumb": "120px",
    }[variant]
    return {
        "image": image,
        "variant": variant,
        "loading": loading,
        "sizes": sizes,
        "show_caption": caption,
    }


@register.filter
def article_body(html):
    """The stored body, sanitized again and with library pictures drawn by `picture`."""
    from articles.richtext import render_body

    return render_body(html)
