// Small enhancements; every page works without this file.
// 1. Image preview for file inputs marked data-preview="#target".
document.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.preview) return;
  const target = document.querySelector(input.dataset.preview);
  if (!target) return;
  target.replaceChildren();
  const file = input.files?.[0];
  if (!file) return;
  const note = document.createElement('p');
  note.className = 'hint';
  note.textContent = `${file.name} · ${Math.max(1, Math.round(file.size / 1024))} KB`;
  if (file.type.startsWith('image/')) {
    const img = document.createElement('img');
    img.alt = 'Pratinjau berkas';
    img.src = URL.createObjectURL(file);
    img.onload = () => URL.revokeObjectURL(img.src);
    target.append(img);
  }
  target.append(note);
});
// 2. htmx requests carry the session's CSRF token.
document.addEventListener('htmx:configRequest', (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
});
// 3. A form that comes back with errors moves focus to the error summary.
window.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('kesalahan');
  if (summary) summary.focus();
});
// 4. On a finding, bring the highlighted sentence into view inside its article box.
window.addEventListener('DOMContentLoaded', () => {
  const mark = document.querySelector('.article-text mark');
  const box = mark?.closest('.article-text');
  if (box) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 60);
});
