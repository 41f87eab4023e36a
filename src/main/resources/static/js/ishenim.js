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
