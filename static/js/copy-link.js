/* "Copy" beside a share link (templates/admin/articles/article/share_links.html): puts the
   link on the clipboard and says so; where the clipboard is refused (plain HTTP), the link
   is selected for the user to copy. Clicking into the link selects it, too. */
(function () {
  "use strict";
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    const status = document.getElementById(button.getAttribute("aria-describedby"));
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = "Copied.";
    } catch (error) {
      status.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  });
  document.addEventListener("focusin", (event) => {
    if (event.target.matches(".share-url")) event.target.select();
  });
})();
