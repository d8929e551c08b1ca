// Tells the server this article is open here, and shows who else has it open.
(function () {
  "use strict";
  const box = document.getElementById("article-presence");
  const csrf = document.querySelector("[name=csrfmiddlewaretoken]");
  if (!box || !csrf) return;
  const url = box.dataset.url;
  const others = box.querySelector("[data-others]");
  const names = box.querySelector("[data-names]");

  function show(list) {
    names.textContent = list.join(", ");
    others.hidden = list.length === 0;
  }

  // This load of the page: a late "leaving" beacon from the page before a reload or a save
  // carries the old token, so the server keeps us listed.
  const page = box.dataset.page || "";

  function beat() {
    const data = new FormData();
    data.append("page", page);
    fetch(url, {
      method: "POST",
      headers: { "X-CSRFToken": csrf.value },
      credentials: "same-origin",
      body: data,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => data && show(data.others))
      .catch(() => {});
  }

  setInterval(beat, Number(box.dataset.interval) * 1000);
  window.addEventListener("pagehide", () => {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", csrf.value);
    data.append("leave", "1");
    data.append("page", page);
    navigator.sendBeacon(url, data);
  });
  // Back/forward cache: the page comes back without loading, after saying it left.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) beat();
  });
})();
