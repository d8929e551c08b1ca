// A workflow button whose move is public or cannot be undone (publish, unpublish, archive)
// asks first, in the move's own words (data-confirm, from articles/workflow.py MOVES).
// Listens in the capture phase, so a "No" stops the move before anything else runs.
;(() => {
  "use strict"
  document.addEventListener(
    "submit",
    (event) => {
      const question = event.target.dataset && event.target.dataset.confirm
      if (question && !window.confirm(question)) {
        event.preventDefault()
        event.stopImmediatePropagation()
      }
    },
    true,
  )
})()
