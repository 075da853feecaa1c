// The offline page's list of the pages this phone has saved (written by sitegen from
// crates/sitegen/src/offline_saved.js): the page lists every page of the site, hidden, and this shows the
// ones the service worker has kept, so that a person without a network is offered only what opens. With
// none kept (or no Cache Storage), the list stays hidden. `data-looked` says it has looked.
(async () => {
  if (!("caches" in self)) return;
  const list = document.querySelector(".saved-pages");
  let any = false;
  for (const item of list.querySelectorAll("li")) {
    const href = item.querySelector("a").getAttribute("href");
    if (await caches.match(href, { ignoreSearch: true })) {
      item.hidden = false;
      any = true;
    }
  }
  list.hidden = !any;
  list.dataset.looked = "";
})();
