// Adds the CSRF token to htmx requests. Pages work without this file: every form also carries the token.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Keyboard: "/" focuses the search box of the page, as in most tools.
document.addEventListener('keydown', function (event) {
  if (event.key === '/' && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) {
    var search = document.querySelector('[data-search]');
    if (search) { event.preventDefault(); search.focus(); }
  }
});
// Search as you type: an answer identical to the rows on screen replaces nothing, so a link under the cursor or
// the keyboard focus is never swapped away (hx-sync="this:replace" already drops answers to older queries, and
// row links carry ids, so htmx keeps the focus on a row that did change).
document.addEventListener('htmx:beforeSwap', function (event) {
  var target = event.detail.target;
  if (!target || !event.detail.shouldSwap || typeof event.detail.serverResponse !== 'string') { return; }
  var fresh = document.createElement('template');
  fresh.innerHTML = event.detail.serverResponse.trim();
  var node = fresh.content.firstElementChild;
  // htmx leaves an empty class attribute where it added and removed its own classes
  var current = target.cloneNode(true);
  var all = [current].concat(Array.prototype.slice.call(current.querySelectorAll('[class=""]')));
  all.forEach(function (e) { if (e.getAttribute('class') === '') { e.removeAttribute('class'); } });
  if (node && fresh.content.childElementCount === 1 && node.isEqualNode(current)) {
    event.detail.shouldSwap = false;
  }
});
