// The help-center pages work without this script. With it, "War dieser Artikel hilfreich?" is answered in
// place (the JSON feedback API) instead of through the form's POST and a reload; the form carries the answers'
// texts in the page's language.
'use strict';

(() => {
  const form = document.querySelector('form.vote[data-article]');
  if (!form) return;
  const status = form.querySelector('.status');

  form.addEventListener('submit', async (event) => {
    const choice = event.submitter?.value;
    if (choice !== 'ja' && choice !== 'nein') return; // the form's own POST then
    event.preventDefault();
    const helpful = choice === 'ja';
    const buttons = form.querySelectorAll('button');
    for (const button of buttons) button.disabled = true;
    let ok = false;
    try {
      const response = await fetch(`/api/v1/articles/${encodeURIComponent(form.dataset.article)}/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ helpful }),
      });
      ok = response.status === 201;
    } catch {
      ok = false;
    }
    if (!ok) {
      for (const button of buttons) button.disabled = false;
      status.textContent = form.dataset.failed;
      return;
    }
    status.textContent = helpful ? form.dataset.thanks : form.dataset.thanksNotHelpful;
    if (!helpful) document.getElementById('article-ask')?.focus();
  });
})();
