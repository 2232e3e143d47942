// A region that scrolls (a wide table on a phone, a dashboard card, a log tail) must be reachable by keyboard, or
// keyboard users cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable). Such regions get a tab stop while
// they actually scroll, and lose it when they fit again, so a laptop's wide screen does not gain useless stops.
(() => {
  const marked = 'data-scroll-focus';
  const scrolls = (element) => {
    const style = getComputedStyle(element);
    const across = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    const down = /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    return across || down;
  };
  const update = () => {
    pending = false;
    for (const element of document.querySelectorAll('main table, main .card, main pre, main .log-tail')) {
      if (scrolls(element)) {
        if (!element.hasAttribute('tabindex')) {
          element.setAttribute('tabindex', '0');
          element.setAttribute(marked, '');
        }
      } else if (element.hasAttribute(marked)) {
        element.removeAttribute('tabindex');
        element.removeAttribute(marked);
      }
    }
  };
  let pending = false;
  const schedule = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(update);
    }
  };
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  addEventListener('resize', schedule);
})();
