// Thai date in the top bar and font-size buttons (the crawler never runs this)
(function () {
  var el = document.getElementById('today-th');
  if (el) {
    el.textContent = new Date().toLocaleDateString('th-TH',
      { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  }
  document.querySelectorAll('[data-size]').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      var s = parseInt(a.getAttribute('data-size'), 10);
      document.body.style.fontSize = (16 + 2 * s) + 'px';
    });
  });
})();
