/*
 * OnePlan: tell the officer which Office is needed when this pane cannot run.
 *
 * The pane is ES2022 (class static blocks, regex lookbehind, Array.prototype.at/findLast). Office 2016
 * and 2019 bought outright (volume licence, or retail without WebView2) open add-ins in Internet
 * Explorer 11 or Edge Legacy, and Excel for Mac on macOS before Safari 16.4 uses an older WebKit: there
 * the bundle does not even parse and the pane would stay on "Loading…" for ever. This file must itself
 * parse in any browser, so it is ES5 only (test/manifest-office.test.ts parses it as ES5) and uses no
 * eval (the page's Content-Security-Policy forbids it): the RegExp constructor tests lookbehind, and
 * a few ES2022 built-ins stand for the rest of the syntax.
 */
(function () {
  'use strict';
  var shown = false;

  function modern() {
    try {
      new RegExp('(?<=a)b');
    } catch (e) {
      return false;
    }
    return typeof Object.hasOwn === 'function' && typeof [].at === 'function' && typeof [].findLast === 'function' && typeof Promise === 'function';
  }

  function line(parent, tag, text, lang) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(text));
    if (lang) el.setAttribute('lang', lang);
    parent.appendChild(el);
  }

  function show() {
    if (shown) return;
    shown = true;
    window.__onePlanNeedsNewerOffice = true;
    var root = document.getElementById('root') || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.setAttribute('id', 'needs-newer-office');
    box.setAttribute('role', 'alert');
    box.style.padding = '16px';
    box.style.fontSize = '14px';
    box.style.lineHeight = '1.5';
    line(box, 'h1', 'OnePlan ใช้กับ Excel รุ่นนี้ไม่ได้', 'th');
    line(box, 'p', 'OnePlan ต้องใช้ Microsoft 365 หรือ Office 2021 ขึ้นไปบน Windows (ที่มี Microsoft Edge WebView2), Excel บนเว็บ หรือ Excel for Mac บน macOS ที่มี Safari 16.4 ขึ้นไป', 'th');
    line(box, 'p', 'Office 2016 และ 2019 แบบซื้อขาดเปิด add-in ด้วย Internet Explorer หรือ Edge รุ่นเก่า จึงเปิด OnePlan ไม่ได้ โปรดแจ้งผู้ดูแลระบบให้ติดตั้ง Microsoft Edge WebView2 Runtime หรือปรับรุ่น Office หรือใช้ OnePlan ผ่าน Excel บนเว็บ', 'th');
    line(box, 'h2', 'OnePlan cannot run in this version of Excel', 'en');
    line(box, 'p', 'OnePlan needs Microsoft 365 or Office 2021 or later on Windows (with Microsoft Edge WebView2), Excel on the web, or Excel for Mac on macOS with Safari 16.4 or later.', 'en');
    line(box, 'p', 'Office 2016 and 2019 bought outright open add-ins in Internet Explorer or the old Edge, where OnePlan cannot start. Ask your IT contact to install the Microsoft Edge WebView2 Runtime or a newer Office, or use OnePlan in Excel on the web.', 'en');
    root.appendChild(box);
  }

  function whenReady(f) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f);
    else f();
  }

  if (!modern()) whenReady(show);
  // An engine this test did not foresee: a syntax error before the pane started (index.tsx sets
  // data-host-mode) shows the same page.
  window.addEventListener('error', function (ev) {
    var msg = ev && ev.message ? String(ev.message) : '';
    if (!document.documentElement.getAttribute('data-host-mode') && /SyntaxError|Syntax error|Expected|Unexpected/.test(msg)) whenReady(show);
  });
})();
