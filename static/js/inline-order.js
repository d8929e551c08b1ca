/* Ordering the rows of an inline (bylines, topics, related articles) by dragging, or from
   the keyboard with "Move up" / "Move down" buttons. The inline's number field ("position")
   stays the one thing the server reads: this script hides it and writes 0, 1, 2… in the
   order the rows show, before the form is sent. Without the script the numbers are typed,
   as before. Inlines opt in with the class "ordered-inline" (articles/admin/articles.py). */
(function () {
  "use strict";

  function rowsOf(group) {
    return Array.from(group.querySelectorAll("tbody > tr.form-row:not(.empty-form)"));
  }

  function nameOf(row) {
    const select = row.querySelector("td:not(.field-position) select");
    const chosen = select && select.selectedOptions[0];
    if (chosen && chosen.value) return chosen.textContent.trim();
    const original = row.querySelector("td.original p");
    return (original && original.textContent.trim()) || "new row";
  }

  function isFilled(row) {
    if (row.querySelector("input[name$='-id']")?.value) return true;
    const select = row.querySelector("td:not(.field-position) select");
    return Boolean(select && select.value);
  }

  function isDeleted(row) {
    return Boolean(row.querySelector("input[name$='-DELETE']")?.checked);
  }

  // Number the rows in the order shown; rows left empty keep their value, so Django still
  // sees them as unchanged extra forms.
  function renumber(group) {
    let position = 0;
    for (const row of rowsOf(group)) {
      const input = row.querySelector("td.field-position input");
      if (!input || !isFilled(row) || isDeleted(row)) continue;
      input.value = String(position++);
    }
    refreshLabels(group);
  }

  function refreshLabels(group) {
    const rows = rowsOf(group);
    rows.forEach((row, index) => {
      const name = nameOf(row);
      const up = row.querySelector(".inline-order__up");
      const down = row.querySelector(".inline-order__down");
      const handle = row.querySelector(".inline-order__handle");
      if (!up) return;
      up.setAttribute("aria-label", `Move up: ${name}`);
      down.setAttribute("aria-label", `Move down: ${name}`);
      handle.title = `Drag to reorder: ${name}`;
      up.disabled = index === 0;
      down.disabled = index === rows.length - 1;
    });
  }

  function announce(group, row) {
    const rows = rowsOf(group);
    const status = group.querySelector(".inline-order__status");
    status.textContent = `${nameOf(row)}: position ${rows.indexOf(row) + 1} of ${rows.length}.`;
  }

  function move(group, row, step) {
    const rows = rowsOf(group);
    const target = rows[rows.indexOf(row) + step];
    if (!target) return;
    if (step < 0) target.before(row);
    else target.after(row);
    renumber(group);
    announce(group, row);
  }

  function button(className, text, onClick) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = `inline-order__button ${className}`;
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  function equip(group, row) {
    const cell = row.querySelector("td.field-position");
    if (!cell || cell.querySelector(".inline-order__handle")) return;
    const input = cell.querySelector("input");
    if (input) input.type = "hidden";
    const handle = document.createElement("span");
    handle.className = "inline-order__handle";
    handle.setAttribute("aria-hidden", "true");
    handle.textContent = "⠿";
    const up = button("inline-order__up", "↑", (event) => {
      move(group, row, -1);
      event.currentTarget.disabled ? row.querySelector(".inline-order__down").focus() : event.currentTarget.focus();
    });
    const down = button("inline-order__down", "↓", (event) => {
      move(group, row, 1);
      event.currentTarget.disabled ? row.querySelector(".inline-order__up").focus() : event.currentTarget.focus();
    });
    cell.append(handle, up, down);
    // Dragging starts on the handle only, so text in the row can still be selected.
    handle.addEventListener("mousedown", () => { row.draggable = true; });
    row.addEventListener("dragstart", (event) => {
      group.dataset.dragging = row.id;
      row.classList.add("inline-order--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", row.id);
    });
    row.addEventListener("dragend", () => {
      row.draggable = false;
      row.classList.remove("inline-order--dragging");
      delete group.dataset.dragging;
      renumber(group);
      announce(group, row);
    });
    row.addEventListener("dragover", (event) => {
      const dragged = group.dataset.dragging && document.getElementById(group.dataset.dragging);
      if (!dragged || dragged === row) return;
      event.preventDefault();
      const box = row.getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) row.before(dragged);
      else row.after(dragged);
    });
    row.addEventListener("drop", (event) => event.preventDefault());
    row.querySelector("td:not(.field-position) select")?.addEventListener("change", () => renumber(group));
  }

  // The order column goes first, beside each row's name, so that it is in view on a
  // phone too (the table scrolls sideways there); the blank row that "Add another" copies
  // moves with the others.
  function orderFirst(row, selector) {
    const cell = row.querySelector(selector);
    const original = row.querySelector(":scope > .original");
    if (cell && original) original.after(cell);
  }

  function setUp(group) {
    if (!group.querySelector("fieldset.ordered-inline")) return;
    const header = group.querySelector("thead th.column-position");
    if (header) header.firstChild.textContent = "Order ";
    orderFirst(group.querySelector("thead tr"), "th.column-position");
    group.querySelectorAll("tbody > tr.form-row").forEach((row) => orderFirst(row, "td.field-position"));
    const status = document.createElement("p");
    status.className = "inline-order__status visually-hidden";
    status.setAttribute("aria-live", "polite");
    group.querySelector("fieldset").append(status);
    rowsOf(group).forEach((row) => equip(group, row));
    renumber(group);
    group.closest("form")?.addEventListener("submit", () => renumber(group));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".js-inline-admin-formset").forEach(setUp);
  });
  // Django's inlines.js announces a row added with "Add another".
  document.addEventListener("formset:added", (event) => {
    const group = event.target.closest(".js-inline-admin-formset");
    if (group && group.querySelector("fieldset.ordered-inline")) {
      equip(group, event.target);
      renumber(group);
    }
  });
})();
