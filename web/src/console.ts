// The agency console: choose the signing account (the polkadot.js extension, or the
// development keys on a development chain only), see which agency and roles it acts
// for (`consortiumApi.actingAgency`), and do what those roles allow. Each transaction
// shows its progress (signed → in a block → finalized) and each refusal a sentence.
// Identity documents become pseudonyms here; files are hashed here; neither is sent.

import './style.css';
import type { ApiPromise } from '@polkadot/api';
import { checkUscc } from '../../shared/uscc.mjs';
import { checkKey, parseKey, pseudonymMessage } from '../../shared/pseudonym.mjs';
import { api, hashFile, text } from './chain';
import { $, esc } from './dom';
import { cw } from './console-i18n';
import { dateTime, lang, setLang, statusWord } from './i18n';
import { type Account, type Included, Refused, type Stage, eventOf, refusal, send, submit } from './tx';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;
// The development keys: six agency admins of the development preset, and two endowed
// accounts of no agency (an applicant, a holder).
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash'];
const ACCOUNT_KEY = 'govchain.console.account';

/** What the chosen account may do, read from the chain. */
interface Standing {
  agency: number | null;
  agencyName: string;
  region: number;
  roles: string[];
  inactive: string | null;
  council: boolean;
}

let accounts: Account[] = [];
let me: Account | null = null;
let standing: Standing | null = null;
/** Pseudonym keys by domain (`licenses`, `provident-fund`, `copyright`): memory only, so a
 * key typed for one domain never makes another domain's pseudonyms. */
const pseudonymKeys = new Map<string, Uint8Array>();

/** Development keys when the node says it runs a development chain, plus the extension's. */
async function loadAccounts(a: ApiPromise): Promise<{ list: Account[]; extension: string | null }> {
  const list: Account[] = [];
  let extension: string | null = null;
  const chainType: Codec = await a.rpc.system.chainType();
  if (chainType.isDevelopment || chainType.isLocal) {
    const { Keyring } = await import('@polkadot/keyring');
    const keyring = new Keyring({ type: 'sr25519', ss58Format: a.registry.chainSS58 ?? 42 });
    for (const n of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${n}`, { name: n });
      list.push({ address: pair.address, name: `//${n}`, source: 'development', pair });
    }
  }
  try {
    const dapp = await import('@polkadot/extension-dapp');
    const injected = await dapp.web3Enable('GovChain');
    if (injected.length) {
      for (const acc of await dapp.web3Accounts()) {
        const inj = await dapp.web3FromSource(acc.meta.source);
        list.push({ address: acc.address, name: acc.meta.name ?? acc.address, source: acc.meta.source, signer: inj.signer });
      }
    } else extension = cw().noExtension;
  } catch {
    extension = cw().noExtension;
  }
  return { list, extension };
}

async function readStanding(a: ApiPromise, who: string): Promise<Standing> {
  const acting: Codec = await a.call.consortiumApi.actingAgency(who, null);
  const members: Codec = await a.query.council.members();
  const council = members.some((m: Codec) => m.toString() === who);
  const base = { council, roles: [], region: 0, agencyName: '', inactive: null };
  let id: number | null = null;
  let inactive: string | null = null;
  if (acting.isOk) id = acting.asOk.toNumber();
  else {
    const of: Codec = await a.call.consortiumApi.agencyOf(who);
    if (of.isNone) return { ...base, agency: null };
    id = of.unwrap().toNumber();
    const m = a.registry.findMetaError(acting.asErr.asModule);
    inactive = m.docs.join(' ') || m.name;
  }
  const view: Codec = ((await a.call.consortiumApi.agency(id)) as Codec).unwrap();
  return { agency: id, agencyName: text(view.name), region: view.region.toNumber(), roles: rolesOf(view.roles), inactive, council };
}

/** `Role` in bit order (`Role::ALL` in primitives/): a `RoleSet` holds bit 1 << index. */
const ROLES = ['MarketRegulator', 'SealAuthority', 'TaxAuthority', 'LicenseIssuer', 'FundCenter', 'Bank', 'CopyrightOffice', 'Court', 'Auditor'];
const rolesOf = (set: Codec): string[] => ROLES.filter((_, i) => Number(set.toString()) & (1 << i));

// ---- rendering ----
function render() {
  const w = cw();
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = w.title;
  $('#app').innerHTML = `
    <header>
      <h1>${w.title}</h1>
      <button id="lang" type="button">${w.language}</button>
      <p>${w.subtitle} <a href="../verify/${location.search}">${w.publicPage}</a></p>
    </header>
    <section id="signin">
      <label>${w.signIn} <select id="account"></select></label>
      <p id="signin-note" class="note"></p>
    </section>
    <section id="who" aria-live="polite"></section>
    <div id="panels"></div>
    <p id="message" role="status"></p>`;
  $('#lang').addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); render(); void start(); });
}

function fillAccounts(extensionNote: string | null) {
  const w = cw();
  const sel = $<HTMLSelectElement>('#account');
  const group = (label: string, list: Account[]) => (list.length
    ? `<optgroup label="${esc(label)}">${list.map((a) => `<option value="${a.address}">${esc(a.name)} · ${a.address.slice(0, 8)}…</option>`).join('')}</optgroup>` : '');
  sel.innerHTML = group(w.extensionAccounts, accounts.filter((a) => a.source !== 'development'))
    + group(w.devAccounts, accounts.filter((a) => a.source === 'development'));
  $('#signin-note').textContent = accounts.length ? (extensionNote ?? '') : w.noAccounts;
  const saved = localStorage.getItem(ACCOUNT_KEY);
  if (saved && accounts.some((a) => a.address === saved)) sel.value = saved;
  sel.addEventListener('change', () => { localStorage.setItem(ACCOUNT_KEY, sel.value); void choose(sel.value); });
  if (accounts.length) void choose(sel.value);
}

let choosing = 0;
async function choose(address: string) {
  const a = await api();
  const chosen = accounts.find((x) => x.address === address) ?? null;
  if (!chosen) return;
  // Only the latest choice renders: an earlier one still reading the chain is dropped.
  const mine = ++choosing;
  const read = await readStanding(a, chosen.address);
  if (mine !== choosing) return;
  // The same account chosen again with the same standing keeps what its forms hold.
  const same = me?.address === chosen.address && JSON.stringify(standing) === JSON.stringify(read);
  me = chosen;
  standing = read;
  renderWho();
  if (!same) renderPanels(a);
}

function renderWho() {
  const w = cw();
  if (!me || !standing) return;
  const s = standing;
  $('#who').innerHTML = `<dl>
    <dt>${w.account}</dt><dd data-testid="account">${esc(me.name)} · <code>${me.address}</code></dd>
    ${s.agency === null ? `<dt>${w.actingFor}</dt><dd data-testid="acting">${w.notOperator}</dd>`
    : `<dt>${w.actingFor}</dt><dd data-testid="acting">${esc(s.agencyName)} (#${s.agency})${s.inactive ? ` — ${w.agencyInactive(esc(s.inactive))}` : ''}</dd>
       <dt>${w.region}</dt><dd>${s.region}</dd>
       <dt>${w.roles}</dt><dd data-testid="roles">${s.roles.map((r) => w.roleNames[r] ?? r).join('、') || '—'}</dd>`}
    ${s.council ? `<dt></dt><dd data-testid="council">${w.council}</dd>` : ''}
  </dl>`;
}

const has = (...roles: string[]) => Boolean(standing && standing.agency !== null && !standing.inactive && roles.some((r) => standing!.roles.includes(r)));
const operator = () => Boolean(standing && standing.agency !== null && !standing.inactive);

function renderPanels(a: ApiPromise) {
  const w = cw();
  const panels: string[] = [];
  if (has('LicenseIssuer', 'MarketRegulator')) {
    panels.push(`<section class="panel" id="issuer"><h2>${w.issuerTitle}</h2>
      <h3>${w.defineType}</h3>
      <form id="define" novalidate>
        <label>${w.typeCode} <input name="code" autocomplete="off"></label>
        <label>${w.typeName} <input name="name" autocomplete="off"></label>
        <label>${w.typeRegion} <input name="region" inputmode="numeric" value="${standing!.region}"></label>
        <label>${w.holderKind} <select name="kind">${['Person', 'Enterprise', 'Account'].map((k) => `<option value="${k}">${w.holderKinds[k]}</option>`).join('')}</select></label>
        <label>${w.validityYears} <input name="years" inputmode="numeric"></label>
        <button type="submit">${w.defineSubmit}</button><output></output>
      </form>
      <h3>${w.issueTitle}</h3>
      <form id="issue" novalidate>
        <label>${w.licenceType} <input name="type" inputmode="numeric"></label>
        <label>${w.holderKind} <select name="kind">${['Person', 'Enterprise', 'Account'].map((k) => `<option value="${k}">${w.holderKinds[k]}</option>`).join('')}</select></label>
        <label>${w.holderId} <input name="holder" autocomplete="off" spellcheck="false"><small>${w.holderIdHint}</small></label>
        <label>${w.pseudonymKey} <input name="key" type="password" autocomplete="off"></label>
        <label>${w.contentFile} <input name="file" type="file"></label>
        <label>${w.validFrom} <input name="from" type="date" value="${new Date().toISOString().slice(0, 10)}"></label>
        <label>${w.validUntil} <input name="until" type="date"></label>
        <button type="submit">${w.issueSubmit}</button><output></output>
      </form>
      <h3>${w.importTitle}</h3>
      <form id="import" novalidate>
        <label>${w.importFile} <input name="csv" type="file" accept=".csv,text/csv"><small>${w.importHint}</small></label>
        <label>${w.pseudonymKey} <input name="key" type="password" autocomplete="off"></label>
        <label>${w.batchSize} <input name="size" inputmode="numeric" value="${a.consts.licenses.maxBatchIssue.toString()}"></label>
        <button type="submit">${w.importSubmit}</button>
        <div class="bar"><progress value="0" max="1"></progress> <span data-testid="import-progress"></span></div>
        <output></output>
      </form>
      <div id="import-report"></div>
      <h3>${w.manageTitle}</h3>
      <form id="manage" novalidate>
        <label>${w.licenceNumber} <input name="id" inputmode="numeric"></label>
        <label>${w.action} <select name="action">${Object.keys(w.actions).map((k) => `<option value="${k}">${w.actions[k]}</option>`).join('')}</select></label>
        <label>${w.reasonCode} <input name="reason" inputmode="numeric" value="1"></label>
        <label>${w.legalBasis} <input name="basis" autocomplete="off"></label>
        <button type="submit">${w.manageSubmit}</button><output></output>
      </form>
      <h3>${w.renewTitle}</h3>
      <form id="renew" novalidate>
        <label>${w.licenceNumber} <input name="id" inputmode="numeric"></label>
        <label>${w.renewFile} <input name="file" type="file"></label>
        <label>${w.validFrom} <input name="from" type="date" value="${new Date().toISOString().slice(0, 10)}"></label>
        <label>${w.validUntil} <input name="until" type="date"></label>
        <label>${w.reasonCode} <input name="reason" inputmode="numeric" value="1"></label>
        <button type="submit">${w.renewSubmit}</button><output></output>
      </form>
      <h3>${w.recognitionTitle}</h3>
      <p class="note">${w.recognitionHint}</p>
      <form id="recognition" novalidate>
        <label>${w.acceptingType} <input name="accepting" inputmode="numeric"></label>
        <label>${w.acceptedType} <input name="accepted" inputmode="numeric"></label>
        <label>${w.action} <select name="action">${Object.keys(w.recognitionActions).map((k) => `<option value="${k}">${w.recognitionActions[k]}</option>`).join('')}</select></label>
        <button type="submit">${w.manageSubmit}</button>
        <button type="button" id="recognitions-show">${w.showRecognitions}</button><output></output>
      </form>
      <div id="recognitions" aria-live="polite"></div></section>`);
  }
  if (has('MarketRegulator', 'SealAuthority', 'TaxAuthority')) {
    panels.push(`<section class="panel" id="reviews"><h2>${w.reviewTitle} <button type="button" id="reviews-refresh">${w.refresh}</button></h2>
      <div id="queue"></div><output></output></section>`);
  }
  if (has('MarketRegulator')) {
    panels.push(`<section class="panel" id="register"><h2>${w.registerTitle}</h2>
      <form id="enterprise-find" novalidate>
        <label>${w.usccField} <input name="uscc" autocomplete="off" spellcheck="false"></label>
        <button type="submit">${w.show}</button><output></output>
      </form>
      <div id="enterprise-view" aria-live="polite"></div>
      <h3>${w.enterpriseStatusTitle}</h3>
      <form id="enterprise-status" novalidate>
        <label>${w.action} <select name="action">${Object.keys(w.enterpriseActions).map((k) => `<option value="${k}">${w.enterpriseActions[k]}</option>`).join('')}</select></label>
        <label>${w.reasonCode} <input name="reason" inputmode="numeric" value="1"></label>
        <button type="submit">${w.manageSubmit}</button><output></output>
      </form>
      <h3>${w.amendTitle}</h3>
      <p class="note">${w.amendHint}</p>
      <form id="amend" novalidate>
        <label>${w.enterpriseName} <input name="name" autocomplete="off"></label>
        <label>${w.region} <input name="region" inputmode="numeric"></label>
        <label>${w.capital} <input name="capital" inputmode="decimal"></label>
        <label>${w.industries} <input name="scope" autocomplete="off"></label>
        <label>${w.legalRep} <input name="rep" autocomplete="off" spellcheck="false"></label>
        <label>${w.materials} <input name="file" type="file"></label>
        <fieldset><legend>${w.servicesWanted}</legend>${SERVICES.map((k) => `<label class="check"><input type="checkbox" name="svc" value="${k}"${k === 'BusinessLicense' ? ' checked' : ''}> ${w.services[k]}</label>`).join('')}</fieldset>
        <button type="submit">${w.amendSubmit}</button><output></output>
      </form>
      <h3>${w.moveTitle}</h3>
      <form id="move" novalidate>
        <label>${w.action} <select name="action">${Object.keys(w.moveActions).map((k) => `<option value="${k}">${w.moveActions[k]}</option>`).join('')}</select></label>
        <label>${w.moveTo} <input name="to" inputmode="numeric"></label>
        <label>${w.newLicenceFile} <input name="file" type="file"></label>
        <button type="submit">${w.manageSubmit}</button><output></output>
      </form></section>`);
  }
  if (has('CopyrightOffice', 'Court')) {
    const office = has('CopyrightOffice'), court = has('Court');
    const acts = [...(office ? ['register', 'decline'] : []), ...(court ? ['freeze', 'attachEvidence', 'ruleTransfer', 'unfreeze'] : [])];
    panels.push(`<section class="panel" id="copyright"><h2>${w.copyrightTitle}</h2>
      <form id="work-act" novalidate>
        <label>${w.workFile} <input name="file" type="file"></label>
        <label>${w.workHash} <input name="hash" autocomplete="off" spellcheck="false"></label>
        <label>${w.action} <select name="action">${acts.map((k) => `<option value="${k}">${w.workActions[k]}</option>`).join('')}</select></label>
        <label>${w.reasonCode} <input name="reason" inputmode="numeric" value="1"></label>
        <label>${w.caseDocument} <input name="doc" autocomplete="off"></label>
        ${court ? `<fieldset><legend>${w.rulingTransferTo}</legend>${partyFields(w)}
          <label>${w.newController} <input name="controller" autocomplete="off" spellcheck="false"></label></fieldset>` : ''}
        <button type="submit">${w.manageSubmit}</button>
        <button type="button" id="work-evidence">${w.exportEvidence}</button>
        <button type="button" id="work-court">${w.courtSheet}</button><output></output>
      </form></section>`);
  }
  if (has('Bank', 'FundCenter')) {
    panels.push(`<section class="panel" id="loans"><h2>${w.loansTitle}</h2>
      ${has('Bank') ? `<h3>${w.fileLoan}</h3>
      <form id="file-loan" novalidate>
        <label>${w.memberId} <input name="member" autocomplete="off" spellcheck="false"><small>${w.holderIdHint}</small></label>
        <label>${w.fundKey} <input name="key" type="password" autocomplete="off"></label>
        <label>${w.centre} <input name="centre" inputmode="numeric"></label>
        <label>${w.amount} <input name="amount" inputmode="decimal"></label>
        <label>${w.termMonths} <input name="term" inputmode="numeric" value="240"></label>
        <label>${w.certificate} <input name="certificate" inputmode="numeric"></label>
        <button type="submit">${w.fileSubmit}</button><output></output>
      </form>` : ''}
      <h3>${w.loanStep}</h3>
      <form id="loan-step" novalidate>
        <label>${w.loanNumber} <input name="id" inputmode="numeric"></label>
        <label>${w.action} <select name="action">${[...(has('FundCenter') ? ['approve', 'reject'] : []), ...(has('Bank') ? ['disburse', 'repay'] : [])].map((k) => `<option value="${k}">${w.loanActions[k]}</option>`).join('')}</select></label>
        <label>${w.amount} <input name="amount" inputmode="decimal"></label>
        <label>${w.rate} <input name="rate" inputmode="numeric" value="310"></label>
        <label>${w.reasonCode} <input name="reason" inputmode="numeric" value="0"></label>
        <button type="submit">${w.manageSubmit}</button><output></output>
      </form>
      <div id="loan-view" aria-live="polite"></div>
      ${has('FundCenter') ? `<h3>${w.depositTitle}</h3>
      <form id="deposit" novalidate>
        <label>${w.memberId} <input name="member" autocomplete="off" spellcheck="false"><small>${w.holderIdHint}</small></label>
        <label>${w.fundKey} <input name="key" type="password" autocomplete="off"></label>
        <label>${w.accountStatus} <select name="status">${['Normal', 'Sealed', 'Closed'].map((k) => `<option value="${k}">${statusWord(k)}</option>`).join('')}</select></label>
        <label>${w.monthly} <input name="monthly" inputmode="decimal"><small>${w.monthlyHint}</small></label>
        <label>${w.months} <input name="months" inputmode="numeric"></label>
        <label>${w.employerRegion} <input name="employer" inputmode="numeric"></label>
        <button type="submit">${w.depositSubmit}</button><output></output>
      </form>
      <h3>${w.certifyTitle}</h3>
      <form id="certify" novalidate>
        <label>${w.memberId} <input name="member" autocomplete="off" spellcheck="false"></label>
        <label>${w.fundKey} <input name="key" type="password" autocomplete="off"></label>
        <label>${w.relying} <input name="relying" inputmode="numeric"></label>
        <label>${w.days} <input name="days" inputmode="numeric" value="90"></label>
        <button type="submit">${w.certifySubmit}</button><output></output>
      </form>` : ''}
      <h3>${w.checkCertificate}</h3>
      <form id="certificate-check" novalidate>
        <label>${w.certificateNumber} <input name="id" inputmode="numeric"></label>
        <label>${w.relying} <input name="relying" inputmode="numeric" value="${standing!.agency}"></label>
        <button type="submit">${w.check}</button><output></output>
      </form>
      <div id="member-view" aria-live="polite"></div></section>`);
  }
  if (operator()) {
    panels.push(`<section class="panel" id="use"><h2>${w.useTitle}</h2>
      <form id="record-use" novalidate>
        <label>${w.licenceNumber} <input name="id" inputmode="numeric"></label>
        <label>${w.purpose} <input name="purpose" autocomplete="off"></label>
        <label>${w.businessRef} <input name="ref" autocomplete="off"></label>
        <label>${w.consentIndex} <input name="consent" inputmode="numeric"></label>
        <button type="submit">${w.useSubmit}</button><output></output>
      </form></section>`);
  }
  if (standing?.council) {
    panels.push(`<section class="panel" id="council"><h2>${w.councilTitle} <button type="button" id="motions-refresh">${w.refresh}</button></h2>
      <div id="motion-box"><div id="motions"></div><output></output></div>
      <h3>${w.propose}</h3>
      <form id="propose" novalidate>
        <label>${w.proposal} <select name="what">${Object.keys(w.proposals).map((k) => `<option value="${k}">${w.proposals[k]}</option>`).join('')}</select></label>
        <label>${w.agencyNumber} <input name="agency" inputmode="numeric"></label>
        <label>${w.role} <select name="role">${ROLES.map((r) => `<option value="${r}">${w.roleNames[r]}</option>`).join('')}</select></label>
        <label>${w.newAgencyName} <input name="name" autocomplete="off"></label>
        <label>${w.region} <input name="region" inputmode="numeric" value="${standing.region || ''}"></label>
        <label>${w.agencyKind} <select name="kind">${AGENCY_KINDS.map((k) => `<option value="${k}">${w.agencyKinds[k] ?? k}</option>`).join('')}</select></label>
        <label>${w.accountField} <input name="account" autocomplete="off" spellcheck="false"></label>
        <label>${w.threshold} <input name="threshold" inputmode="numeric"></label>
        <button type="submit">${w.proposeSubmit}</button><output></output>
      </form></section>`);
  }
  panels.push(`<section class="panel" id="apply"><h2>${w.applyTitle}</h2>
    <form id="apply-form" novalidate>
      <label>${w.enterpriseName} <input name="name" autocomplete="off"></label>
      <label>${w.entityType} <select name="entity">${ENTITY_TYPES.map((k) => `<option value="${k}">${w.entityTypes[k] ?? k}</option>`).join('')}</select></label>
      <label>${w.region} <input name="region" inputmode="numeric" value="${standing?.region || 500000}"></label>
      <label>${w.capital} <input name="capital" inputmode="decimal"></label>
      <label>${w.industries} <input name="scope" autocomplete="off" value="I6510"></label>
      <label>${w.legalRep} <input name="rep" autocomplete="off" spellcheck="false"><small>${w.legalRepHint}</small></label>
      <label>${w.materials} <input name="file" type="file"></label>
      <fieldset><legend>${w.servicesWanted}</legend>${SERVICES.map((k) => `<label class="check"><input type="checkbox" name="svc" value="${k}" checked> ${w.services[k]}</label>`).join('')}</fieldset>
      <button type="submit">${w.applySubmit}</button><output></output>
    </form>
    <form id="follow" novalidate>
      <label>${w.applicationNumber} <input name="id" inputmode="numeric"></label>
      <button type="submit">${w.follow}</button>
    </form>
    <div id="application" aria-live="polite"></div></section>`);
  panels.push(`<section class="panel" id="deposit-panel"><h2>${w.depositWorkTitle}</h2>
    <p class="note">${w.depositWorkHint}</p>
    <form id="deposit-work" novalidate>
      <label>${w.depositFile} <input name="file" type="file"></label>
      <label>${w.depositTitleField} <input name="title" autocomplete="off"></label>
      <label>${w.category} <select name="category">${CATEGORIES.map((k) => `<option value="${k}">${w.categories[k]}</option>`).join('')}</select></label>
      <label>${w.nature} <select name="nature">${NATURES.map((k) => `<option value="${k}">${w.natures[k]}</option>`).join('')}</select></label>
      <fieldset><legend>${w.authorsLegend}</legend>
        <label>${w.authorKind} <select name="akind">${['Account', 'Enterprise', 'Person'].map((k) => `<option value="${k}">${w.holderKinds[k]}</option>`).join('')}</select></label>
        <label>${w.authorsField} <textarea name="authors" rows="2" spellcheck="false">${me ? esc(me.address) : ''}</textarea><small>${w.holderIdHint}</small></label></fieldset>
      <fieldset><legend>${w.holderLegend}</legend>
        <label>${w.partyKind} <select name="hkind">${['Account', 'Enterprise', 'Person'].map((k) => `<option value="${k}">${w.holderKinds[k]}</option>`).join('')}</select></label>
        <label>${w.partyId} <input name="holder" autocomplete="off" spellcheck="false" value="${me ? esc(me.address) : ''}"></label></fieldset>
      <label>${w.copyrightKey} <input name="key" type="password" autocomplete="off"></label>
      <label>${w.workRegion} <input name="region" inputmode="numeric" value="${standing?.region || ''}"></label>
      <label>${w.completedOn} <input name="completed" type="date"></label>
      <label>${w.publishedOn} <input name="published" type="date"></label>
      <label>${w.publishedIn} <input name="place" inputmode="numeric"></label>
      <button type="submit">${w.depositSubmitWork}</button><output></output>
    </form></section>`);
  panels.push(`<section class="panel" id="rights"><h2>${w.rightsTitle}</h2>
    <p class="note">${w.rightsHint}</p>
    <form id="rights-act" novalidate>
      <label>${w.workFile} <input name="file" type="file"></label>
      <label>${w.workHash} <input name="hash" autocomplete="off" spellcheck="false"></label>
      <label>${w.action} <select name="action">${Object.keys(w.rightsActions).map((k) => `<option value="${k}">${w.rightsActions[k]}</option>`).join('')}</select></label>
      <fieldset><legend>${w.counterparty}</legend>${partyFields(w)}
        <label>${w.newController} <input name="controller" autocomplete="off" spellcheck="false"><small>${w.newControllerHint}</small></label></fieldset>
      <fieldset><legend>${w.rightsLegend}</legend>
        <label class="check"><input type="checkbox" name="all"> ${w.allRights}</label>
        ${w.rightNames.map((r, i) => `<label class="check"><input type="checkbox" name="right" value="${i}"> ${r}</label>`).join('')}</fieldset>
      <label class="check"><input type="checkbox" name="exclusive"> ${w.exclusive}</label>
      <label>${w.territory} <input name="territory" inputmode="numeric"></label>
      <label>${w.validFrom} <input name="from" type="date" value="${new Date().toISOString().slice(0, 10)}"></label>
      <label>${w.termUntil} <input name="until" type="date"></label>
      <label>${w.contract} <input name="contract" autocomplete="off"></label>
      <button type="submit">${w.manageSubmit}</button> <button type="button" id="rights-show">${w.show}</button><output></output>
    </form>
    <div id="rights-view" aria-live="polite"></div></section>`);
  panels.push(`<section class="panel" id="holder"><h2>${w.holderTitle} <button type="button" id="holder-refresh">${w.refresh}</button></h2>
    <div id="mine"></div>
    <h3>${w.consentTitle}</h3>
    <form id="grant" novalidate>
      <label>${w.licenceNumber} <input name="id" inputmode="numeric"></label>
      <label>${w.verifierAgency} <input name="verifier" inputmode="numeric"></label>
      <label>${w.purpose} <input name="purpose" autocomplete="off"></label>
      <label>${w.days} <input name="days" inputmode="numeric" value="30"></label>
      <button type="submit">${w.grantSubmit}</button><output></output>
    </form>
    <h3>${w.withdrawTitle}</h3>
    <form id="withdraw" novalidate>
      <label>${w.licenceNumber} <input name="id" inputmode="numeric"></label>
      <label>${w.consentIndex.split('（')[0].split(' (')[0]} <input name="consent" inputmode="numeric"></label>
      <button type="submit">${w.withdrawSubmit}</button><output></output>
    </form></section>`);
  $('#panels').innerHTML = panels.join('');
  wire(a);
}

/** The public page of licence `id` (what its QR code holds), on the same network. */
function verifyLink(id: number): string {
  const q = new URLSearchParams({ licence: String(id) });
  const rpc = new URLSearchParams(location.search).get('rpc');
  if (rpc) q.set('rpc', rpc);
  return `../verify/?${q}`;
}

// ---- input checks (before anything is signed) ----
class Bad extends Error {}
const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
const labelOf = (form: HTMLFormElement, name: string) => ((form.elements.namedItem(name) as HTMLElement).closest('label')?.firstChild?.textContent ?? name).trim();
function num(form: HTMLFormElement, name: string, optional = false): number | null {
  const v = field(form, name);
  if (!v && optional) return null;
  if (!/^\d{1,10}$/.test(v)) throw new Bad(cw().needNumber(labelOf(form, name)));
  return Number(v);
}
function words(form: HTMLFormElement, name: string): string {
  const v = field(form, name);
  if (!v) throw new Bad(cw().needText(labelOf(form, name)));
  return v;
}
const seconds = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000);
async function hashText(s: string): Promise<string> {
  const { blake2AsHex } = await import('@polkadot/util-crypto');
  return blake2AsHex(s, 256);
}

/** The validity typed in the form's `from` and `until` dates (Unix seconds; `until`
 * null: the type's default), the end after the start. */
function validity(form: HTMLFormElement): { from: number; until: number | null } {
  const w = cw();
  const from = field(form, 'from'), until = field(form, 'until');
  if (!from || Number.isNaN(seconds(from))) throw new Bad(w.needDate(labelOf(form, 'from')));
  if (until && Number.isNaN(seconds(until))) throw new Bad(w.needDate(labelOf(form, 'until')));
  if (until && seconds(until) <= seconds(from)) throw new Bad(w.untilAfterFrom);
  return { from: seconds(from), until: until ? seconds(until) : null };
}

/** The blake2-256 of the file chosen in the form's `file` field (hashed here), or null. */
async function fileHash(form: HTMLFormElement): Promise<string | null> {
  const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
  return file ? hashFile(file) : null;
}

/** A work's content hash: of the chosen file (hashed here), else the typed hash. */
async function workHash(form: HTMLFormElement): Promise<string> {
  const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
  const { blake2AsHex } = await import('@polkadot/util-crypto');
  if (file) return blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256);
  const typed = field(form, 'hash').toLowerCase();
  if (!/^0x[0-9a-f]{64}$/.test(typed)) throw new Bad(cw().needWork);
  return typed;
}

/** An amount in yuan (up to two decimals) as fen. */
function fen(form: HTMLFormElement, name: string): number {
  const v = field(form, name);
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(v)) throw new Bad(cw().needAmount(labelOf(form, name)));
  return Math.round(Number(v) * 100);
}

/** The documented pseudonym of identity document `id` (`kind:value`, or a resident ID
 * number alone) in `domain`, under the key in memory; throws an Error naming what is wrong. */
async function pseudonymOf(domain: string, id: string): Promise<string> {
  const key = pseudonymKeys.get(domain);
  if (!key) throw new Error(cw().badKey);
  let msg: Uint8Array;
  try { msg = pseudonymMessage(domain, id.includes(':') ? id : `cn-resident-id:${id}`); } catch (e: any) { throw new Error(cw().badId(e.kind ?? 'Kind')); }
  const { hmacSha256AsU8a } = await import('@polkadot/util-crypto');
  const { u8aToHex } = await import('@polkadot/util');
  return u8aToHex(hmacSha256AsU8a(key, msg));
}

/** Takes the key typed in the form's `key` field into memory as `domain`'s key (and
 * empties the field). */
function takeKey(form: HTMLFormElement, domain: string) {
  const keyText = field(form, 'key');
  if (!keyText) return;
  let key: Uint8Array;
  try { key = parseKey(keyText); checkKey(key); } catch { throw new Bad(cw().badKey); }
  pseudonymKeys.set(domain, key);
  (form.elements.namedItem('key') as HTMLInputElement).value = '';
}

/** The pseudonym in `domain` of the identity document typed in `name`. */
async function personPseudonym(form: HTMLFormElement, name: string, domain: string): Promise<string> {
  const id = words(form, name);
  takeKey(form, domain);
  try { return await pseudonymOf(domain, id); } catch (e) { throw new Bad((e as Error).message); }
}

/** The fields naming a party (an account, an enterprise, or a person by identity
 * document turned into the `copyright` pseudonym here): `kind`, `party`, `key`. */
function partyFields(w: ReturnType<typeof cw>): string {
  return `<label>${w.partyKind} <select name="kind">${['Account', 'Enterprise', 'Person'].map((k) => `<option value="${k}">${w.holderKinds[k]}</option>`).join('')}</select></label>
    <label>${w.partyId} <input name="party" autocomplete="off" spellcheck="false"><small>${w.holderIdHint}</small></label>
    <label>${w.copyrightKey} <input name="key" type="password" autocomplete="off"></label>`;
}

/** The holder a clerk typed in field `name`, as the chain's `HolderRef`: a person by
 * pseudonym in `domain` (computed here). */
function holderRef(form: HTMLFormElement, kind: string, name = 'holder', domain = 'licenses'): Promise<Codec> {
  return partyRef(form, kind, words(form, name), domain);
}

/** An account address `v`, checked here. */
async function checkedAccount(v: string): Promise<string> {
  const { decodeAddress } = await import('@polkadot/util-crypto');
  try { decodeAddress(v); } catch { throw new Bad(cw().badAddress); }
  return v;
}

/** The account typed in field `name`, checked here. */
function accountIn(form: HTMLFormElement, name: string): Promise<string> {
  return checkedAccount(words(form, name));
}

/** The party `id` of `kind` as a `HolderRef`: an account or an enterprise checked here,
 * a person's identity document turned into the pseudonym of `domain` here. */
async function partyRef(form: HTMLFormElement, kind: string, id: string, domain = 'copyright'): Promise<Codec> {
  if (kind === 'Account') return { Account: await checkedAccount(id) };
  if (kind === 'Enterprise') {
    const c = checkUscc(id);
    if (!c.ok) throw new Bad(cw().badUscc);
    return { Enterprise: c.code };
  }
  takeKey(form, domain);
  try { return { Person: await pseudonymOf(domain, id) }; } catch (e) { throw new Bad((e as Error).message); }
}

/** Runs `build` (checks, then the transaction), shows its progress in the form's output. */
function action(a: ApiPromise, form: HTMLFormElement | null, build: (f: HTMLFormElement) => Promise<Codec>, ok: (r: Included, f: HTMLFormElement) => string, after?: () => void) {
  if (!form) return;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run(a, form, $('output', form), () => build(form), (r) => ok(r, form), after);
  });
}

async function run(a: ApiPromise, form: HTMLElement, out: HTMLElement, build: () => Promise<Codec>, ok: (r: Included) => string, after?: () => void) {
  const w = cw();
  const button = $<HTMLButtonElement>('button[type="submit"]', form) ?? null;
  out.className = 'progress';
  out.removeAttribute('role');
  delete out.dataset.stage; // the last action's outcome goes
  out.textContent = '';
  let tx: Codec;
  try { tx = await build(); } catch (e) {
    if (e instanceof Bad) { out.className = 'error'; out.setAttribute('role', 'alert'); out.textContent = e.message; return; }
    throw e;
  }
  if (button) button.disabled = true;
  const stages: Stage[] = [];
  // A transaction signed again (another of the account's took its nonce) starts its trail anew.
  const show = (s: Stage) => { if (s === 'signing') stages.length = 0; stages.push(s); out.dataset.stage = s; out.textContent = stages.map((x) => w.stages[x]).join(' → '); };
  try {
    const r = await submit(a, tx, me!, show);
    out.className = 'done';
    out.innerHTML = `${stages.map((x) => w.stages[x]).join(' → ')}. ${ok(r)}`; // ok() is built from numbers and words only
    after?.();
  } catch (e) {
    out.className = 'error';
    out.setAttribute('role', 'alert');
    out.dataset.stage = 'refused';
    out.textContent = `${w.refused}${e instanceof Refused ? e.message : (e as Error).message}`;
  } finally {
    if (button) button.disabled = false;
  }
}


// ---- depositing a work: commit, then (in a later block) the deposit revealing it ----
const CATEGORIES = ['Text', 'Oral', 'Music', 'Performance', 'FineArt', 'Photography', 'Audiovisual', 'Drawing', 'Software', 'Other'];
const NATURES = ['Original', 'Adaptation', 'Translation', 'Compilation', 'Arrangement'];
/** Salts of commitments made from this page and not yet revealed, by `account:content`
 * (memory only): a deposit refused after its commitment went through reveals it again. */
const pendingSalts = new Map<string, Uint8Array>();

/** Checks the deposit form (nothing is signed before every field is right) and gives the
 * content hash and the deposit's arguments but the salt. */
async function depositArgs(a: ApiPromise, f: HTMLFormElement) {
  const w = cw();
  const file = (f.elements.namedItem('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Bad(w.needDepositFile);
  const title = words(f, 'title');
  const maxTitle = Number((a.consts.copyright as any)?.maxTitleLength?.toString() ?? 0);
  if (maxTitle && new TextEncoder().encode(title).length > maxTitle) throw new Bad(w.titleTooLong(maxTitle));
  const region = field(f, 'region');
  if (!/^[1-9]\d{5}$/.test(region)) throw new Bad(w.needRegion);
  const completed = field(f, 'completed');
  if (!completed || Number.isNaN(seconds(completed))) throw new Bad(w.needDate(labelOf(f, 'completed')));
  const published = field(f, 'published');
  if (published && Number.isNaN(seconds(published))) throw new Bad(w.needDate(labelOf(f, 'published')));
  const place = field(f, 'place') || region;
  if (published && !/^[1-9]\d{5}$/.test(place)) throw new Bad(w.needRegion);
  const lines = field(f, 'authors').split(/\n/).map((x) => x.trim()).filter(Boolean);
  if (!lines.length) throw new Bad(w.needAuthors);
  const maxAuthors = Number((a.consts.copyright as any)?.maxAuthors?.toString() ?? 0);
  if (maxAuthors && lines.length > maxAuthors) throw new Bad(w.tooManyAuthors(maxAuthors));
  const authors: Codec[] = [];
  for (const line of lines) authors.push(await partyRef(f, field(f, 'akind'), line));
  const holder = await partyRef(f, field(f, 'hkind'), words(f, 'holder'));
  const content = await hashFile(file);
  if (((await a.call.copyrightApi.work(content)) as Codec).isSome) throw new Bad(w.alreadyDeposited);
  return {
    content,
    args: [content, title, field(f, 'category'), field(f, 'nature'), authors, holder, Number(region), seconds(completed),
      published ? { date: seconds(published), place: Number(place) } : null] as unknown[],
  };
}

/** The public page's work check, on the same network. */
function workCheckLink(): string {
  const q = new URLSearchParams({ tab: 'work' });
  const rpc = new URLSearchParams(location.search).get('rpc');
  if (rpc) q.set('rpc', rpc);
  return `../verify/?${q}`;
}

async function depositWork(a: ApiPromise, f: HTMLFormElement) {
  const w = cw();
  const out = $('output', f);
  const button = $<HTMLButtonElement>('button[type="submit"]', f);
  out.className = 'progress';
  out.removeAttribute('role');
  delete out.dataset.stage;
  out.textContent = '';
  const signer = me!;
  let checked: Awaited<ReturnType<typeof depositArgs>>;
  try { checked = await depositArgs(a, f); } catch (e) {
    out.className = 'error'; out.setAttribute('role', 'alert'); out.dataset.stage = 'invalid';
    out.textContent = e instanceof Bad ? e.message : `${w.refused}${(e as Error).message}`;
    return;
  }
  const { content, args } = checked;
  button.disabled = true;
  const trail: string[] = [];
  let step = '';
  const stages: Stage[] = [];
  const show = (s: Stage) => {
    if (s === 'signing') stages.length = 0;
    stages.push(s);
    out.dataset.stage = `${step}-${s}`;
    out.textContent = [...trail, `${step === 'commit' ? w.stepCommit : w.stepDeposit}: ${stages.map((x) => w.stages[x]).join(' → ')}`].join('；');
  };
  const key = `${signer.address}:${content}`;
  try {
    let salt = pendingSalts.get(key);
    if (!salt) {
      const { blake2AsU8a, decodeAddress, randomAsU8a } = await import('@polkadot/util-crypto');
      const { hexToU8a, u8aConcat } = await import('@polkadot/util');
      salt = randomAsU8a(32);
      const commitment = blake2AsU8a(u8aConcat(hexToU8a(content), decodeAddress(signer.address), salt), 256);
      step = 'commit';
      await submit(a, a.tx.copyright.commit(commitment), signer, show); // finalized: the reveal is in a later block
      pendingSalts.set(key, salt);
      trail.push(`${w.stepCommit}: ${stages.map((x) => w.stages[x]).join(' → ')}`);
    }
    step = 'deposit';
    try {
      await submit(a, (a.tx.copyright.deposit as any)(...args, salt), signer, show);
    } catch (e) {
      if (e instanceof Refused && ['copyright.UnknownCommitment', 'copyright.CommitmentExpired', 'copyright.AlreadyDeposited'].includes(e.key)) pendingSalts.delete(key);
      throw e;
    }
    pendingSalts.delete(key);
    const found: Codec = await a.call.copyrightApi.work(content);
    const block = found.isSome ? found.unwrap().deposited.block.toNumber() : 0;
    out.className = 'done';
    out.dataset.stage = 'finalized';
    out.innerHTML = `${esc(out.textContent ?? '')}. ${w.workDeposited(content, block)} <a data-testid="deposit-check" href="${esc(workCheckLink())}">${w.checkOnPublicPage}</a>`;
  } catch (e) {
    out.className = 'error';
    out.setAttribute('role', 'alert');
    out.dataset.stage = 'refused';
    out.textContent = `${[...trail, ''].join('；')}${w.refused}${e instanceof Refused ? e.message : (e as Error).message}`;
  } finally {
    button.disabled = false;
  }
}

function wire(a: ApiPromise) {
  const w = cw();
  $<HTMLFormElement>('#deposit-work')?.addEventListener('submit', (ev) => { ev.preventDefault(); void depositWork(a, ev.currentTarget as HTMLFormElement); });
  action(a, $<HTMLFormElement>('#define'), async (f) => {
    const code = words(f, 'code'), name = words(f, 'name');
    const region = field(f, 'region');
    if (!/^[1-9]\d{5}$/.test(region)) throw new Bad(w.needRegion);
    const years = num(f, 'years', true);
    const kind = field(f, 'kind');
    return a.tx.licenses.defineType(code, name, Number(region), kind, 'LicenseIssuer', years ? years * 365 * 86400 : null,
      await hashText(`schema ${code}`), await hashText(`template ${code}`));
  }, (r) => w.typeDefined(Number(eventOf(r, 'licenses', 'TypeDefined')?.license_type)));

  action(a, $<HTMLFormElement>('#issue'), async (f) => {
    const type = num(f, 'type')!;
    const holder = await holderRef(f, field(f, 'kind'));
    const content = (await fileHash(f)) ?? await hashText(`licence ${Date.now()} ${Math.random()}`);
    const { from, until } = validity(f);
    return a.tx.licenses.issue(type, holder, content, from, until);
  }, (r) => {
    const id = Number(eventOf(r, 'licenses', 'LicenseIssued')?.id);
    return `${w.issued(id)} <a data-testid="printable" href="${verifyLink(id)}">${w.printable}</a>`;
  });

  action(a, $<HTMLFormElement>('#renew'), async (f) => {
    const id = num(f, 'id')!;
    const content = await fileHash(f);
    if (!content) throw new Bad(w.needRenewFile);
    const { from, until } = validity(f);
    return a.tx.licenses.renew(id, content, from, until, num(f, 'reason')!);
  }, (r) => {
    const e = eventOf(r, 'licenses', 'LicenseRenewed');
    const renewed = Number(e?.new);
    return `${w.renewed(Number(e?.old), renewed)} <a data-testid="printable" href="${verifyLink(renewed)}">${w.printable}</a>`;
  });

  action(a, $<HTMLFormElement>('#recognition'), async (f) => {
    const accepting = num(f, 'accepting')!, accepted = num(f, 'accepted')!;
    if (accepting === accepted) throw new Bad(w.sameType);
    const act = field(f, 'action') as 'declare' | 'confirm' | 'withdraw';
    return a.tx.licenses[`${act}Recognition`](accepting, accepted);
  }, (_r, f) => w.recognitionDone[field(f, 'action')](Number(field(f, 'accepting')), Number(field(f, 'accepted'))), () => void showRecognitions(a));
  $('#recognitions-show')?.addEventListener('click', () => void showRecognitions(a));

  action(a, $<HTMLFormElement>('#manage'), async (f) => {
    const id = num(f, 'id')!, reason = num(f, 'reason')!;
    const basis = field(f, 'basis');
    const legal = basis ? await hashText(basis) : null;
    const act = field(f, 'action') as 'suspend' | 'reinstate' | 'revoke';
    return a.tx.licenses[act](id, reason, legal);
  }, (_r, f) => w.managed(w.actions[field(f, 'action')], Number(field(f, 'id'))));

  action(a, $<HTMLFormElement>('#record-use'), async (f) => {
    const id = num(f, 'id')!;
    const purpose = words(f, 'purpose');
    const ref = await hashText(words(f, 'ref'));
    return a.tx.licenses.recordUse(id, purpose, ref, num(f, 'consent', true));
  }, (_r, f) => w.used(Number(field(f, 'id'))));

  action(a, $<HTMLFormElement>('#grant'), async (f) => {
    const id = num(f, 'id')!, verifier = num(f, 'verifier')!, days = num(f, 'days')!;
    return a.tx.licenses.grantConsent(id, verifier, words(f, 'purpose'), Math.floor(Date.now() / 1000) + days * 86400);
  }, (r, f) => w.granted(Number(field(f, 'id')), Number(eventOf(r, 'licenses', 'ConsentGranted')?.consent)), () => void showMine(a));

  action(a, $<HTMLFormElement>('#withdraw'), async (f) => a.tx.licenses.revokeConsent(num(f, 'id')!, num(f, 'consent')!),
    (_r, f) => w.withdrawn(Number(field(f, 'id')), Number(field(f, 'consent'))), () => void showMine(a));

  $<HTMLFormElement>('#enterprise-find')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = $<HTMLFormElement>('#enterprise-find');
    const out = $('output', f);
    out.className = '';
    out.removeAttribute('role');
    out.textContent = '';
    try { usccTyped(); } catch (e) { out.className = 'error'; out.setAttribute('role', 'alert'); out.textContent = (e as Error).message; $('#enterprise-view').innerHTML = ''; return; }
    void showEnterprise(a, true);
  });
  action(a, $<HTMLFormElement>('#enterprise-status'), async (f) => {
    const uscc = usccTyped();
    const act = field(f, 'action'), reason = num(f, 'reason')!;
    return act === 'deregister' ? a.tx.enterprises.deregister(uscc, reason) : a.tx.enterprises.setStatus(uscc, act, reason);
  }, (r, f) => {
    const ended = Number(eventOf(r, 'enterprises', 'StatusChanged')?.licenses_ended ?? 0);
    return w.enterpriseStatusDone(w.enterpriseActions[field(f, 'action')], ended);
  }, () => void showEnterprise(a));
  action(a, $<HTMLFormElement>('#amend'), async (f) => {
    const uscc = usccTyped();
    const name = words(f, 'name');
    const region = field(f, 'region');
    if (!/^[1-9]\d{5}$/.test(region)) throw new Bad(w.needRegion);
    const scope = field(f, 'scope').split(/[,，\s]+/).filter(Boolean);
    if (!scope.length) throw new Bad(w.needText(labelOf(f, 'scope')));
    const rep = field(f, 'rep');
    if (!/^0x[0-9a-fA-F]{64}$/.test(rep)) throw new Bad(w.needPseudonym);
    const services = [...f.querySelectorAll<HTMLInputElement>('input[name="svc"]:checked')].map((x) => x.value);
    if (!services.includes('BusinessLicense')) throw new Bad(w.needBusinessLicence);
    const materials = (await fileHash(f)) ?? await hashText(`amendment of ${uscc}: ${name}`);
    return a.tx.enterprises.applyAmendment(uscc, name, Number(region), fen(f, 'capital'), scope, rep.toLowerCase(), materials, services);
  }, (r) => w.amendFiled(Number(eventOf(r, 'enterprises', 'ApplicationSubmitted')?.id)), () => { void showEnterprise(a); void showQueue(a); });
  action(a, $<HTMLFormElement>('#move'), async (f) => {
    const uscc = usccTyped();
    switch (field(f, 'action')) {
      case 'request': {
        const to = field(f, 'to');
        if (!/^[1-9]\d{5}$/.test(to)) throw new Bad(w.needRegion);
        return a.tx.enterprises.requestMove(uscc, Number(to));
      }
      case 'cancel': return a.tx.enterprises.cancelMove(uscc);
      default: {
        const document = await fileHash(f);
        if (!document) throw new Bad(w.needLicenceFile);
        return a.tx.enterprises.acceptMove(uscc, document);
      }
    }
  }, (r, f) => {
    const act = field(f, 'action');
    if (act === 'request') return w.moveRequested(Number(field(f, 'to')));
    if (act === 'cancel') return w.moveCancelled;
    const moved = eventOf(r, 'enterprises', 'EnterpriseMoved');
    const licence = Number(moved?.license);
    return `${w.moved(Number(moved?.to), licence)} <a data-testid="printable" href="${verifyLink(licence)}">${w.printable}</a>`;
  }, () => void showEnterprise(a));

  action(a, $<HTMLFormElement>('#rights-act'), async (f) => {
    const content = await workHash(f);
    const act = field(f, 'action');
    if (act === 'accept') return a.tx.copyright.acceptHolding(content);
    if (act === 'refuse') return a.tx.copyright.refuseHolding(content);
    const party = await holderRef(f, field(f, 'kind'), 'party', 'copyright');
    const all = (f.elements.namedItem('all') as HTMLInputElement).checked;
    const bits = [...f.querySelectorAll<HTMLInputElement>('input[name="right"]:checked')].reduce((m, x) => m | (1 << Number(x.value)), 0);
    const rights = all ? (1 << w.rightNames.length) - 1 : bits;
    if (!rights) throw new Bad(w.needRights);
    const contract = await hashText(words(f, 'contract'));
    if (act === 'transfer') {
      const controller = rights === (1 << w.rightNames.length) - 1 ? await accountIn(f, 'controller') : me!.address;
      return a.tx.copyright.transfer(content, party, controller, rights, contract);
    }
    const territory = field(f, 'territory');
    if (territory && !/^[1-9]\d{5}$/.test(territory)) throw new Bad(w.needRegion);
    const until = field(f, 'until');
    if (!until) throw new Bad(w.needDate(labelOf(f, 'until')));
    const { from, until: end } = validity(f);
    return a.tx.copyright.grantLicence(content, party, (f.elements.namedItem('exclusive') as HTMLInputElement).checked, rights,
      territory ? Number(territory) : null, from, end, contract);
  }, (r, f) => {
    const act = field(f, 'action');
    if (act === 'licence') {
      const g = eventOf(r, 'copyright', 'LicenceGranted');
      return w.licensed(Number(g?.grant), Boolean(g?.exclusive));
    }
    if (act === 'transfer') return eventOf(r, 'copyright', 'TransferOffered') ? w.transferOffered : w.transferred;
    return w.rightsDone[act];
  }, () => void showRights(a, $<HTMLFormElement>('#rights-act')));
  $('#rights-show')?.addEventListener('click', () => void showRights(a, $<HTMLFormElement>('#rights-act')));

  action(a, $<HTMLFormElement>('#work-act'), async (f) => {
    const content = await workHash(f);
    const act = field(f, 'action');
    const reason = num(f, 'reason')!;
    const doc = field(f, 'doc');
    if (['freeze', 'attachEvidence', 'ruleTransfer', 'unfreeze'].includes(act) && !doc) throw new Bad(w.needText(labelOf(f, 'doc')));
    const docHash = doc ? await hashText(doc) : null;
    switch (act) {
      case 'register': return a.tx.copyright.register(content);
      case 'decline': return a.tx.copyright.decline(content, reason);
      case 'freeze': return a.tx.copyright.freeze(content, docHash);
      case 'ruleTransfer': {
        const to = await holderRef(f, field(f, 'kind'), 'party', 'copyright');
        return a.tx.copyright.ruleTransfer(content, to, await accountIn(f, 'controller'), docHash);
      }
      case 'attachEvidence': return a.tx.copyright.attachEvidence(content, docHash);
      default: return a.tx.copyright.unfreeze(content, docHash);
    }
  }, (_r, f) => w.workDone(w.workActions[field(f, 'action')]), () => { void showWork(a); void showRights(a, $<HTMLFormElement>('#work-act')); });
  $('#work-evidence')?.addEventListener('click', () => {
    const f = $<HTMLFormElement>('#work-act');
    const out = $('output', f);
    void (async () => {
      try {
        const hash = await workHash(f);
        const { downloadEvidence } = await import('./evidence');
        out.className = 'done';
        out.textContent = w.exported(await downloadEvidence('work', hash));
      } catch (e) {
        out.className = 'error';
        out.setAttribute('role', 'alert');
        out.textContent = e instanceof Bad ? e.message : w.exportFailed((e as Error).message);
      }
    })();
  });

  $('#work-court')?.addEventListener('click', () => {
    const f = $<HTMLFormElement>('#work-act');
    const out = $('output', f);
    void (async () => {
      try {
        const q = new URLSearchParams({ work: await workHash(f) });
        const rpc = new URLSearchParams(location.search).get('rpc');
        if (rpc) q.set('rpc', rpc);
        window.open(`../court/?${q}`, '_blank');
      } catch (e) {
        out.className = 'error';
        out.setAttribute('role', 'alert');
        out.textContent = (e as Error).message;
      }
    })();
  });

  action(a, $<HTMLFormElement>('#file-loan'), async (f) => {
    const member = await personPseudonym(f, 'member', 'provident-fund');
    const centre = num(f, 'centre')!, term = num(f, 'term')!;
    return a.tx.providentFund.fileLoan(member, centre, fen(f, 'amount'), term, num(f, 'certificate', true));
  }, (r) => { lastLoan = Number(eventOf(r, 'providentFund', 'LoanFiled')?.id); return w.loanFiled(lastLoan); }, () => void showLoan(a));

  let depositMember = '';
  action(a, $<HTMLFormElement>('#deposit'), async (f) => {
    const member = await personPseudonym(f, 'member', 'provident-fund');
    const monthly = fen(f, 'monthly');
    const months = num(f, 'months')!;
    const employer = field(f, 'employer');
    if (!/^[1-9]\d{5}$/.test(employer)) throw new Bad(w.needRegion);
    depositMember = member;
    // Only the band of the contribution goes on chain (the amount would tell the wage).
    const band = Math.min(255, Math.floor(monthly / 500_00));
    return a.tx.providentFund.recordDeposit(member, { status: field(f, 'status'), contributionBand: band, months }, Number(employer));
  }, (r) => {
    const e = eventOf(r, 'providentFund', 'DepositRecorded') as Codec;
    return w.depositRecorded(statusWord(String(e?.standing?.status)), Number(e?.standing?.contribution_band ?? e?.standing?.contributionBand), Number(e?.standing?.months));
  }, () => void showMember(a, depositMember));

  action(a, $<HTMLFormElement>('#certify'), async (f) => {
    const member = await personPseudonym(f, 'member', 'provident-fund');
    const relying = num(f, 'relying')!, days = num(f, 'days')!;
    if (days < 1) throw new Bad(w.needNumber(labelOf(f, 'days')));
    depositMember = member;
    return a.tx.providentFund.issueCertificate(member, relying, Math.floor(Date.now() / 1000) + days * 86400);
  }, (r) => {
    const e = eventOf(r, 'providentFund', 'CertificateIssued') as Codec;
    return w.certified(Number(e?.id), Number(e?.relying), dateTime(Number(e?.expires)));
  }, () => void showMember(a, depositMember));

  $<HTMLFormElement>('#certificate-check')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = $<HTMLFormElement>('#certificate-check');
    const out = $('output', f);
    void (async () => {
      try {
        const id = num(f, 'id')!, relying = num(f, 'relying')!;
        out.className = 'done';
        out.removeAttribute('role');
        out.innerHTML = await showCertificate(a, id, relying);
      } catch (e) {
        out.className = 'error';
        out.setAttribute('role', 'alert');
        out.textContent = (e as Error).message;
      }
    })();
  });

  action(a, $<HTMLFormElement>('#loan-step'), async (f) => {
    const id = num(f, 'id')!;
    switch (field(f, 'action')) {
      case 'approve': return a.tx.providentFund.decideLoan(id, true, num(f, 'reason')!);
      case 'reject': return a.tx.providentFund.decideLoan(id, false, num(f, 'reason')!);
      case 'disburse': return a.tx.providentFund.disburse(id, fen(f, 'amount'), num(f, 'rate')!, 'EqualInstalments', await hashText(`loan contract ${id}`));
      default: return a.tx.providentFund.recordRepayment(id, fen(f, 'amount'), false);
    }
  }, (_r, f) => w.loanDone(Number(field(f, 'id')), w.loanActions[field(f, 'action')]), () => void showLoan(a));

  action(a, $<HTMLFormElement>('#propose'), async (f) => {
    const what = field(f, 'what');
    const account = async () => {
      const v = words(f, 'account');
      const { decodeAddress } = await import('@polkadot/util-crypto');
      try { decodeAddress(v); } catch { throw new Bad(w.badAddress); }
      return v;
    };
    let call: Codec;
    switch (what) {
      case 'grantRole': call = a.tx.consortium.grantRole(num(f, 'agency')!, field(f, 'role')); break;
      case 'revokeRole': call = a.tx.consortium.revokeRole(num(f, 'agency')!, field(f, 'role')); break;
      case 'suspendAgency': call = a.tx.consortium.suspendAgency(num(f, 'agency')!); break;
      case 'reinstateAgency': call = a.tx.consortium.reinstateAgency(num(f, 'agency')!); break;
      case 'addValidator': call = a.tx.consortium.addValidator(num(f, 'agency')!, await account()); break;
      default: {
        const region = field(f, 'region');
        if (!/^[1-9]\d{5}$/.test(region)) throw new Bad(w.needRegion);
        call = a.tx.consortium.registerAgency(words(f, 'name'), Number(region), field(f, 'kind'), [field(f, 'role')], await account());
      }
    }
    const members: Codec = await a.query.council.members();
    const threshold = num(f, 'threshold', true) ?? Math.floor(members.length / 2) + 1;
    return a.tx.council.propose(threshold, call, call.method.encodedLength);
  }, (r) => w.proposed(Number(eventOf(r, 'council', 'Proposed')?.proposal_index)), () => void showMotions(a));
  $('#motions-refresh')?.addEventListener('click', () => void showMotions(a));
  if ($('#council')) void showMotions(a);

  action(a, $<HTMLFormElement>('#apply-form'), async (f) => {
    const name = words(f, 'name');
    const region = field(f, 'region');
    if (!/^[1-9]\d{5}$/.test(region)) throw new Bad(w.needRegion);
    const scope = field(f, 'scope').split(/[,，\s]+/).filter(Boolean);
    if (!scope.length) throw new Bad(w.needText(labelOf(f, 'scope')));
    const rep = field(f, 'rep');
    const legalRep = /^0x[0-9a-fA-F]{64}$/.test(rep) ? rep.toLowerCase() : null;
    if (!legalRep) throw new Bad(w.needPseudonym);
    const services = [...f.querySelectorAll<HTMLInputElement>('input[name="svc"]:checked')].map((x) => x.value);
    if (!services.length) throw new Bad(w.needService);
    const file = (f.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const { blake2AsHex } = await import('@polkadot/util-crypto');
    const materials = file ? blake2AsHex(new Uint8Array(await file.arrayBuffer()), 256) : await hashText(`materials of ${name}`);
    return a.tx.enterprises.apply(name, field(f, 'entity'), Number(region), fen(f, 'capital'), scope, legalRep, materials, services);
  }, (r) => {
    following = Number(eventOf(r, 'enterprises', 'ApplicationSubmitted')?.id);
    ($<HTMLFormElement>('#follow').elements.namedItem('id') as HTMLInputElement).value = String(following);
    void showApplication(a);
    return w.applied(following);
  });
  $<HTMLFormElement>('#follow')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = field($<HTMLFormElement>('#follow'), 'id');
    if (/^\d+$/.test(v)) { following = Number(v); void showApplication(a); }
  });
  // Live: the application followed is read again at every finalized block.
  unsubscribeHeads?.();
  unsubscribeHeads = null;
  void a.rpc.chain.subscribeFinalizedHeads(() => { if (following !== null) void showApplication(a); })
    .then((u: () => void) => { unsubscribeHeads = u; });

  $<HTMLFormElement>('#import')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void importLicences(a, $<HTMLFormElement>('#import'));
  });

  $('#holder-refresh')?.addEventListener('click', () => void showMine(a));
  $('#reviews-refresh')?.addEventListener('click', () => void showQueue(a));
  void showMine(a);
  if ($('#reviews')) void showQueue(a);
}

/** The licences the account holds itself, each with its authorisations and uses. */
async function showMine(a: ApiPromise) {
  const w = cw();
  const box = $('#mine');
  if (!box || !me) return;
  const ids: Codec = await a.call.licensesApi.licensesOf({ Account: me.address }, null, 50);
  if (!ids.length) { box.innerHTML = `<p data-testid="mine-empty">${w.holderEmpty}</p>`; return; }
  const parts = await Promise.all(ids.map(async (idc: Codec) => {
    const id = idc.toNumber();
    const l = ((await a.call.licensesApi.license(id)) as Codec).unwrap();
    const t = ((await a.call.licensesApi.licenseType(l.licenseType)) as Codec).unwrap();
    const consents: Codec = await a.call.licensesApi.consents(id, 0, 50);
    const uses: Codec = await a.call.licensesApi.usageLog(id, Math.max(0, l.uses.toNumber() - 50), 50);
    const consentRows = consents.map(([i, c]: Codec[]) => `<li>#${i.toNumber()} → ${c.verifier.toNumber()} · ${esc(text(c.purpose))} · ${dateTime(c.until.toNumber())}${c.revokedAt.isSome ? ` (${w.withdrawSubmit})` : ''}</li>`).join('');
    const useRows = uses.map(([, u]: Codec[]) => `<tr><td>${u.verifier.toNumber()}</td><td>${esc(text(u.purpose))}</td><td>${dateTime(u.time.toNumber())}</td><td>#${u.block.toNumber()}</td></tr>`).join('');
    return `<article data-testid="licence-${id}"><h3>${esc(text(t.name))} · ${id}</h3><dl>
      <dt>${w.status}</dt><dd data-testid="status-${id}">${statusWord(l.status.toString())}</dd>
      <dt>${w.validity}</dt><dd>${dateTime(l.validFrom.toNumber())} – ${l.validUntil.isSome ? dateTime(l.validUntil.unwrap().toNumber()) : w.indefinite}</dd>
      <dt>${w.consents}</dt><dd><ul data-testid="consents-${id}">${consentRows || '—'}</ul></dd></dl>
      <h4>${w.usesTitle}</h4>${useRows ? `<table data-testid="uses-${id}"><tr><th>${w.by}</th><th>${w.purpose}</th><th>${w.at}</th><th></th></tr>${useRows}</table>` : `<p data-testid="uses-${id}">${w.noUses}</p>`}
      </article>`;
  }));
  box.innerHTML = parts.join('');
}

/** Batches of one import in flight at once (signed, not yet final). */
const IMPORT_WINDOW = 6;

/** Waits until no transaction of `who` is in the pool or in a block not yet final (an
 * earlier import's batches, another tab's), so that what the chain holds is read after
 * them; `say` hears how many are left. */
async function quiet(a: ApiPromise, who: string, say: (n: number) => void) {
  for (let i = 0; ; i++) {
    const head = await a.rpc.chain.getFinalizedHead();
    const [pool, final]: Codec[] = await Promise.all([a.rpc.system.accountNextIndex(who), (await a.at(head)).query.system.account(who)]);
    const waiting = pool.toNumber() - final.nonce.toNumber();
    if (waiting <= 0) return;
    if (i >= 60) throw new Error(cw().importStillPending(waiting));
    say(waiting);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Imports the chosen CSV file: rows checked here, the rows already on chain left out,
 * the rest issued in batches as large as the chain allows, several in flight at once,
 * with a progress bar (rows, rows/s, ETA); at the end a summary and the per-row report
 * of every refused row, also as a CSV file. A file that is no licence export (empty, the
 * wrong columns, no row) gets a sentence and nothing is sent.
 */
async function importLicences(a: ApiPromise, f: HTMLFormElement) {
  const w = cw();
  const out = $('output', f);
  const bar = $<HTMLProgressElement>('progress', f);
  const label = $('[data-testid="import-progress"]', f);
  const reportBox = $('#import-report');
  const button = $<HTMLButtonElement>('button[type="submit"]', f);
  out.className = 'progress';
  out.removeAttribute('role');
  delete out.dataset.stage;
  out.textContent = '';
  label.textContent = '';
  bar.value = 0;
  reportBox.innerHTML = '';
  const fail = (m: string) => { out.className = 'error'; out.setAttribute('role', 'alert'); out.dataset.stage = 'refused'; out.textContent = m; };
  const file = (f.elements.namedItem('csv') as HTMLInputElement).files?.[0];
  if (!file) { fail(w.needCsv); return; }
  const max = (a.consts.licenses.maxBatchIssue as Codec).toNumber();
  const sizeText = field(f, 'size');
  if (!/^\d+$/.test(sizeText) || Number(sizeText) < 1 || Number(sizeText) > max) { fail(w.badBatch(max)); return; }
  try { takeKey(f, 'licenses'); } catch (e) { fail((e as Error).message); return; }
  const { readLicences, plan, onChain, pipeline, reportCsv, CsvProblem } = await import('./import');
  const person = (id: string) => pseudonymOf('licenses', id);
  const who = me!;
  button.disabled = true;
  try {
    let read: Awaited<ReturnType<typeof readLicences>>;
    try { read = await readLicences(await file.text(), person); } catch (e) {
      if (e instanceof CsvProblem) { fail(e.kind === 'columns' ? w.csvColumns(e.missing) : e.kind === 'empty' ? w.csvEmpty : w.csvNoRows); return; }
      throw e;
    }
    const { rows, rejected } = read;
    const lines = rows.length + rejected.length;
    await quiet(a, who.address, (n) => { label.textContent = w.importWaiting(n); });
    label.textContent = w.importReading(rows.length);
    const { batches, present } = await plan(a, rows, Number(sizeText), rejected);
    const total = batches.reduce((n, b) => n + b.rows.length, 0);
    let done = 0, issued = 0, skipped = present.length, flying = 0;
    const t0 = Date.now();
    const tick = () => {
      bar.max = Math.max(1, total);
      bar.value = total ? done : 1;
      const rate = issued / Math.max(0.001, (Date.now() - t0) / 1000);
      label.textContent = w.importProgress(done, total, rate, rate > 0 ? Math.ceil((total - done) / rate) : null) + (flying ? w.importInFlight(flying) : '');
    };
    tick();
    await pipeline({
      nextNonce: async () => ((await a.rpc.system.accountNextIndex(who.address)) as Codec).toNumber(),
      send: async (b, nonce) => {
        const tx = a.tx.licenses.issueBatch(b.type, b.rows.map((r) => ({ holder: r.holder, content: r.content, validFrom: r.from, validUntil: r.until })));
        const sent = send(a, tx, who, () => {}, { nonce, refuseAt: 'finalized' });
        sent.final.catch(() => {});
        await sent.accepted;
        return { final: sent.final };
      },
      onChain: (b) => onChain(a, b.type, b.rows),
    }, batches, IMPORT_WINDOW, {
      issued: (b) => { issued += b.rows.length; done += b.rows.length; tick(); },
      present: (list) => { skipped += list.length; done += list.length; tick(); },
      refused: (list, e, sent) => {
        const why = `${sent ? w.refusedByChain : w.notSent}${e.message}`;
        for (const r of list) rejected.push({ line: r.line, column: '', reason: why });
        done += list.length;
        tick();
      },
      progress: (n) => { flying = n; tick(); },
    });
    flying = 0;
    tick();
    rejected.sort((x, y) => x.line - y.line);
    out.className = 'done';
    out.dataset.stage = 'finalized';
    out.textContent = w.importSummary(lines, issued, skipped, rejected.length);
    if (rejected.length) {
      const href = URL.createObjectURL(new Blob([reportCsv(rejected)], { type: 'text/csv' }));
      reportBox.innerHTML = `<h4>${w.importReport} <a href="${href}" download="${esc(file.name)}.rejected.csv">${w.downloadReport}</a></h4>
        <table data-testid="import-report"><tr><th>${w.line}</th><th>${w.column}</th><th>${w.reasonText}</th></tr>
        ${rejected.map((r) => `<tr><td>${r.line}</td><td>${esc(r.column)}</td><td>${esc(r.reason)}</td></tr>`).join('')}</table>`;
    }
  } catch (e) {
    fail((e as Error).message);
  } finally {
    button.disabled = false;
  }
}

/** The USCC typed in the market regulator's find form, checked here. */
function usccTyped(): string {
  const v = field($<HTMLFormElement>('#enterprise-find'), 'uscc');
  if (!v) throw new Bad(cw().needText(cw().usccField));
  const c = checkUscc(v);
  if (!c.ok) throw new Bad(cw().badUscc);
  return c.code;
}

/** The enterprise named in the find form as the register holds it now; with `fill`, its
 * profile is copied into the amendment form as the starting point of a change. */
async function showEnterprise(a: ApiPromise, fill = false) {
  const w = cw();
  const box = $('#enterprise-view');
  if (!box) return;
  let uscc: string;
  try { uscc = usccTyped(); } catch { box.innerHTML = ''; return; }
  const found: Codec = await a.call.enterprisesApi.enterprise(uscc);
  if (found.isNone) { box.innerHTML = `<p class="error" role="alert" data-testid="enterprise-none">${w.noEnterprise(uscc)}</p>`; return; }
  const e = found.unwrap();
  const p = e.profile;
  const [authority, move, amendment]: Codec[] = await Promise.all([
    a.call.consortiumApi.agency(e.authority), a.query.enterprises.pendingMoves(uscc), a.query.enterprises.openAmendment(uscc)]);
  const licence = e.license.toNumber();
  box.innerHTML = `<dl data-testid="enterprise">
    <dt>${w.enterpriseName}</dt><dd data-testid="ent-name">${esc(text(p.name))}</dd>
    <dt>${w.status}</dt><dd data-testid="ent-status">${statusWord(e.status.toString())}</dd>
    <dt>${w.region}</dt><dd data-testid="ent-region">${p.region.toNumber()}</dd>
    <dt>${w.registrationAuthority}</dt><dd data-testid="ent-authority">${authority.isSome ? esc(text(authority.unwrap().name)) : ''} (#${e.authority.toNumber()})</dd>
    <dt>${w.capital}</dt><dd>${(Number(p.capital.toString()) / 100).toFixed(2)}</dd>
    <dt>${w.businessLicence}</dt><dd><a data-testid="ent-licence" href="${verifyLink(licence)}">${licence}</a></dd>
    <dt>${w.profileVersion}</dt><dd data-testid="ent-version">${e.version.toNumber()}</dd>
    ${move.isSome ? `<dt>${w.pendingMove}</dt><dd data-testid="ent-move">${w.movingTo(move.unwrap().to.toNumber())}</dd>` : ''}
    ${amendment.isSome ? `<dt>${w.openAmendment}</dt><dd data-testid="ent-amendment">${w.application} ${amendment.unwrap().toNumber()}</dd>` : ''}
  </dl>`;
  if (!fill) return;
  const f = $<HTMLFormElement>('#amend');
  const set = (name: string, v: string) => { (f.elements.namedItem(name) as HTMLInputElement).value = v; };
  set('name', text(p.name));
  set('region', String(p.region.toNumber()));
  set('capital', (Number(p.capital.toString()) / 100).toFixed(2));
  set('scope', p.scope.map((c: Codec) => text(c)).join(','));
  set('rep', p.legalRep.toHex());
}

/** The types that accept the type named in the recognition form, declared or in force. */
async function showRecognitions(a: ApiPromise) {
  const w = cw();
  const box = $('#recognitions');
  const typed = field($<HTMLFormElement>('#recognition'), 'accepted');
  if (!box) return;
  if (!/^\d{1,10}$/.test(typed)) { box.innerHTML = `<p class="error" role="alert">${w.needNumber(w.acceptedType)}</p>`; return; }
  const accepted = Number(typed);
  const list: Codec = await a.call.licensesApi.recognitionsOf(accepted, 0, 50);
  if (!list.length) { box.innerHTML = `<p data-testid="recognitions-none">${w.noRecognitions(accepted)}</p>`; return; }
  const rows = await Promise.all(list.map(async ([idc, r]: Codec[]) => {
    const accepting = idc.toNumber();
    const t: Codec = ((await a.call.licensesApi.licenseType(accepting)) as Codec).unwrap();
    const state = r.confirmed.isSome
      ? w.recognitionInForce(r.confirmed.unwrap()[0].toNumber(), r.confirmed.unwrap()[1].toNumber())
      : w.recognitionPending;
    return `<tr data-testid="recognition-${accepting}-${accepted}"><td>${accepting} · ${esc(text(t.name))} (${t.region.toNumber()})</td>
      <td>${w.recognitionDeclared(r.declaredBy.toNumber(), r.declaredAt.toNumber())}</td><td data-testid="recognition-state">${state}</td></tr>`;
  }));
  box.innerHTML = `<h4>${w.recognitionsOf(accepted)}</h4><table>${rows.join('')}</table>`;
}

/** The work named in the copyright form, as the chain holds it now. */
async function showWork(a: ApiPromise) {
  const w = cw();
  const f = $<HTMLFormElement>('#work-act');
  const out = $('output', f);
  const found: Codec = await a.call.copyrightApi.work(await workHash(f));
  if (found.isNone) return;
  const v = found.unwrap();
  const reg = v.registration.type as string;
  out.insertAdjacentHTML('beforeend', ` <span data-testid="work-state">${w.registration}: ${statusWord(reg)} · ${w.frozen}: ${v.frozen.isSome ? w.yes : w.no}</span>`);
}

/** A party (`HolderRef`) in words: an account's address, an enterprise's code, a
 * person's pseudonym (shortened). */
function partyText(h: Codec): string {
  const w = cw();
  if (h.isAccount) return `${w.holderKinds.Account} <code>${esc(h.asAccount.toString())}</code>`;
  if (h.isEnterprise) return `${w.holderKinds.Enterprise} ${esc(text(h.asEnterprise))}`;
  return `${w.holderKinds.Person} <code>${h.asPerson.toHex().slice(0, 18)}…</code>`;
}

/** The work named in `form` with its holder, controller, pending offer and licences. */
async function showRights(a: ApiPromise, form: HTMLFormElement) {
  const w = cw();
  const box = $('#rights-view');
  if (!box) return;
  let content: string;
  try { content = await workHash(form); } catch (e) { box.innerHTML = `<p class="error" role="alert">${esc((e as Error).message)}</p>`; return; }
  const found: Codec = await a.call.copyrightApi.work(content);
  if (found.isNone) { box.innerHTML = `<p class="error" role="alert">${w.noWork}</p>`; return; }
  const v = found.unwrap();
  const grants: Codec = await a.call.copyrightApi.grants(content, 0, 50);
  const rightsText = (bits: number) => (bits === (1 << w.rightNames.length) - 1 ? w.allRights : w.rightNames.filter((_, i) => bits & (1 << i)).join('、'));
  const rows = grants.map(([i, g]: Codec[]) => `<tr data-testid="grant-${i.toNumber()}"><td>#${i.toNumber()}</td><td>${partyText(g.licensee)}</td>
    <td>${g.exclusive.isTrue ? w.exclusiveWord : w.nonExclusiveWord}</td><td>${rightsText(Number(g.rights.toString()))}</td>
    <td>${g.territory.isSome ? g.territory.unwrap().toNumber() : w.nationwide}</td><td>${dateTime(g.from.toNumber())} – ${dateTime(g.until.toNumber())}</td></tr>`).join('');
  const offer = v.offer.isSome ? v.offer.unwrap() : null;
  box.innerHTML = `<dl data-testid="rights-work"><dt>${w.workTitle}</dt><dd>${esc(text(v.title))}</dd>
    <dt>${w.rightsHolder}</dt><dd data-testid="rights-holder">${partyText(v.holder)}</dd>
    <dt>${w.controller}</dt><dd data-testid="rights-controller">${v.controller.isSome ? `<code>${esc(v.controller.unwrap().toString())}</code>` : w.notAccepted}</dd>
    ${offer ? `<dt>${w.pendingOffer}</dt><dd data-testid="rights-offer">${w.offerTo(partyText(offer.to), esc(offer.newController.toString()))}</dd>` : ''}
    <dt>${w.registration}</dt><dd>${statusWord(v.registration.type as string)}</dd>
    <dt>${w.frozen}</dt><dd data-testid="rights-frozen">${v.frozen.isSome ? w.yes : w.no}</dd></dl>
    ${rows ? `<table data-testid="grants">${rows}</table>` : `<p data-testid="grants-none">${w.noGrants}</p>`}`;
}

/** The loan named in the loan form: status, principal, repaid, outstanding. */
async function showLoan(a: ApiPromise) {
  const w = cw();
  const box = $('#loan-view');
  const idText = field($<HTMLFormElement>('#loan-step'), 'id') || String(lastLoan ?? '');
  if (!box || !/^\d+$/.test(idText)) return;
  const found: Codec = await a.call.providentFundApi.loan(Number(idText));
  if (found.isNone) { box.textContent = ''; return; }
  const l = found.unwrap();
  const yuan = (x: Codec) => (Number(x.toString()) / 100).toFixed(2);
  box.innerHTML = `<dl data-testid="loan-${idText}"><dt>${w.loanNumber}</dt><dd>${idText}</dd>
    <dt>${w.status}</dt><dd data-testid="loan-status">${statusWord(l.status.type ?? l.status.toString())}</dd>
    <dt>${w.amount}</dt><dd>${yuan(l.amount)}</dd><dt>${w.principal}</dt><dd>${yuan(l.principal)}</dd>
    <dt>${w.repaid}</dt><dd>${yuan(l.repaid)}</dd><dt>${w.outstanding}</dt><dd data-testid="loan-outstanding">${yuan(l.outstanding)}</dd></dl>`;
}
let lastLoan: number | null = null;

/** A standing in words: status, the contribution band (never the amount) and months. */
function standingText(st: Codec): string {
  const w = cw();
  const band = st.contributionBand.toNumber();
  return `${statusWord(st.status.toString())} · ${w.band(band)} · ${w.monthsOf(st.months.toNumber())}`;
}

/** A member's deposit account as the chain holds it (by pseudonym). */
async function showMember(a: ApiPromise, member: string) {
  const w = cw();
  const box = $('#member-view');
  const found: Codec = await a.call.providentFundApi.account(member);
  if (!box || found.isNone) return;
  const acc = found.unwrap();
  box.innerHTML = `<dl data-testid="member"><dt>${w.memberPseudonym}</dt><dd><code>${member.slice(0, 18)}…</code></dd>
    <dt>${w.keepingCentre}</dt><dd data-testid="member-centre">${acc.centre.toNumber()}</dd>
    <dt>${w.accountStanding}</dt><dd data-testid="member-standing">${standingText(acc.standing)}</dd>
    <dt>${w.certificatesIssued}</dt><dd data-testid="member-certificates">${acc.certificates.toNumber()}</dd></dl>`;
}

/** A deposit certificate as a relying agency checks it: valid for it, or why not. */
async function showCertificate(a: ApiPromise, id: number, relying: number): Promise<string> {
  const w = cw();
  const valid: Codec = await a.call.providentFundApi.verifyCertificate(id, relying);
  if (valid.isNone) {
    const any: Codec = await a.call.providentFundApi.certificate(id);
    return `<span data-testid="certificate-verdict">${any.isNone ? w.noCertificate(id) : w.certificateNotFor(id, relying)}</span>`;
  }
  const c = valid.unwrap();
  return `<span data-testid="certificate-verdict">${w.certificateValid(id, relying)}</span>
    <dl data-testid="certificate"><dt>${w.keepingCentre}</dt><dd>${c.centre.toNumber()}</dd>
    <dt>${w.accountStanding}</dt><dd data-testid="certificate-standing">${standingText(c.standing)}</dd>
    <dt>${w.issuedAt}</dt><dd>#${c.issuedAt.toNumber()}</dd><dt>${w.expires}</dt><dd>${dateTime(c.expires.toNumber())}</dd></dl>`;
}

/** `EntityType` and `Service` (enterprises pallet), in declaration order. */
const ENTITY_TYPES = ['LimitedCompany', 'JointStockCompany', 'SoleProprietorship', 'Partnership', 'Branch', 'FarmersCooperative'];
const SERVICES = ['BusinessLicense', 'SealEngraving', 'TaxRegistration'];
let following: number | null = null;
let unsubscribeHeads: (() => void) | null = null;

/** The followed application: its status and each department's review as it stands. */
async function showApplication(a: ApiPromise) {
  const w = cw();
  const box = $('#application');
  if (!box || following === null) return;
  const found: Codec = await a.call.enterprisesApi.application(following);
  if (found.isNone) { box.innerHTML = `<p role="alert" class="error">${w.noApplication(following)}</p>`; return; }
  const app = found.unwrap();
  const st = app.status;
  const status = st.isApproved ? `${w.appStatus.Approved} · USCC ${esc(text(st.asApproved))}` : (w.appStatus[st.type] ?? st.type);
  const reviews = app.reviews.map(([svc, r]: Codec[]) => {
    const s = svc.toString();
    const state = r.isPending ? w.reviewPending : r.isApproved ? w.reviewApproved(r.asApproved.agency.toNumber(), r.asApproved.block.toNumber())
      : w.reviewRejected(r.asRejected.agency.toNumber(), r.asRejected.reason.toNumber(), r.asRejected.block.toNumber());
    return `<tr data-testid="app-${following}-${s}"><td>${w.services[s] ?? s}</td><td>${state}</td></tr>`;
  }).join('');
  box.innerHTML = `<h3>${w.application} ${following} · ${esc(text(app.profile.name))}</h3>
    <p>${w.status}: <strong data-testid="app-status">${status}</strong></p><table>${reviews}</table>`;
}

/** `AgencyKind` (consortium pallet), in declaration order. */
const AGENCY_KINDS = ['MarketRegulation', 'PublicSecurity', 'Tax', 'Justice', 'ProvidentFundCenter', 'CommercialBank', 'CopyrightOffice', 'Court', 'DataResourcesBureau', 'Other'];

/** A motion's call in words: `consortium.grantRole(3, Auditor)`. */
function callText(call: Codec): string {
  const args = call.args.map((x: Codec) => {
    const h = x.toHuman();
    return typeof h === 'string' ? h : JSON.stringify(h);
  });
  return `${call.section}.${call.method}(${args.join(', ')})`;
}

/** The council's open motions with their votes; members vote and close them here. */
async function showMotions(a: ApiPromise) {
  const w = cw();
  const box = $('#motions');
  if (!box || !me) return;
  const hashes: Codec = await a.query.council.proposals();
  if (!hashes.length) { box.innerHTML = `<p data-testid="motions-empty">${w.noMotions}</p>`; return; }
  const rows = await Promise.all(hashes.map(async (h: Codec) => {
    const [call, voting]: Codec[] = await Promise.all([a.query.council.proposalOf(h), a.query.council.voting(h)]);
    if (call.isNone || voting.isNone) return '';
    const v = voting.unwrap();
    const index = v.index.toNumber();
    const mine = v.ayes.some((x: Codec) => x.toString() === me!.address) ? w.aye : v.nays.some((x: Codec) => x.toString() === me!.address) ? w.nay : '—';
    return `<tr data-testid="motion-${index}"><td>#${index}</td><td><code>${esc(callText(call.unwrap()))}</code></td>
      <td data-testid="motion-${index}-votes">${w.votes(v.ayes.length, v.nays.length, v.threshold.toNumber())}</td><td>${w.myVote}: ${mine}</td>
      <td><button type="button" data-motion="${h.toHex()}" data-index="${index}" data-act="aye">${w.aye}</button>
      <button type="button" data-motion="${h.toHex()}" data-index="${index}" data-act="nay">${w.nay}</button>
      <button type="button" data-motion="${h.toHex()}" data-index="${index}" data-act="close">${w.close}</button></td></tr>`;
  }));
  box.innerHTML = `<table>${rows.join('')}</table>`;
  box.querySelectorAll<HTMLButtonElement>('button[data-motion]').forEach((b) => b.addEventListener('click', () => {
    const hash = b.dataset.motion!, index = Number(b.dataset.index), act = b.dataset.act!;
    void run(a, b.closest('tr')!, $('#motion-box > output'), async () => {
      if (act !== 'close') return a.tx.council.vote(hash, index, act === 'aye');
      const call: Codec = (await a.query.council.proposalOf(hash) as Codec).unwrap();
      const length = call.encodedLength;
      const info: Codec = await a.call.transactionPaymentCallApi.queryCallInfo(call, length);
      return a.tx.council.close(hash, index, info.weight, length);
    }, (r) => {
      if (act !== 'close') return w.voted(index, act === 'aye');
      const executed = r.events.find((e) => e.section === 'council' && e.method === 'Executed');
      if (!executed) return w.motionRejected(index);
      const result = executed.data.result as Record<string, unknown>;
      if (result && 'err' in result) {
        const err = a.registry.createType('DispatchError', result.err);
        return `${w.motionFailed(index)}${esc(refusal(a, err).message)}`;
      }
      return w.motionExecuted(index);
    }, () => void showMotions(a));
  }));
}

/** The reviews waiting for the account's agency, each with approve and reject. */
async function showQueue(a: ApiPromise) {
  const w = cw();
  const box = $('#queue');
  if (!box || standing?.agency == null) return;
  const pending: Codec = await a.call.enterprisesApi.pendingFor(standing.agency, null, 50);
  if (!pending.length) { box.innerHTML = `<p data-testid="queue-empty">${w.reviewEmpty}</p>`; return; }
  const rows = await Promise.all(pending.map(async ([idc, service]: Codec[]) => {
    const id = idc.toNumber();
    const app: Codec = ((await a.call.enterprisesApi.application(id)) as Codec).unwrap();
    const s = service.toString();
    return `<tr data-testid="review-${id}-${s}"><td>${w.application} ${id}</td><td>${esc(text(app.profile.name))}</td><td>${w.services[s] ?? s}</td>
      <td><label>${w.reasonCode} <input data-reason inputmode="numeric" value="0" size="3"></label></td>
      <td><button type="button" data-review="${id}" data-service="${s}" data-ok="1">${w.approve}</button>
      <button type="button" data-review="${id}" data-service="${s}" data-ok="0">${w.reject}</button></td></tr>`;
  }));
  box.innerHTML = `<table>${rows.join('')}</table>`;
  box.querySelectorAll<HTMLButtonElement>('button[data-review]').forEach((b) => b.addEventListener('click', () => {
    const id = Number(b.dataset.review), ok = b.dataset.ok === '1', service = b.dataset.service!;
    const row = b.closest('tr')!;
    const out = $('#reviews > output');
    void run(a, row, out, async () => {
      const reasonText = ($('input[data-reason]', row) as HTMLInputElement).value.trim();
      if (!/^\d{1,5}$/.test(reasonText)) throw new Bad(w.needNumber(w.reasonCode));
      const document = service === 'BusinessLicense' && ok ? await hashText(`business licence of application ${id}`) : null;
      return a.tx.enterprises.review(id, service, ok, Number(reasonText), document);
    }, () => w.reviewed(id, ok), () => void showQueue(a));
  }));
}

async function start() {
  const note = $('#message');
  note.className = 'info';
  note.textContent = '';
  try {
    const a = await api();
    const { list, extension } = await loadAccounts(a);
    accounts = list;
    fillAccounts(extension);
  } catch {
    note.className = 'error';
    note.setAttribute('role', 'alert');
    note.textContent = lang() === 'en' ? 'No GovChain node answers. Please try again later.' : '无法连接 GovChain 节点，请稍后再试。';
  }
}

render();
void start();
