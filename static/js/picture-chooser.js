// The picture chooser: one modal for the hero picture and for pictures in the body
// (articles/admin/chooser.py answers it with pieces of HTML). A native <dialog> opened with
// showModal(): the rest of the page is inert, Tab stays inside, Escape closes, focus returns
// to the button that opened it. Vanilla, no dependencies.
//
// window.NewsroomChooser.open(opener, onChoose) opens it; onChoose(picture) receives
// {id, url, card, alt, caption, credit_line}. The hero field's buttons are wired here;
// the body's "Insert a picture" in article-editor.js.
;(() => {
  "use strict"

  let dialog = null
  let opener = null
  let chosen = null // the caller's onChoose
  let searchTimer = null

  function build() {
    dialog = document.createElement("dialog")
    dialog.className = "picture-chooser"
    dialog.setAttribute("aria-labelledby", "picture-chooser-title")
    dialog.innerHTML = `
      <div class="picture-chooser__head">
        <h2 id="picture-chooser-title">Choose a picture</h2>
        <button type="button" class="button picture-chooser__close" data-chooser-close>Close</button>
      </div>
      <div class="picture-chooser__tabs" role="tablist" aria-label="Choose or upload">
        <button type="button" role="tab" id="chooser-tab-library" aria-controls="chooser-panel-library" aria-selected="true" data-chooser-tab="library">Library</button>
        <button type="button" role="tab" id="chooser-tab-upload" aria-controls="chooser-panel-upload" aria-selected="false" tabindex="-1" data-chooser-tab="upload" hidden>Upload</button>
      </div>
      <div class="picture-chooser__panel" role="tabpanel" id="chooser-panel-library" aria-labelledby="chooser-tab-library" data-chooser-panel="library"></div>
      <div class="picture-chooser__panel" role="tabpanel" id="chooser-panel-upload" aria-labelledby="chooser-tab-upload" data-chooser-panel="upload" hidden></div>`
    document.body.append(dialog)

    dialog.querySelector("[data-chooser-close]").addEventListener("click", close)
    dialog.addEventListener("close", () => {
      forget() // closed with Escape, which calls no close() of ours
      if (opener) opener.focus()
    })
    dialog.addEventListener("keydown", trapFocus)
    const tabs = [...dialog.querySelectorAll("[role=tab]")]
    for (const tab of tabs) {
      tab.addEventListener("click", () => showTab(tab.dataset.chooserTab))
      tab.addEventListener("keydown", (event) => {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return
        const shown = tabs.filter((t) => !t.hidden)
        const next = shown[(shown.indexOf(tab) + (event.key === "ArrowRight" ? 1 : -1) + shown.length) % shown.length]
        showTab(next.dataset.chooserTab)
        next.focus()
      })
    }
    dialog.addEventListener("click", onClick)
    dialog.addEventListener("submit", onSubmit)
    dialog.addEventListener("input", onSearchInput)
    dialog.addEventListener("change", onSearchInput)
  }

  // showModal() keeps focus out of the page behind; this keeps Tab from leaving the dialog
  // for the browser's own controls, so a keyboard user cycles through the chooser.
  function trapFocus(event) {
    if (event.key !== "Tab") return
    const focusable = [
      ...dialog.querySelectorAll("button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"),
    ].filter((element) => !element.disabled && !element.hidden && element.offsetParent !== null)
    if (!focusable.length) return
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const panel = (name) => dialog.querySelector(`[data-chooser-panel=${name}]`)

  function showTab(name) {
    for (const tab of dialog.querySelectorAll("[role=tab]")) {
      const on = tab.dataset.chooserTab === name
      tab.setAttribute("aria-selected", String(on))
      tab.tabIndex = on ? 0 : -1
      panel(tab.dataset.chooserTab).hidden = !on
    }
    if (name === "upload" && !panel("upload").firstElementChild) load("upload", uploadUrl())
  }

  const libraryUrl = () => opener.dataset.chooserUrl
  const uploadUrl = () => `${opener.dataset.chooserUrl}upload/`

  // Only the newest request of a panel is drawn: an answer that comes late (the unfiltered
  // grid after a search typed while it loaded) must not replace the one the user asked for.
  const pending = {}

  async function load(name, url, options = {}) {
    const target = panel(name)
    const request = {}
    pending[name] = request
    target.setAttribute("aria-busy", "true")
    let html
    try {
      const response = await fetch(url, { credentials: "same-origin", ...options })
      if (!response.ok) throw new Error(response.status)
      html = await response.text()
    } catch (error) {
      html = '<p class="errornote" role="alert">The pictures could not be loaded: check your connection and try again.</p>'
    }
    if (pending[name] !== request) return false // a newer request is on its way
    pending[name] = null
    target.removeAttribute("aria-busy")
    target.innerHTML = html
    afterLoad(name)
    return true
  }

  function afterLoad(name) {
    const target = panel(name)
    const library = target.querySelector("[data-can-upload]")
    if (library) dialog.querySelector("[data-chooser-tab=upload]").hidden = library.dataset.canUpload !== "true"
    const uploaded = target.querySelector("[data-chooser-uploaded]")
    if (uploaded) {
      const pictures = JSON.parse(uploaded.dataset.chooserUploaded)
      if (pictures.length) choose(pictures[0])
      return
    }
    // After a refused step, focus the first field that needs attention.
    const invalid = target.querySelector(".errors input, .errors textarea")
    if (invalid) invalid.focus()
  }

  function onClick(event) {
    const item = event.target.closest("[data-choose]")
    if (item) return choose(JSON.parse(item.dataset.picture))
    const pageLink = event.target.closest("a[data-chooser-page]")
    if (pageLink) {
      event.preventDefault()
      load("library", pageLink.href)
    }
  }

  function searchUrl(form) {
    const query = new URLSearchParams(new FormData(form))
    return `${libraryUrl()}?${query}`
  }

  function onSearchInput(event) {
    const form = event.target.closest("[data-chooser-search]")
    if (!form) return
    // Leaving the search box fires "change": its typing was searched already ("input"), and
    // searching again would redraw the grid under the picture the user is moving to.
    if (event.type === "change" && event.target.type === "search") return
    window.clearTimeout(searchTimer)
    searchTimer = window.setTimeout(async () => {
      const focused = document.activeElement && document.activeElement.name
      if (!(await load("library", searchUrl(form)))) return
      // Typing goes on where it was: the search box is drawn again with the results. Only
      // when the redraw took the focus away: never from where the user has moved it since.
      const lost = !dialog.contains(document.activeElement)
      const again = lost && focused && panel("library").querySelector(`[name=${focused}]`)
      if (again) {
        again.focus()
        if (again.type === "search") again.setSelectionRange(again.value.length, again.value.length)
      }
    }, event.type === "input" && event.target.type === "search" ? 300 : 0)
  }

  function onSubmit(event) {
    const form = event.target
    if (form.matches("[data-chooser-search]")) {
      event.preventDefault()
      window.clearTimeout(searchTimer)
      load("library", searchUrl(form))
    } else if (form.matches("[data-chooser-upload]")) {
      event.preventDefault()
      const body = new FormData(form, event.submitter)
      load("upload", form.action, { method: "POST", body })
    }
  }

  function choose(picture) {
    const callback = chosen
    close()
    if (callback) callback(picture)
  }

  function close() {
    forget()
    if (dialog && dialog.open) dialog.close()
  }

  // A search still waiting to be sent, and answers still on their way, belong to the chooser
  // as it was: none of them may be drawn into the next one (Escape, then open again).
  function forget() {
    window.clearTimeout(searchTimer)
    for (const name of Object.keys(pending)) pending[name] = null
  }

  function open(button, onChoose) {
    if (!dialog) build()
    opener = button
    chosen = onChoose
    forget()
    showTab("library")
    panel("upload").innerHTML = "" // a new upload starts from the first step
    panel("library").innerHTML = "" // and the grid from the whole library, not the last search
    dialog.showModal()
    load("library", libraryUrl()).then((drawn) => {
      const search = drawn && panel("library").querySelector("[type=search]")
      if (search && dialog.open) search.focus()
    })
  }

  // The hero picture field (articles/admin/chooser.py HeroPictureWidget).
  function setUpHero(field) {
    const input = field.querySelector("input[type=hidden]")
    const preview = field.querySelector("[data-hero-preview]")
    const remove = field.querySelector("[data-hero-remove]")
    const changed = () => input.dispatchEvent(new Event("change", { bubbles: true }))
    field.querySelector("[data-chooser-open=hero]").addEventListener("click", (event) => {
      open(event.currentTarget, (picture) => {
        input.value = picture.id
        preview.replaceChildren()
        if (picture.card) {
          const img = document.createElement("img")
          img.src = picture.card
          img.alt = ""
          img.width = 160
          preview.append(img)
        }
        for (const [css, text] of [["caption", picture.caption || picture.alt], ["credit", picture.credit_line]]) {
          const span = document.createElement("span")
          span.className = `hero-picture__${css}`
          span.textContent = text
          preview.append(span)
        }
        remove.hidden = false
        changed()
      })
    })
    remove.addEventListener("click", () => {
      input.value = ""
      preview.innerHTML = '<span class="hero-picture__none">No hero picture</span>'
      remove.hidden = true
      field.querySelector("[data-chooser-open=hero]").focus()
      changed()
    })
  }

  window.NewsroomChooser = { open }
  document.addEventListener("DOMContentLoaded", () => {
    for (const field of document.querySelectorAll("[data-hero-picture]")) setUpHero(field)
  })
})()
