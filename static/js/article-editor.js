// The article form in the admin: live length of the body, "Insert picture" from the library
// (the picture chooser, picture-chooser.js), and autosave of what the writer types: on the
// change page every 30 seconds, on leaving the page and before a workflow button, to a
// separate record that never changes the article itself; on the Add page (no article yet)
// in this browser, until the article is saved, with a warning before leaving it. Vanilla,
// no dependencies.
;(() => {
  "use strict"

  const changePath = window.location.pathname.match(/^(.*\/articles\/article\/\d+\/)change\/$/)
  let editor = null

  // django-prose-editor announces each editor it creates.
  document.addEventListener("prose-editor:ready", (event) => {
    if (event.detail.textarea.name !== "body") return
    editor = event.detail.editor
    // The editable area is a text box of its own: give it the field's name for screen readers.
    const label = document.querySelector(`label[for="${event.detail.textarea.id}"]`)
    editor.view.dom.setAttribute("aria-label", label ? label.textContent.replace(/:$/, "") : "Body")
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
    const button = document.querySelector("[data-chooser-open=body]")
    if (!button || !window.NewsroomChooser) return
    button.addEventListener("click", () => {
      window.NewsroomChooser.open(button, (picture) => {
        if (!editor) return
        // The figure's preview reads the page's picture data (library-figure.js).
        const data = document.getElementById("newsroom-library-images")
        const images = JSON.parse(data.textContent)
        images[String(picture.id)] = picture
        data.textContent = JSON.stringify(images)
        editor.chain().focus().insertLibraryFigure(picture.id).run()
      })
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

    // "Restore unsaved changes from 14:32?" (the offer comes from the server as a message).
    // The copy sent by the page the writer just left may arrive after this page was drawn:
    // when the page carries no offer, ask again once it has loaded, and a little later.
    const offered = document.querySelector("[data-autosave-restore]")
    if (offered) wireOffer(offered)
    else askForOffer([0, 1500, 4000])

    function askForOffer(delays) {
      if (!delays.length) return
      window.setTimeout(async () => {
        if (unsaved || document.querySelector("[data-autosave-restore]")) return
        try {
          const response = await fetch(`${url}offer/`, { credentials: "same-origin" })
          const items = response.ok ? (await response.text()).trim() : ""
          if (items && !unsaved) return showOffer(items)
        } catch (error) {
          // offline: the next try, or the next visit, finds it
        }
        askForOffer(delays.slice(1))
      }, delays[0])
    }

    function showOffer(items) {
      let list = document.querySelector("ul.messagelist")
      if (!list) {
        list = document.createElement("ul")
        list.className = "messagelist"
        const main = document.getElementById("content") || document.body
        main.parentElement.insertBefore(list, main)
      }
      list.insertAdjacentHTML("beforeend", items)
      const offer = list.querySelector("[data-autosave-restore]")
      if (offer) wireOffer(offer)
    }

    function wireOffer(offer) {
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
      message.querySelector("[data-autosave-discard]").addEventListener("click", async () => {
        const body = new FormData()
        body.append("csrfmiddlewaretoken", csrf())
        await fetch(`${url}discard/`, { method: "POST", body, credentials: "same-origin" })
        message.remove()
      })
    }
  }

  // The Add page: no article to keep a copy beside yet, so what is typed is kept in this
  // browser (localStorage, under this user's own key from the page) until the article is
  // saved, and offered back when the writer opens the Add page again. Leaving with typed
  // text asks first.
  const KEPT = ["headline", "standfirst", "slug", "body"]

  function setUpNewArticle(form, key) {
    const status = document.querySelector("[data-autosave-status]")
    const say = (text) => {
      if (status) status.textContent = text
    }
    let typed = false
    let submitting = false
    let timer = null

    const read = () => {
      try {
        return JSON.parse(window.localStorage.getItem(key) || "null")
      } catch (error) {
        return null
      }
    }
    const values = () => Object.fromEntries(KEPT.map((name) => [name, form.elements[name] ? form.elements[name].value : ""]))
    const empty = (data) => !data || KEPT.every((name) => !(data[name] || "").replace(/<[^>]*>/g, "").trim())

    function keep() {
      if (submitting) return // on its way to the server; the page that answers keeps it again
      const data = values()
      try {
        if (empty(data)) window.localStorage.removeItem(key)
        else window.localStorage.setItem(key, JSON.stringify({ ...data, saved_at: new Date().toISOString() }))
        if (!empty(data)) say(`Kept in this browser at ${new Date().toTimeString().slice(0, 5)}: not saved yet`)
      } catch (error) {
        say("This browser could not keep your text: save the article to keep it.")
      }
    }

    const changed = () => {
      typed = true
      window.clearTimeout(timer)
      timer = window.setTimeout(keep, window.NEWSROOM_DRAFT_MS || 1000)
    }
    form.addEventListener("input", changed)
    form.addEventListener("change", changed)
    window.addEventListener("pagehide", () => {
      if (typed && !submitting) keep()
    })
    form.addEventListener("submit", () => {
      submitting = true
      window.clearTimeout(timer)
      // Saved now. If the server refuses the form, the page comes back with the text in it,
      // and it is kept again below.
      window.localStorage.removeItem(key)
    })
    window.addEventListener("beforeunload", (event) => {
      if (!typed || submitting) return
      keep()
      event.preventDefault()
      event.returnValue = ""
    })

    // Back after a refused save: the form holds what was typed; keep it again.
    if (document.querySelector(".errornote")) {
      typed = !empty(values())
      if (typed) keep()
      return
    }
    const kept = read()
    if (empty(kept)) return
    offerNewArticle(form, kept, key, say)
  }

  function offerNewArticle(form, kept, key, say) {
    const when = new Date(kept.saved_at)
    const time = Number.isNaN(when.getTime()) ? "" : ` from ${when.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}`
    const headline = (kept.headline || "").trim() || "(no headline)"
    const box = document.createElement("div")
    box.className = "new-article-offer"
    box.setAttribute("role", "region")
    box.setAttribute("aria-label", "Text you did not save")
    const text = document.createElement("p")
    text.textContent = `You started an article here and did not save it: “${headline}”${time}.`
    const restore = document.createElement("button")
    restore.type = "button"
    restore.className = "button"
    restore.textContent = "Restore what I typed"
    const discard = document.createElement("button")
    discard.type = "button"
    discard.className = "button"
    discard.textContent = "Discard it"
    box.append(text, restore, " ", discard)
    form.parentElement.insertBefore(box, form)

    restore.addEventListener("click", () => {
      for (const name of KEPT) {
        const field = form.elements[name]
        if (!field || kept[name] === undefined) continue
        if (name === "body" && editor) {
          editor.commands.setContent(kept[name], { emitUpdate: true })
          field.value = editor.getHTML()
        } else {
          field.value = kept[name]
        }
        field.dispatchEvent(new Event("input", { bubbles: true }))
      }
      showLength(form.elements.body.value)
      box.remove()
      say("Restored: save the article to keep it.")
      form.elements.headline.focus()
    })
    discard.addEventListener("click", () => {
      window.localStorage.removeItem(key)
      box.remove()
    })
  }

  // The admin's tabular inlines (authors, topics, related articles) head each column once;
  // their fields carry no label of their own. Name each after its column and row, so a
  // screen reader says "Order, author 2" rather than "spin button".
  function labelInlineFields(root) {
    for (const table of root.querySelectorAll(".inline-group .tabular table")) {
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim().replace(/\?$/, ""))
      const rows = [...table.querySelectorAll("tbody tr.form-row:not(.empty-form)")]
      const noun = (table.closest(".inline-group").querySelector(".inline-heading") || {}).textContent || ""
      rows.forEach((row, number) => {
        ;[...row.children].forEach((cell, column) => {
          for (const field of cell.querySelectorAll("input:not([type=hidden]), select, textarea")) {
            if (field.labels.length || field.getAttribute("aria-label") || !headers[column]) continue
            field.setAttribute("aria-label", `${headers[column]}, ${noun.trim().split(" (")[0].toLowerCase()} row ${number + 1}`)
          }
        })
      })
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    labelInlineFields(document)
    document.addEventListener("formset:added", () => labelInlineFields(document))
    const form = document.getElementById("article_form")
    if (!form) return
    form.addEventListener("input", (event) => {
      if (event.target.name === "body") showLength(event.target.value)
    })
    setUpPicker()
    const newArticle = document.querySelector("[data-new-article-draft]")
    if (changePath) setUpAutosave(form)
    else if (newArticle) setUpNewArticle(form, newArticle.dataset.newArticleDraft)
  })
})()
