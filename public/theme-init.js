// Runs before the app to avoid a flash of the wrong theme. Mirrors src/app/theme.ts.
(function () {
  try {
    var pref = localStorage.getItem('dispatch:theme');
    var dark =
      pref === 'dark' ||
      (pref !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
  } catch (e) {
    /* storage may be blocked: fall back to light until the app starts */
  }
})();
