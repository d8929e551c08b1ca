// The live preview beside the article form (articles/admin/live_preview.py): a panel, shown
// with its toggle, that draws the unsaved form with the public page's template, at a phone's
// width (390 px) or a desktop's (1280 px, scaled to fit). The form is posted a moment after
// the writer stops typing; nothing is saved. "Preview" in the page's tools still opens the
// saved version in a new tab. Vanilla, no dependencies.
;(() => {
  "use strict"

  const WIDTHS = { phone: 390, desktop: 1280 }

  function previewUrl() {
    const change = window.location.pathname.match(/^(.*\/articles\/article\/)(\d+)\/change\/$/)
    if (change) return `${change[1]}${change[2]}/live-preview/`
    const add = window.location.pathname.match(/^(.*\/articles\/article\/)add\/$/)
    return add ? `${add[1]}live-preview/` : null
  }

  function setUp(form, url) {
    const toggle = document.createElement("button")
    toggle.type = "button"
    toggle.className = "button live-preview-toggle"
    toggle.setAttribute("aria-pressed", "false")
    toggle.setAttribute("aria-controls", "live-preview")
    toggle.textContent = "Live preview"

    const panel = document.createElement("aside")
    panel.id = "live-preview"
    panel.className = "live-preview"
    panel.setAttribute("aria-label", "Live preview")
    panel.hidden = true
    panel.innerHTML = `
      <div class="live-preview__bar">
        <strong class="live-preview__title">Live preview</strong>
        <span role="group" aria-label="Width">
          <button type="button" class="button" data-width="phone" aria-pressed="false">Phone</button>
          <button type="button" class="button" data-width="desktop" aria-pressed="true">Desktop</button>
        </span>
        <button type="button" class="button" data-preview-close>Close</button>
      </div>
      <p class="live-preview__status" aria-live="polite" data-preview-status></p>
      <div class="live-preview__stage" data-preview-stage>
        <iframe title="Live preview of the unsaved article" sandbox="" data-preview-frame></iframe>
      </div>`
    const bar = document.createElement("div")
    bar.className = "live-preview-bar"
    bar.append(toggle)
    form.parentElement.insertBefore(bar, form)
    document.body.append(panel)

    const frame = panel.querySelector("[data-preview-frame]")
    const stage = panel.querySelector("[data-preview-stage]")
    const status = panel.querySelector("[data-preview-status]")
    let width = "desktop"
    let timer = null
    let sent = 0 // answers to older requests are dropped

    function fit() {
      const wanted = WIDTHS[width]
      const scale = Math.min(1, stage.clientWidth / wanted)
      frame.style.width = `${wanted}px`
      frame.style.height = `${Math.max(200, stage.clientHeight / scale)}px`
      frame.style.transform = `scale(${scale})`
    }

    async function refresh() {
      const number = ++sent
      status.textContent = "Updating…"
      try {
        const response = await fetch(url, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
        })
        const html = await response.text()
        if (number !== sent) return
        if (!response.ok) throw new Error(response.status)
        frame.srcdoc = html
        status.textContent = response.headers.get("X-Preview-Errors")
          ? "The form needs attention: see the preview."
          : `Shown as readers would see it, not saved (${new Date().toTimeString().slice(0, 5)}).`
      } catch (error) {
        if (number === sent) status.textContent = "The preview could not be updated: check your connection."
      }
    }

    const later = () => {
      if (panel.hidden) return
      window.clearTimeout(timer)
      timer = window.setTimeout(refresh, window.NEWSROOM_PREVIEW_MS || 700)
    }

    function show(on) {
      panel.hidden = !on
      toggle.setAttribute("aria-pressed", String(on))
      document.body.classList.toggle("live-preview-on", on)
      if (on) {
        fit()
        refresh()
      } else {
        toggle.focus()
      }
    }

    toggle.addEventListener("click", () => show(panel.hidden))
    panel.querySelector("[data-preview-close]").addEventListener("click", () => show(false))
    for (const button of panel.querySelectorAll("[data-width]")) {
      button.addEventListener("click", () => {
        width = button.dataset.width
        for (const other of panel.querySelectorAll("[data-width]")) {
          other.setAttribute("aria-pressed", String(other === button))
        }
        fit()
      })
    }
    form.addEventListener("input", later)
    form.addEventListener("change", later)
    window.addEventListener("resize", () => {
      if (!panel.hidden) fit()
    })
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("article_form")
    const url = previewUrl()
    // Only where the article can be edited: a read-only page has nothing unsaved to show.
    if (form && url && form.elements.headline && form.elements.headline.type !== "hidden") setUp(form, url)
  })
})()
