// The article form in the admin: live length of the body, "Insert picture" from the library,
// and autosave of what the writer types (every 30 seconds, on leaving the page and before a
// workflow button) to a separate record that never changes the article itself. Vanilla, no
// dependencies.
;(() => {
  "use strict"

  const changePath = window.location.pathname.match(/^(.*\/articles\/article\/\d+\/)change\/$/)
  let editor = null

  // django-prose-editor announces each editor it creates.
  document.addEventListener("prose-editor:ready", (event) => {
    if (event.detail.textarea.name === "body") editor = event.detail.editor
  })

  // A live preview of the length the server stores on save, by the server's rule
  // (articles/richtext.py `plain_text`): a break at each of its break tags, then words are
  // runs of non-space characters; minutes at its reading speed, rounded up. The tags and the
  // speed come from the page (data-break-tags, data-words-per-minute), never from here.
  function words(html, breakTags) {
    const tags = breakTags.split(" ").join("|")
    const spaced = html.replace(new RegExp(`<(/?(?:${tags}))\\b`, "g"), "\n<$1")
    const text = new DOMParser().parseFromString(spaced, "text/html").body.textContent
    return text.split(/\s+/).filter(Boolean).length
  }

  function showLength(html) {
    const out = document.querySelector("[data-body-stats]")
    if (!out) return
    const count = words(html, out.dataset.breakTags)
    const minutes = count ? Math.ceil(count / Number(out.dataset.wordsPerMinute)) : 0
    out.textContent = `${count} word${count === 1 ? '' : 's'} · ${minutes} min read`
  }

  function setUpPicker() {
    const button = document.querySelector("[data-insert-picture]")
    const select = document.querySelector("[data-library-picture]")
    if (!button || !select) return
    button.addEventListener("click", () => {
      if (!select.value || !editor) return
      editor.chain().focus().insertLibraryFigure(select.value).run()
      select.value = ""
    })
  }

  function setUpAutosave(form) {
    const url = `${changePath[1]}autosave/`
    const status = document.querySelector("[data-autosave-status]")
    const interval = window.NEWSROOM_AUTOSAVE_MS || 30000
    let dirty = false // typed since the last autosave
    let unsaved = false // typed since the page was loaded: the article does not have it
    let submitting = false

    const csrf = () => form.querySelector("[name=csrfmiddlewaretoken]").value
    const say = (text) => {
      if (status) status.textContent = text
    }

    const typed = () => {
      dirty = true
      unsaved = true
    }
    form.addEventListener("input", typed)
    form.addEventListener("change", typed)
    form.addEventListener("submit", () => (submitting = true))

    // Resolves to whether what was typed is kept on the server.
    async function save() {
      if (!dirty || submitting) return !dirty
      dirty = false
      try {
        const response = await fetch(url, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          keepalive: true,
        })
        if (!response.ok) throw new Error(response.status)
        const { saved_at } = await response.json()
        say(`Unsaved changes kept at ${saved_at}`)
        return true
      } catch (error) {
        dirty = true
        say("Could not keep your unsaved changes: check your connection.")
        return false
      }
    }

    function saveOnLeaving() {
      if (dirty && !submitting && navigator.sendBeacon(url, new FormData(form))) dirty = false
    }

    window.setInterval(save, interval)
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") saveOnLeaving()
    })
    window.addEventListener("pagehide", saveOnLeaving)

    // The workflow buttons are forms of their own, outside this one: they move the article
    // but never save the text. Keep the text first, then offer to save the article instead.
    for (const move of document.querySelectorAll('form[action*="/workflow/"]')) {
      move.addEventListener("submit", async (event) => {
        if (!unsaved || submitting) return
        event.preventDefault()
        const kept = await save()
        const question = kept
          ? "You have unsaved changes in the text. They are kept as an unsaved copy; " +
            "save the article first?"
          : "You have unsaved changes in the text, and they could not be kept as an unsaved " +
            "copy. Save the article first?"
        if (window.confirm(question)) {
          form.requestSubmit(form.querySelector("[name=_continue]") || undefined)
        } else {
          submitting = true // leaving: the copy is kept, nothing more to send
          move.submit()
        }
      })
    }

    // "Restore unsaved changes from 14:32?" (the offer comes from the server as a message)
    const offer = document.querySelector("[data-autosave-restore]")
    if (!offer) return
    const message = offer.closest("li") || offer.parentElement
    offer.addEventListener("click", async () => {
      const response = await fetch(url, { credentials: "same-origin" })
      if (!response.ok) return say("The unsaved changes could not be loaded.")
      const { data } = await response.json()
      for (const [name, value] of Object.entries(data)) {
        const field = form.elements[name]
        if (!field) continue
        if (name === "body" && editor) {
          editor.commands.setContent(value, { emitUpdate: true })
          field.value = editor.getHTML()
        } else {
          field.value = value
        }
        field.dispatchEvent(new Event("input", { bubbles: true }))
      }
      showLength(form.elements.body.value)
      message.remove()
      say("Unsaved changes restored: save the article to keep them.")
    })
    document.querySelector("[data-autosave-discard]").addEventListener("click", async () => {
      const body = new FormData()
      body.append("csrfmiddlewaretoken", csrf())
      await fetch(`${url}discard/`, { method: "POST", body, credentials: "same-origin" })
      message.remove()
    })
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("article_form")
    if (!form) return
    form.addEventListener("input", (event) => {
      if (event.target.name === "body") showLength(event.target.value)
    })
    setUpPicker()
    if (changePath) setUpAutosave(form)
  })
})()
