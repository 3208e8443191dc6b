// The public verification page: a licence by number (or by the link its QR code holds,
// /verify/?licence=N), a work by its file (hashed here, never sent), an enterprise by
// its USCC (checked here before any query); and an evidence file, checked here by the
// verifier compiled to WebAssembly against the published checkpoint. Each record found
// can be downloaded as an evidence file.

import './style.css';
import qrcode from 'qrcode-generator';
import { checkUscc } from '../../shared/uscc.mjs';
import { $, esc } from './dom';
import { dateTime, lang, setLang, statusWord, words } from './i18n';
import type { EnterpriseView, Holder, LicenceView, Verdict, WorkView } from './chain';
import type { CheckpointInfo, EvidenceKind } from './evidence';

const chain = () => import('./chain');
const evidence = () => import('./evidence');
/** A link to this page with `params`, keeping the chosen network (`rpc`). */
function linkTo(params: Record<string, string>): string {
  const q = new URLSearchParams(params);
  const rpc = new URLSearchParams(location.search).get('rpc');
  if (rpc) q.set('rpc', rpc);
  return `?${q}`;
}

type Tab = 'licence' | 'work' | 'enterprise' | 'evidence';

function render() {
  const w = words();
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = w.title;
  $('#app').innerHTML = `
    <header>
      <h1>${w.title}</h1>
      <button id="lang" type="button">${w.language}</button>
      <p>${w.subtitle}</p>
    </header>
    <nav role="tablist">
      <button role="tab" data-tab="licence">${w.tabLicence}</button>
      <button role="tab" data-tab="work">${w.tabWork}</button>
      <button role="tab" data-tab="enterprise">${w.tabEnterprise}</button>
      <button role="tab" data-tab="evidence">${w.tabEvidence}</button>
    </nav>
    <section data-panel="licence">
      <form id="licence-form" novalidate>
        <label>${w.licenceNumber} <input id="licence-number" inputmode="numeric" autocomplete="off"></label>
        <label>${w.region} <input id="licence-region" inputmode="numeric" value="500000"></label>
        <button type="submit">${w.check}</button>
      </form>
    </section>
    <section data-panel="work">
      <label id="drop" class="drop" tabindex="0">${w.dropFile}<input id="work-file" type="file" hidden></label>
    </section>
    <section data-panel="enterprise">
      <form id="enterprise-form" novalidate>
        <label>${w.usccLabel} <input id="uscc" autocomplete="off" maxlength="24" spellcheck="false"></label>
        <button type="submit">${w.check}</button>
      </form>
    </section>
    <section data-panel="evidence">
      <label id="bundle-drop" class="drop" tabindex="0">${w.dropBundle}<input id="bundle-file" type="file" accept=".json,application/json" hidden></label>
      <p id="checkpoint-line" data-testid="checkpoint"></p>
      <label>${w.chooseCheckpoint} <input id="checkpoint-file" type="file" accept=".json,application/json"></label>
    </section>
    <div id="message" role="alert"></div>
    <article id="result"></article>`;
  $('#lang').onclick = () => {
    setLang(lang() === 'en' ? 'zh' : 'en');
    const tab = current;
    render();
    show(tab);
  };
  document.querySelectorAll<HTMLButtonElement>('[data-tab]').forEach((b) => {
    b.onclick = () => show(b.dataset.tab as Tab);
  });
  $('#licence-form').onsubmit = (e) => { e.preventDefault(); void checkLicence(); };
  $('#enterprise-form').onsubmit = (e) => { e.preventDefault(); void checkEnterprise(); };
  const drop = $('#drop');
  const input = $<HTMLInputElement>('#work-file');
  input.onchange = () => { if (input.files?.[0]) void checkWork(input.files[0]); };
  dropZone(drop, (file) => void checkWork(file));
  const bundleInput = $<HTMLInputElement>('#bundle-file');
  // Cleared once read, so that the same file can be checked again (e.g. against another
  // checkpoint).
  bundleInput.onchange = () => {
    const file = bundleInput.files?.[0];
    bundleInput.value = '';
    if (file) void checkEvidence(file);
  };
  dropZone($('#bundle-drop'), (file) => void checkEvidence(file));
  const cpInput = $<HTMLInputElement>('#checkpoint-file');
  cpInput.onchange = () => { if (cpInput.files?.[0]) void chooseCheckpoint(cpInput.files[0]); };
  $('#result').onclick = (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('[data-export]');
    if (b) void exportEvidence(b.dataset.export as EvidenceKind, b.dataset.id as string);
    if ((e.target as HTMLElement).closest('[data-print]')) window.print();
  };
}

/** Makes `zone` take a dropped file. */
function dropZone(zone: HTMLElement, take: (f: File) => void) {
  zone.ondragover = (e) => { e.preventDefault(); zone.classList.add('over'); };
  zone.ondragleave = () => zone.classList.remove('over');
  zone.ondrop = (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) take(file);
  };
}

let current: Tab = 'licence';
function show(tab: Tab) {
  current = tab;
  document.querySelectorAll<HTMLElement>('[data-panel]').forEach((p) => { p.hidden = p.dataset.panel !== tab; });
  document.querySelectorAll<HTMLElement>('[data-tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  message('');
  $('#result').innerHTML = '';
  if (tab === 'evidence') void showCheckpoint();
}

function message(text: string, kind: 'error' | 'info' = 'error') {
  const m = $('#message');
  m.textContent = text;
  m.className = text ? kind : '';
}

/** Runs a query, showing progress and turning a dead network into a sentence. */
async function query<T>(run: () => Promise<T>): Promise<T | undefined> {
  message(words().loading, 'info');
  $('#result').innerHTML = '';
  try {
    const out = await run();
    message('');
    return out;
  } catch (e) {
    console.error(e);
    message(words().unreachable);
    return undefined;
  }
}

const rows = (pairs: [string, string][]) =>
  `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
const holderText = (h: Holder) =>
  esc(`${statusWord(h.kind)} ${h.kind === 'Person' ? `${h.value.slice(0, 18)}…` : h.value}`);

async function checkLicence() {
  const w = words();
  const raw = $<HTMLInputElement>('#licence-number').value.trim();
  const regionRaw = $<HTMLInputElement>('#licence-region').value.trim();
  if (!/^\d{1,19}$/.test(raw)) return message(w.badNumber);
  if (!/^\d{6}$/.test(regionRaw)) return message(w.badRegion);
  const id = Number(raw), region = Number(regionRaw);
  const got = await query(async () => {
    const c = await chain();
    const l = await c.licence(id);
    return l && { l, v: await c.verify(id, region) };
  });
  if (got === undefined) return;
  if (got === null) return message(w.noLicence(id));
  $('#result').innerHTML = licenceHtml(got.l, got.v, region);
}

function verdictText(v: Verdict): string {
  const w = words();
  if (v.kind === 'recognised') return v.via === null ? w.recognisedOwn : w.recognisedVia(v.via);
  if (v.kind === 'notRecognised') return w.notRecognised;
  return w.invalid(statusWord(v.reason));
}

/** The QR code printed on a licence: the link that opens it on this page (SVG). */
export function qrSvg(link: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(link, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 3, margin: 2, scalable: true });
}

function licenceHtml(l: LicenceView, v: Verdict, region: number): string {
  const w = words();
  const last = l.lastChange
    ? `${esc(statusWord(l.lastChange.action))} · ${w.reason} ${l.lastChange.reason} · ${esc(dateTime(l.lastChange.time))}${l.lastChange.agency ? ` · ${esc(l.lastChange.agency)}` : ''}`
    : esc(w.issued(l.issuedAt));
  const link = new URL(linkTo({ licence: String(l.id) }), location.href).href;
  return `<h2 data-testid="licence-title">${esc(l.typeName)} · ${l.id}</h2>
    ${exportButton('licence', String(l.id))} <button type="button" class="export" data-print>${w.print}</button>
    <figure class="qr"><div data-testid="qr">${qrSvg(link)}</div><figcaption>${w.qrCaption}<br><code data-testid="qr-link">${esc(link)}</code></figcaption></figure>
    <p class="verdict ${v.kind === 'invalid' ? 'bad' : 'good'}" data-testid="verdict">${esc(w.verdict)} ${region}: ${esc(verdictText(v))}</p>
    ${rows([
      [w.type, `${esc(l.typeCode)} (${esc(l.typeName)}, ${l.typeRegion})`],
      [w.holderKind, esc(statusWord(l.holderKind))],
      [w.holder, holderText(l.holder)],
      [w.issuer, esc(l.issuer)],
      [w.validity, `${esc(dateTime(l.validFrom))} – ${l.validUntil === null ? w.indefinite : esc(dateTime(l.validUntil))}`],
      [w.status, `<span data-testid="status">${esc(statusWord(l.status))}</span>`],
      [w.lastChange, last],
    ])}
    ${l.record.length ? `<h3>${w.record}</h3><ol data-testid="record">${l.record.map((r) =>
      `<li>${esc(statusWord(r.action))} · ${w.reason} ${r.reason} · ${w.block} ${r.block} · ${esc(dateTime(r.time))}${r.agency ? ` · ${esc(r.agency)}` : ''}</li>`).join('')}</ol>` : ''}`;
}

async function checkWork(file: File) {
  const w = words();
  const got = await query(async () => {
    const c = await chain();
    const hash = await c.hashFile(file);
    return { hash, work: await c.work(hash) };
  });
  if (!got) return;
  const hashLine = `<p class="hash">${esc(file.name)} · ${w.fileHashed}: <code data-testid="file-hash">${got.hash}</code></p>`;
  if (!got.work) {
    message(w.noWork);
    $('#result').innerHTML = hashLine;
    return;
  }
  $('#result').innerHTML = hashLine + workHtml(got.work);
}

function workHtml(x: WorkView): string {
  const w = words();
  const reg = x.registration.kind === 'Registered'
    ? `${statusWord('Registered')} No. ${x.registration.number} · ${esc(x.registration.office ?? '')}`
    : esc(statusWord(x.registration.kind));
  return `<h2 data-testid="work-title">${esc(w.deposited)}: ${esc(x.title)}</h2>
    ${exportButton('work', x.hash)}
    ${rows([
      [w.depositedAt, esc(dateTime(x.time))],
      [w.block, `<span data-testid="work-block">${x.block}</span> · ${w.extrinsic} ${x.extrinsic}`],
      [w.depositor, `<code data-testid="depositor">${esc(x.depositor)}</code>`],
      [w.holder, holderText(x.holder)],
      [w.registration, `<span data-testid="registration">${reg}</span>`],
      [w.frozen, x.frozen ? w.yes : w.no],
    ])}`;
}

async function checkEnterprise() {
  const w = words();
  const checked = checkUscc($<HTMLInputElement>('#uscc').value);
  if (!checked.ok) {
    $('#result').innerHTML = '';
    if (checked.reason === 'length') return message(w.usccLength(checked.length));
    if (checked.reason === 'character') return message(w.usccChar(checked.position, checked.character));
    return message(w.usccCheck(checked.expected));
  }
  const e = await query(async () => (await chain()).enterprise(checked.code));
  if (e === undefined) return;
  if (e === null) return message(w.noEnterprise);
  $('#result').innerHTML = enterpriseHtml(e);
}

function enterpriseHtml(e: EnterpriseView): string {
  const w = words();
  return `<h2 data-testid="enterprise-name">${esc(e.name)}</h2>
    ${exportButton('enterprise', e.uscc)}
    ${rows([
      [w.usccLabel, `<code>${esc(e.uscc)}</code>`],
      [w.status, `<span data-testid="enterprise-status">${esc(statusWord(e.status))}</span>`],
      [w.entityType, esc(e.entityType)],
      [w.region, String(e.region)],
      [w.authority, esc(e.authority)],
      [w.businessLicence, `<a data-testid="enterprise-licence" href="${esc(linkTo({ licence: String(e.license) }))}">${e.license}</a>`],
      [w.established, esc(dateTime(e.established))],
    ])}
    <h3>${w.history}</h3>
    <ol data-testid="history">${e.history.map((h) => `<li>${esc(h.change)} · ${w.block} ${h.block} · ${esc(dateTime(h.time))}</li>`).join('')}</ol>`;
}

const exportButton = (kind: EvidenceKind, id: string) =>
  `<button type="button" class="export" data-export="${kind}" data-id="${esc(id)}">${words().exportEvidence}</button>`;

async function exportEvidence(kind: EvidenceKind, id: string) {
  const w = words();
  message(w.loading, 'info');
  try {
    message(w.exported(await (await evidence()).downloadEvidence(kind, id)), 'info');
  } catch (e) {
    console.error(e);
    message(w.exportFailed(e instanceof Error ? e.message : String(e)));
  }
}

/** The checkpoint evidence files are checked against: the published one unless the
 * person chose a file. */
let checkpoint: { info: CheckpointInfo; file: string | null } | null = null;

async function showCheckpoint() {
  const w = words();
  if (!checkpoint) {
    const published = await (await evidence()).publishedCheckpoint();
    if (published && !checkpoint) checkpoint = { info: published, file: null };
  }
  const line = $('#checkpoint-line');
  if (!line) return;
  const c = checkpoint;
  line.textContent = !c ? w.checkpointNone
    : c.file === null ? w.checkpointPublished(c.info.genesis, c.info.setId, c.info.authorities)
      : w.checkpointFromFile(c.file, c.info.genesis, c.info.setId, c.info.authorities);
}

async function chooseCheckpoint(file: File) {
  const info = (await evidence()).checkpointInfo(await file.text());
  if (!info) return message(words().badCheckpoint);
  checkpoint = { info, file: file.name };
  message('');
  $('#result').innerHTML = '';
  await showCheckpoint();
}

async function checkEvidence(file: File) {
  const w = words();
  $('#result').innerHTML = '';
  await showCheckpoint();
  if (!checkpoint) return message(w.checkpointNone);
  const ev = await evidence();
  const started = performance.now();
  let v;
  try {
    v = await ev.checkBundle(await file.text(), checkpoint.info.text);
  } catch (e) {
    console.error(e);
    return message(w.verifierUnavailable);
  }
  const ms = (performance.now() - started).toFixed(1);
  message('');
  $('#result').innerHTML = `<h2 class="verdict ${v.valid ? 'good' : 'bad'}" data-testid="evidence-verdict">${v.valid ? w.evidenceValid : w.evidenceInvalid}</h2>
    <p class="hash">${esc(file.name)}${v.record ? ` · ${esc(v.record.kind)} ${esc(v.record.id)}` : ''}</p>
    <h3>${w.verifierSays}</h3>
    <pre data-testid="evidence-words">${esc(v.valid ? v.proves ?? '' : v.reason ?? '')}</pre>
    <p>${esc(w.checkedLocally(ms))}</p>
    <p><a data-testid="court-link" href="../court/">${w.courtLink}</a></p>`;
}

render();
const params = new URLSearchParams(location.search);
const fromQr = params.get('licence');
if (fromQr) {
  show('licence');
  $<HTMLInputElement>('#licence-number').value = fromQr;
  if (params.get('region')) $<HTMLInputElement>('#licence-region').value = params.get('region') as string;
  void checkLicence();
} else if (params.get('uscc')) {
  show('enterprise');
  $<HTMLInputElement>('#uscc').value = params.get('uscc') as string;
  void checkEnterprise();
} else {
  show((params.get('tab') as Tab) || 'licence');
}
