// Tandem web console: hash routes, one view per screen, everything from the REST API.
import { api, ApiError, query, setCredentials, loggedIn } from './api.js';
import { h, field, checkbox, clear, uid } from './dom.js';
import { t, getLang, setLang, LANGS } from './i18n.js';

const CATEGORIES = ['INFORMATION_AND_REFERRAL', 'PERSONAL_ADVOCACY', 'EMOTIONAL_SUPPORT_AND_SAFETY',
  'SHELTER_AND_HOUSING', 'CRIMINAL_CIVIL_JUSTICE_ASSISTANCE', 'COUNSELING', 'SHELTER', 'MEDICAL', 'LEGAL_ADVOCACY',
  'COMPENSATION_ASSISTANCE', 'CRISIS_INTERVENTION', 'INTERPRETATION', 'TRANSPORTATION', 'FINANCIAL_ASSISTANCE'];
const CHANNELS = ['EMAIL', 'SMS', 'VOICE', 'LETTER'];
const SCOPES = ['SHARE_WITH_PROVIDER', 'NOTIFY', 'SHARE_WITH_STATE'];
const FORMS = ['WRITTEN', 'ELECTRONIC', 'VERBAL_RECORDED'];
const ITEMS = ['NAME', 'LANGUAGE', 'CONTACT', 'BIRTH_DATE'];
const REFERRAL_STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED'];

// session state: memory only
const state = { me: null, referCase: null, caseSearch: { incident: '', status: 'OPEN', page: 0 } };

const main = () => document.getElementById('main');

// ---------------------------------------------------------------- helpers

function has(role) {
  return !!state.me && state.me.roles.includes(role);
}

function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(getLang() === 'es' ? 'es-US' : 'en-US',
    { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

function code(prefix, value) {
  // enum values are shown translated when the dictionary knows them
  return t(prefix + '.' + value, value);
}

function personName(p) {
  if (!p) return '';
  return [p.givenName, p.familyName].filter(Boolean).join(' ') || p.id;
}

function statusBadge(status) {
  return h('span', { class: 'badge badge-' + String(status).toLowerCase(), 'data-status': status },
    code('status', status));
}

function say(message) {
  const live = document.getElementById('live');
  live.textContent = '';
  // a new text node so screen readers announce repeated messages
  setTimeout(() => { live.textContent = message; }, 50);
}

/** Renders an API problem (RFC 9457): title, detail, field errors, and the consent that is missing. */
function problemBox(err) {
  const p = err instanceof ApiError ? err.problem : { title: String(err) };
  const box = h('div', { class: 'problem', role: 'alert', tabindex: '-1', 'data-problem-type': p.type || '' },
    h('p', { class: 'problem-title' }, h('strong', {}, p.title || t('error.generic')),
      err.status ? ' (' + err.status + ')' : ''),
    p.detail ? h('p', { class: 'problem-detail' }, p.detail) : null);
  if (Array.isArray(p.errors) && p.errors.length) {
    box.appendChild(h('ul', { class: 'problem-errors' },
      p.errors.map((e) => h('li', {}, h('code', {}, e.field || e.providerId || ''), ' ', e.message || ''))));
  }
  if (p.missingConsent) {
    const m = p.missingConsent;
    box.appendChild(h('div', { class: 'missing-consent' },
      h('p', {}, t('refer.missingConsent', 'Missing consent') + ': ', h('strong', {}, code('scope', m.scope)),
        m.recipient ? ' → ' + (m.recipient.id || m.recipient.kind) : ''),
      m.reason ? h('p', { class: 'missing-reason' }, t('refer.reason') + ': ' + m.reason) : null,
      m.caseId ? h('p', {}, h('a', { href: '#/case/' + encodeURIComponent(m.caseId) }, t('refer.recordConsent'))) : null));
  }
  return box;
}

function showProblem(container, err) {
  if (err instanceof ApiError && err.status === 401 && state.me) {
    logout(t('login.expired'));
    return;
  }
  const box = problemBox(err);
  clear(container);
  container.appendChild(box);
  box.focus();
  markFieldErrors(err);
}

/** Marks inputs whose data-field matches a field error of the problem (aria-invalid + message). */
function markFieldErrors(err) {
  document.querySelectorAll('[aria-invalid="true"]').forEach((el) => el.removeAttribute('aria-invalid'));
  document.querySelectorAll('.field-error').forEach((el) => el.remove());
  const errors = err instanceof ApiError && Array.isArray(err.problem.errors) ? err.problem.errors : [];
  errors.forEach((e) => {
    const input = document.querySelector('[data-field="' + CSS.escape(e.field || '') + '"]');
    if (!input) return;
    input.setAttribute('aria-invalid', 'true');
    const msg = h('span', { class: 'field-error', id: uid('err') }, e.message);
    input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + msg.id).trim());
    input.insertAdjacentElement('afterend', msg);
  });
}

function select(options, attrs, labeller) {
  return h('select', attrs || {}, options.map((o) => {
    const [value, label] = Array.isArray(o) ? o : [o, labeller ? labeller(o) : o];
    return h('option', { value }, label);
  }));
}

function page(title, ...content) {
  const el = main();
  clear(el);
  const heading = h('h1', { tabindex: '-1', id: 'page-title' }, title);
  el.appendChild(heading);
  content.forEach((c) => c && el.appendChild(c));
  document.title = title + ' · Tandem';
  heading.focus();
  return el;
}

function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

function pager(result, go) {
  const pages = Math.max(1, Math.ceil((result.total || 0) / (result.size || 1)));
  return h('nav', { class: 'pager', 'aria-label': t('common.pages') },
    h('button', { type: 'button', disabled: result.page <= 0, onclick: () => go(result.page - 1) }, t('common.previous')),
    h('span', {}, t('common.pageOf').replace('{0}', result.page + 1).replace('{1}', pages)
      .replace('{2}', result.total)),
    h('button', { type: 'button', disabled: result.page + 1 >= pages, onclick: () => go(result.page + 1) }, t('common.next')));
}

// ---------------------------------------------------------------- shell

function renderShell() {
  document.documentElement.lang = getLang();
  document.getElementById('skip').textContent = t('common.skip');
  const nav = document.getElementById('nav');
  clear(nav);
  const user = document.getElementById('user');
  clear(user);
  const langSel = select(LANGS.map((l) => [l, t('lang.' + l)]), { id: 'lang' });
  langSel.value = getLang();
  langSel.addEventListener('change', () => {
    setLang(langSel.value);
    if (state.me) { renderShell(); route(); } else viewLogin();
    document.getElementById('lang').focus();
  });
  user.appendChild(h('label', { for: 'lang', class: 'inline' }, t('lang.label')));
  user.appendChild(langSel);
  if (!state.me) return;
  const links = [];
  if (has('officer') || has('advocate') || has('supervisor')) links.push(['#/cases', t('nav.cases')]);
  if (has('officer') || has('advocate')) links.push(['#/cases/new', t('nav.newCase')]);
  links.push(['#/providers', t('nav.providers')]);
  if (state.me.agency) links.push(['#/inbox', t('nav.inbox')]);
  if (has('supervisor')) links.push(['#/dashboard', t('nav.dashboard')]);
  const current = location.hash || '#/';
  nav.appendChild(h('ul', {}, links.map(([href, label]) => h('li', {},
    h('a', { href, 'aria-current': current === href ? 'page' : null }, label)))));
  user.appendChild(h('span', { class: 'who', id: 'who' }, state.me.user + (state.me.agency ? ' · ' + state.me.agency : '')
    + ' (' + state.me.roles.join(', ') + ')'));
  user.appendChild(h('button', { type: 'button', id: 'logout', onclick: () => logout() }, t('nav.logout')));
}

function logout(message) {
  setCredentials(null);
  state.me = null;
  state.referCase = null;
  location.hash = '#/login';
  renderShell();
  viewLogin(message);
}

function defaultRoute() {
  if (has('supervisor')) return '#/dashboard';
  if (has('officer')) return '#/cases';
  if (has('advocate')) return '#/inbox';
  return '#/providers';
}

function route() {
  const hash = location.hash || '#/';
  if (!loggedIn() || !state.me) {
    if (!document.getElementById('login-form')) viewLogin();
    return;
  }
  renderShell();
  const parts = hash.substring(2).split('/');
  switch (parts[0]) {
    case 'cases': return parts[1] === 'new' ? viewNewCase() : viewCases();
    case 'case': return viewCase(decodeURIComponent(parts[1] || ''));
    case 'providers': return viewProviders();
    case 'inbox': return viewInbox();
    case 'dashboard': return viewDashboard();
    default: location.hash = defaultRoute(); return undefined;
  }
}

// ---------------------------------------------------------------- login

function viewLogin(message) {
  renderShell();
  const user = field(t('login.user'), h('input', { name: 'user', autocomplete: 'username', required: true }));
  const pass = field(t('login.password'), h('input', { name: 'password', type: 'password',
    autocomplete: 'current-password', required: true }));
  const errors = h('div', { class: 'errors' });
  const form = h('form', { id: 'login-form', class: 'card narrow' }, errors,
    message ? h('p', { class: 'notice', role: 'status' }, message) : null,
    user.wrap, pass.wrap,
    h('button', { type: 'submit', class: 'primary' }, t('login.submit')),
    h('p', { class: 'hint' }, t('login.memoryOnly')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setCredentials(user.input.value, pass.input.value);
    pass.input.value = '';
    try {
      state.me = await api('GET', 'me');
      say(t('login.welcome') + ' ' + state.me.user);
      const target = defaultRoute();
      if (location.hash === target) route(); else location.hash = target;
    } catch (err) {
      setCredentials(null);
      state.me = null;
      showProblem(errors, err);
    }
  });
  page(t('login.title'), form);
  user.input.focus();
}

// ---------------------------------------------------------------- case list

async function viewCases() {
  const s = state.caseSearch;
  const incident = field(t('cases.incident'), h('input', { name: 'incident', value: s.incident, inputmode: 'text' }));
  const status = field(t('cases.status'), select([['', t('common.any')], ['OPEN', code('status', 'OPEN')],
    ['CLOSED', code('status', 'CLOSED')]], { name: 'status' }));
  status.input.value = s.status;
  const results = h('div', { id: 'case-results' }, loading());
  const form = h('form', { class: 'search', role: 'search' }, incident.wrap, status.wrap,
    h('button', { type: 'submit' }, t('common.search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    s.incident = incident.input.value.trim();
    s.status = status.input.value;
    s.page = 0;
    load();
  });
  page(t('cases.title'), form, results);

  async function load() {
    clear(results);
    results.appendChild(loading());
    try {
      const r = await api('GET', 'cases' + query({ incident: s.incident, status: s.status, page: s.page, size: 20 }));
      clear(results);
      if (!r.items.length) {
        results.appendChild(h('p', { role: 'status' }, t('cases.none')));
        return;
      }
      results.appendChild(h('table', { class: 'list' },
        h('caption', {}, t('cases.caption').replace('{0}', r.total)),
        h('thead', {}, h('tr', {}, [t('cases.incident'), t('cases.occurred'), t('cases.primary'), t('cases.persons'),
          t('cases.status')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, r.items.map((c) => {
          const primary = (c.persons || []).find((p) => p.role === 'PRIMARY_VICTIM');
          return h('tr', {},
            h('td', {}, h('a', { href: '#/case/' + encodeURIComponent(c.id), class: 'case-link' },
              (c.incident && c.incident.number) || c.id)),
            h('td', {}, fmtTime(c.incident && c.incident.occurredAt)),
            h('td', {}, personName(primary)),
            h('td', {}, String((c.persons || []).length)),
            h('td', {}, statusBadge(c.status)));
        }))));
      results.appendChild(pager(r, (p) => { s.page = p; load(); }));
    } catch (err) {
      showProblem(results, err);
    }
  }
  load();
}

// ---------------------------------------------------------------- new case

function personFieldset(index, role) {
  const p = 'persons[' + index + ']';
  const f = (label, control, hint) => field(label, control, hint);
  const roleSel = f(t('person.role'), select(['PRIMARY_VICTIM', 'SECONDARY_VICTIM', 'WITNESS'],
    { 'data-field': p + '.role', name: 'role' }, (r) => code('role', r)));
  roleSel.input.value = role;
  const rel = f(t('person.relationship'), h('input', { name: 'relationship', 'data-field': p + '.relationship' }),
    t('person.relationshipHint'));
  const given = f(t('person.given'), h('input', { name: 'givenName', required: true, autocomplete: 'off', 'data-field': p + '.givenName' }));
  const family = f(t('person.family'), h('input', { name: 'familyName', required: true, autocomplete: 'off', 'data-field': p + '.familyName' }));
  const birth = f(t('person.birth'), h('input', { name: 'birthDate', type: 'date', 'data-field': p + '.birthDate' }));
  const lang = f(t('person.language'), h('input', { name: 'language', value: 'en', list: 'languages', 'data-field': p + '.language' }),
    t('person.languageHint'));
  const email = f(t('contact.email'), h('input', { name: 'email', type: 'email', autocomplete: 'off', 'data-field': p + '.contact.email' }));
  const phone = f(t('contact.phone'), h('input', { name: 'phone', type: 'tel', autocomplete: 'off', 'data-field': p + '.contact.phone' }),
    t('contact.phoneHint'));
  const channels = CHANNELS.map((c) => checkbox(code('channel', c), { name: 'channel', value: c }));
  const from = f(t('contact.safeFrom'), h('input', { name: 'safeFrom', type: 'time', 'data-field': p + '.contact.safeHours.from' }));
  const to = f(t('contact.safeTo'), h('input', { name: 'safeTo', type: 'time', 'data-field': p + '.contact.safeHours.to' }));
  const zone = f(t('contact.zone'), h('input', { name: 'zone', value: 'America/Chicago', 'data-field': p + '.contact.safeHours.zone' }));
  const noVoicemail = checkbox(t('contact.noVoicemail'), { name: 'noVoicemail' });
  const safe = checkbox(t('contact.safeToContact'), { name: 'safeToContact', checked: true });
  const alternate = f(t('contact.alternate'), h('input', { name: 'alternateContact', 'data-field': p + '.contact.alternateContact' }),
    t('contact.alternateHint'));
  const legendId = uid('lg');
  const fs = h('fieldset', { class: 'person', 'aria-labelledby': legendId },
    h('legend', { id: legendId }, t('person.legend').replace('{0}', index + 1)),
    h('div', { class: 'grid' }, roleSel.wrap, rel.wrap, given.wrap, family.wrap, birth.wrap, lang.wrap),
    h('fieldset', { class: 'contact' }, h('legend', {}, t('contact.legend')),
      h('div', { class: 'grid' }, email.wrap, phone.wrap),
      h('fieldset', { class: 'checks', 'data-field': p + '.contact.channels' }, h('legend', {}, t('contact.channels')),
        channels.map((c) => c.wrap)),
      h('div', { class: 'grid' }, from.wrap, to.wrap, zone.wrap),
      noVoicemail.wrap, safe.wrap, alternate.wrap));
  fs.read = () => {
    const contact = {};
    if (email.input.value) contact.email = email.input.value.trim();
    if (phone.input.value) contact.phone = phone.input.value.trim();
    contact.channels = channels.filter((c) => c.input.checked).map((c) => c.input.value);
    if (from.input.value || to.input.value) {
      contact.safeHours = { from: from.input.value, to: to.input.value, zone: zone.input.value.trim() };
    }
    contact.noVoicemail = noVoicemail.input.checked;
    contact.safeToContact = safe.input.checked;
    if (alternate.input.value) contact.alternateContact = alternate.input.value.trim();
    const person = { role: roleSel.input.value, givenName: given.input.value.trim(), familyName: family.input.value.trim(),
      language: lang.input.value.trim() || undefined, contact };
    if (rel.input.value) person.relationship = rel.input.value.trim();
    if (birth.input.value) person.birthDate = birth.input.value;
    return person;
  };
  return fs;
}

function viewNewCase() {
  const number = field(t('incident.number'), h('input', { name: 'incidentNumber', required: true, 'data-field': 'incident.number' }));
  const ori = field(t('incident.ori'), h('input', { name: 'ori', required: true, 'data-field': 'incident.ori' }),
    t('incident.oriHint'));
  const occurred = field(t('incident.occurred'), h('input', { name: 'occurredAt', type: 'datetime-local', required: true,
    'data-field': 'incident.occurredAt' }));
  const offenses = field(t('incident.offenses'), h('input', { name: 'offenses', 'data-field': 'incident.offenses' }),
    t('incident.offensesHint'));
  const location = field(t('incident.location'), h('input', { name: 'location', 'data-field': 'incident.location' }));
  const narrative = field(t('case.narrative'), h('textarea', { name: 'narrative', rows: '3', 'data-field': 'narrative' }));
  const needs = CATEGORIES.map((c) => checkbox(code('service', c), { name: 'need', value: c }));
  const persons = h('div', { id: 'persons' });
  const addPerson = (role) => {
    const fs = personFieldset(persons.children.length, role);
    persons.appendChild(fs);
    return fs;
  };
  addPerson('PRIMARY_VICTIM');
  const errors = h('div', { class: 'errors' });
  const form = h('form', { id: 'intake-form', novalidate: true }, errors,
    h('fieldset', {}, h('legend', {}, t('incident.legend')),
      h('div', { class: 'grid' }, number.wrap, ori.wrap, occurred.wrap, offenses.wrap, location.wrap)),
    persons,
    h('button', { type: 'button', id: 'add-person', onclick: () => {
      const fs = addPerson('SECONDARY_VICTIM');
      fs.querySelector('input[name=relationship]').focus();
    } }, t('case.addSecondary')),
    h('fieldset', { class: 'checks', 'data-field': 'needs' }, h('legend', {}, t('case.needs')), needs.map((n) => n.wrap)),
    narrative.wrap,
    h('button', { type: 'submit', class: 'primary' }, t('case.open')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const when = occurred.input.value ? new Date(occurred.input.value) : null;
    const body = {
      incident: {
        number: number.input.value.trim(), ori: ori.input.value.trim(),
        occurredAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : occurred.input.value,
        offenses: offenses.input.value.split(/[,\s]+/).filter(Boolean),
      },
      persons: Array.from(persons.children).map((fs) => fs.read()),
      needs: needs.filter((n) => n.input.checked).map((n) => n.input.value),
    };
    if (location.input.value) body.incident.location = location.input.value.trim();
    if (narrative.input.value) body.narrative = narrative.input.value;
    try {
      const created = await api('POST', 'cases', body);
      say(t('case.opened'));
      window.location.hash = '#/case/' + encodeURIComponent(created.id);
    } catch (err) {
      showProblem(errors, err);
    }
  });
  page(t('case.newTitle'), form);
}

// ---------------------------------------------------------------- case view

async function viewCase(id) {
  const el = page(t('case.title'), loading());
  let c;
  try {
    c = await api('GET', 'cases/' + encodeURIComponent(id));
  } catch (err) {
    const box = h('div', {});
    el.appendChild(box);
    el.querySelector('.loading').remove();
    showProblem(box, err);
    return;
  }
  el.querySelector('.loading').remove();
  document.getElementById('page-title').textContent = t('case.title') + ' ' + ((c.incident && c.incident.number) || '');
  const persons = c.persons || [];
  const byId = Object.fromEntries(persons.map((p) => [p.id, p]));
  el.appendChild(h('section', { 'aria-labelledby': 'sec-summary', class: 'card' },
    h('h2', { id: 'sec-summary' }, t('case.summary')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('cases.status')), h('dd', {}, statusBadge(c.status)),
      h('dt', {}, t('incident.ori')), h('dd', {}, (c.incident && c.incident.ori) || ''),
      h('dt', {}, t('incident.occurred')), h('dd', {}, fmtTime(c.incident && c.incident.occurredAt)),
      h('dt', {}, t('incident.offenses')), h('dd', {}, ((c.incident && c.incident.offenses) || []).join(', ')),
      h('dt', {}, t('case.needs')), h('dd', {}, (c.needs || []).map((n) => code('service', n)).join(', '))),
    (has('officer') || has('advocate')) ? h('button', { type: 'button', id: 'refer-start', class: 'primary', onclick: () => {
      state.referCase = c;
      location.hash = '#/providers';
    } }, t('case.refer')) : null));

  el.appendChild(h('section', { 'aria-labelledby': 'sec-persons', class: 'card' },
    h('h2', { id: 'sec-persons' }, t('case.persons')),
    h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, [t('person.name'), t('person.role'), t('person.language'), t('contact.legend')]
        .map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, persons.map((p) => h('tr', { 'data-person': p.id },
        h('td', {}, personName(p)),
        h('td', {}, code('role', p.role) + (p.relationship ? ' (' + p.relationship + ')' : '')),
        h('td', {}, p.language || ''),
        h('td', {}, contactSummary(p.contact))))))));

  const consents = h('section', { 'aria-labelledby': 'sec-consents', class: 'card', id: 'consents' });
  const referrals = h('section', { 'aria-labelledby': 'sec-referrals', class: 'card', id: 'referrals' });
  const notifications = h('section', { 'aria-labelledby': 'sec-notifications', class: 'card', id: 'notifications' });
  el.append(consents, referrals, notifications);
  if (has('supervisor')) {
    const audit = h('section', { 'aria-labelledby': 'sec-audit', class: 'card', id: 'audit' });
    el.appendChild(audit);
    loadAudit(audit, c.id);
  }
  loadConsents(consents, c, byId);
  loadReferrals(referrals, c.id, byId);
  loadNotifications(notifications, c.id, byId);
}

function contactSummary(contact) {
  if (!contact) return '';
  const parts = [];
  if (contact.email) parts.push(contact.email);
  if (contact.phone) parts.push(contact.phone);
  if (contact.channels && contact.channels.length) parts.push(contact.channels.map((x) => code('channel', x)).join('/'));
  if (contact.safeHours) parts.push(t('contact.safeFrom') + ' ' + contact.safeHours.from + '–' + contact.safeHours.to
    + ' ' + (contact.safeHours.zone || ''));
  if (contact.noVoicemail) parts.push(t('contact.noVoicemail'));
  if (contact.safeToContact === false) parts.push(t('contact.notSafe'));
  return parts.join(' · ');
}

async function loadConsents(section, c, byId) {
  clear(section);
  section.appendChild(h('h2', { id: 'sec-consents' }, t('consent.title')));
  const body = h('div', {}, loading());
  section.appendChild(body);
  try {
    const r = await api('GET', 'cases/' + encodeURIComponent(c.id) + '/consents' + query({ size: 100 }));
    clear(body);
    if (!r.items.length) body.appendChild(h('p', {}, t('consent.none')));
    else {
      body.appendChild(h('table', { class: 'list', id: 'consent-table' },
        h('thead', {}, h('tr', {}, [t('person.name'), t('consent.scope'), t('consent.recipient'), t('consent.expires'),
          t('cases.status'), t('common.actions')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, r.items.map((k) => h('tr', { 'data-consent': k.id },
          h('td', {}, personName(byId[k.personId])),
          h('td', {}, code('scope', k.scope)),
          h('td', {}, k.recipient ? (k.recipient.id || code('kind', k.recipient.kind)) : ''),
          h('td', {}, fmtTime(k.expiresAt)),
          h('td', {}, statusBadge(k.status), k.revocationReason ? ' ' + k.revocationReason : ''),
          h('td', {}, (k.status === 'ACTIVE' || k.status === 'PENDING') ? h('button', { type: 'button', class: 'revoke',
            onclick: async () => {
              const reason = window.prompt(t('consent.revokeReason'));
              if (reason === null) return;
              try {
                await api('POST', 'consents/' + encodeURIComponent(k.id) + '/revoke', reason ? { reason } : {});
                say(t('consent.revoked'));
                loadConsents(section, c, byId);
              } catch (err) { showProblem(errors, err); }
            } }, t('consent.revoke')) : null))))));
    }
  } catch (err) {
    showProblem(body, err);
  }
  const errors = h('div', { class: 'errors' });
  section.appendChild(errors);
  if (!(has('officer') || has('advocate'))) return;
  // record form
  const person = field(t('person.name'), select((c.persons || []).map((p) => [p.id, personName(p) + ' — ' + code('role', p.role)]),
    { name: 'personId', 'data-field': 'personId' }));
  const scope = field(t('consent.scope'), select(SCOPES, { name: 'scope', 'data-field': 'scope' }, (s) => code('scope', s)));
  const kind = field(t('consent.recipientKind'), select(['PROVIDER', 'ANY', 'AGENCY'], { name: 'kind', 'data-field': 'recipient.kind' },
    (k) => code('kind', k)));
  const providerSel = field(t('consent.provider'), select([], { name: 'providerId', 'data-field': 'recipient.id' }));
  const purpose = field(t('consent.purpose'), h('input', { name: 'purpose', required: true, 'data-field': 'purpose' }));
  const form = field(t('consent.form'), select(FORMS, { name: 'form', 'data-field': 'form' }, (f) => code('form', f)));
  const expires = field(t('consent.expires'), h('input', { name: 'expiresAt', type: 'date', 'data-field': 'expiresAt',
    value: new Date(Date.now() + 180 * 86400000).toISOString().substring(0, 10) }), t('consent.expiresHint'));
  const items = ITEMS.map((i) => checkbox(code('item', i), { name: 'item', value: i, checked: i !== 'BIRTH_DATE' }));
  api('GET', 'providers' + query({ size: 100 })).then((r) => {
    (r.items || []).forEach((p) => providerSel.input.appendChild(h('option', { value: p.id }, p.name)));
  }).catch(() => { /* directory not installed: the API will say what is missing */ });
  const sync = () => {
    const sharing = scope.input.value !== 'NOTIFY';
    providerSel.wrap.hidden = kind.input.value !== 'PROVIDER';
    expires.input.required = sharing;
    if (scope.input.value === 'NOTIFY' && kind.input.value === 'PROVIDER') kind.input.value = 'ANY';
    if (scope.input.value === 'SHARE_WITH_STATE') kind.input.value = 'AGENCY';
    if (scope.input.value === 'SHARE_WITH_PROVIDER') kind.input.value = 'PROVIDER';
    providerSel.wrap.hidden = kind.input.value !== 'PROVIDER';
  };
  scope.input.addEventListener('change', sync);
  kind.input.addEventListener('change', () => { providerSel.wrap.hidden = kind.input.value !== 'PROVIDER'; });
  sync();
  const rec = h('form', { id: 'consent-form', class: 'subform', novalidate: true },
    h('h3', {}, t('consent.record')),
    h('div', { class: 'grid' }, person.wrap, scope.wrap, kind.wrap, providerSel.wrap, purpose.wrap, form.wrap, expires.wrap),
    h('fieldset', { class: 'checks', 'data-field': 'items' }, h('legend', {}, t('consent.items')), items.map((i) => i.wrap)),
    h('button', { type: 'submit', class: 'primary' }, t('consent.record')));
  rec.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const recipient = { kind: kind.input.value };
    if (recipient.kind === 'PROVIDER') recipient.id = providerSel.input.value;
    const body = { personId: person.input.value, scope: scope.input.value, recipient,
      purpose: purpose.input.value.trim(), form: form.input.value };
    if (expires.input.value) body.expiresAt = new Date(expires.input.value + 'T23:59:00').toISOString();
    if (scope.input.value !== 'NOTIFY') body.items = items.filter((i) => i.input.checked).map((i) => i.input.value);
    try {
      await api('POST', 'cases/' + encodeURIComponent(c.id) + '/consents', body);
      say(t('consent.recorded'));
      await loadConsents(section, c, byId);
      section.querySelector('h2').focus();
    } catch (err) {
      showProblem(errors, err);
    }
  });
  section.appendChild(rec);
}

function timeline(history) {
  return h('ol', { class: 'timeline' }, (history || []).map((s) => h('li', { 'data-to': s.to },
    h('time', { datetime: s.at }, fmtTime(s.at)), ' ',
    s.from ? code('status', s.from) + ' → ' : '', h('strong', {}, code('status', s.to)),
    s.by ? ' · ' + s.by : '', s.reason ? ' · “' + s.reason + '”' : '')));
}

async function loadReferrals(section, caseId, byId) {
  clear(section);
  section.appendChild(h('h2', { id: 'sec-referrals' }, t('referral.title')));
  try {
    const r = await api('GET', 'cases/' + encodeURIComponent(caseId) + '/referrals' + query({ size: 100 }));
    if (!r.items.length) { section.appendChild(h('p', {}, t('referral.none'))); return; }
    section.appendChild(h('ul', { class: 'cards', id: 'referral-list' }, r.items.map((x) => h('li', { class: 'referral', 'data-referral': x.id },
      h('p', {}, h('strong', {}, (x.provider && (x.provider.name || x.provider.id)) || x.providerId || ''), ' ',
        statusBadge(x.status), x.overdue ? h('span', { class: 'badge badge-overdue' }, t('referral.overdue')) : null,
        x.consentRevoked ? h('span', { class: 'badge badge-revoked' }, t('referral.consentRevoked')) : null),
      h('p', {}, t('person.name') + ': ' + personName(byId[x.personId]) + ' · ' + t('referral.services') + ': '
        + (x.services || []).map((s) => code('service', s)).join(', ')),
      x.note ? h('p', {}, t('referral.note') + ': ' + x.note) : null,
      timeline(x.history)))));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) section.appendChild(h('p', {}, t('referral.unavailable')));
    else showProblem(section.appendChild(h('div')), err);
  }
}

async function loadNotifications(section, caseId, byId) {
  clear(section);
  section.appendChild(h('h2', { id: 'sec-notifications' }, t('notification.title')));
  try {
    const r = await api('GET', 'cases/' + encodeURIComponent(caseId) + '/notifications' + query({ size: 100 }));
    if (!r.items.length) { section.appendChild(h('p', {}, t('notification.none'))); return; }
    section.appendChild(h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, [t('person.name'), t('notification.event'), t('notification.channel'), t('cases.status'),
        t('notification.attempts')].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, r.items.map((n) => h('tr', {},
        h('td', {}, personName(byId[n.personId]) || n.recipientType || ''),
        h('td', {}, (n.template || n.eventType || '') + (n.language ? ' (' + n.language + ')' : '')),
        h('td', {}, code('channel', n.channel)),
        h('td', {}, statusBadge(n.state), n.reason ? ' ' + n.reason : ''),
        h('td', {}, h('ol', { class: 'attempts' }, (n.history || []).map((a) => h('li', {},
          fmtTime(a.at) + ' · ' + (a.channel ? code('channel', a.channel) + ' · ' : '') + (a.outcome || '')
          + (a.detail ? ' · ' + a.detail : ''))))))))));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) section.appendChild(h('p', {}, t('notification.unavailable')));
    else showProblem(section.appendChild(h('div')), err);
  }
}

async function loadAudit(section, caseId) {
  clear(section);
  section.appendChild(h('h2', { id: 'sec-audit' }, t('audit.title')));
  const body = section.appendChild(h('div'));
  try {
    const r = await api('GET', 'audit' + query({ case: caseId, size: 50 }));
    body.appendChild(auditTable(r));
  } catch (err) {
    showProblem(body, err);
  }
}

function auditTable(r) {
  if (!r.items.length) return h('p', {}, t('audit.none'));
  return h('table', { class: 'list', id: 'audit-table' },
    h('thead', {}, h('tr', {}, [t('audit.when'), t('audit.user'), t('audit.action'), t('audit.object'), t('audit.outcome')]
      .map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, r.items.map((a) => h('tr', {},
      h('td', {}, fmtTime(a.recordedAt)), h('td', {}, a.user || ''), h('td', {}, a.action || ''),
      h('td', {}, (a.objectType || '') + ' ' + (a.objectId || '')), h('td', {}, a.outcome || '')))));
}

// ---------------------------------------------------------------- providers and refer

function viewProviders() {
  const rc = state.referCase;
  const service = field(t('provider.service'), select([['', t('common.any')]].concat(CATEGORIES.map((c) => [c, code('service', c)])),
    { name: 'service' }));
  const language = field(t('person.language'), h('input', { name: 'language', list: 'languages' }), t('person.languageHint'));
  const area = field(t('provider.area'), h('input', { name: 'area' }), t('provider.areaHint'));
  const q = field(t('provider.text'), h('input', { name: 'q' }));
  const results = h('div', { id: 'provider-results' });
  const form = h('form', { class: 'search', role: 'search', id: 'provider-search' },
    service.wrap, language.wrap, area.wrap, q.wrap, h('button', { type: 'submit' }, t('common.search')));
  const banner = rc ? h('div', { class: 'notice', id: 'refer-banner' },
    t('refer.for') + ' ' + ((rc.incident && rc.incident.number) || rc.id) + ' ',
    h('a', { href: '#/case/' + encodeURIComponent(rc.id) }, t('refer.back')),
    ' ', h('button', { type: 'button', onclick: () => { state.referCase = null; viewProviders(); } }, t('refer.cancel'))) : null;
  if (rc) {
    const primary = (rc.persons || []).find((p) => p.role === 'PRIMARY_VICTIM');
    if (primary && primary.language) language.input.value = primary.language;
  }
  let pageNo = 0;
  form.addEventListener('submit', (ev) => { ev.preventDefault(); pageNo = 0; load(); });
  page(t('provider.title'), banner, form, results);

  async function load() {
    clear(results);
    results.appendChild(loading());
    try {
      const r = await api('GET', 'providers' + query({ service: service.input.value, language: language.input.value.trim(),
        area: area.input.value.trim(), q: q.input.value.trim(), page: pageNo, size: 10 }));
      clear(results);
      if (!r.items.length) { results.appendChild(h('p', { role: 'status' }, t('provider.none'))); return; }
      results.appendChild(h('ul', { class: 'cards' }, r.items.map((p) => providerCard(p, rc))));
      results.appendChild(pager(r, (n) => { pageNo = n; load(); }));
    } catch (err) {
      showProblem(results, err);
    }
  }
  load();
}

function providerCard(p, rc) {
  const li = h('li', { class: 'provider', 'data-provider': p.id },
    h('h2', { class: 'h3' }, p.name),
    h('p', {}, p.acceptingReferrals ? h('span', { class: 'badge badge-accepted' }, t('provider.accepting'))
      : h('span', { class: 'badge badge-closed' }, t('provider.notAccepting')),
    p.languageMatch ? h('span', { class: 'badge badge-sent' }, t('provider.speaks')) : null),
    p.description ? h('p', {}, p.description) : null,
    h('p', {}, t('referral.services') + ': ' + (p.services || []).map((s) => s.name || code('service', s.category)).join(', ')),
    h('p', {}, t('provider.languages') + ': ' + (p.languages || []).join(', ')),
    p.contact && p.contact.phone ? h('p', {}, t('contact.phone') + ': ' + p.contact.phone) : null);
  if (rc && (has('officer') || has('advocate'))) li.appendChild(referForm(p, rc));
  return li;
}

function referForm(p, rc) {
  const person = field(t('refer.person'), select((rc.persons || []).map((x) => [x.id, personName(x) + ' — ' + code('role', x.role)]),
    { name: 'personId', 'data-field': 'personId' }));
  const cats = Array.from(new Set((p.services || []).map((s) => s.category)));
  // the case's needs the provider offers are ticked; otherwise the provider's first service
  const wanted = cats.filter((c) => (rc.needs || []).includes(c));
  const services = cats.map((c, i) => checkbox(code('service', c), { name: 'service', value: c,
    checked: wanted.length ? wanted.includes(c) : i === 0 }));
  const note = field(t('referral.note'), h('input', { name: 'note', 'data-field': 'note' }));
  const urgency = field(t('refer.urgency'), select(['ROUTINE', 'URGENT', 'EMERGENCY'], { name: 'urgency' }, (u) => code('urgency', u)));
  const errors = h('div', { class: 'errors' });
  const form = h('form', { class: 'subform refer-form', novalidate: true },
    h('h3', {}, t('refer.title')), errors,
    h('div', { class: 'grid' }, person.wrap, urgency.wrap, note.wrap),
    h('fieldset', { class: 'checks', 'data-field': 'services' }, h('legend', {}, t('referral.services')), services.map((s) => s.wrap)),
    h('button', { type: 'submit', class: 'primary' }, t('refer.send')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { caseId: rc.id, personId: person.input.value, providerId: p.id,
      services: services.filter((s) => s.input.checked).map((s) => s.input.value), urgency: urgency.input.value, send: true };
    if (note.input.value) body.note = note.input.value;
    try {
      await api('POST', 'referrals', body);
      say(t('refer.sent'));
      const id = rc.id;
      state.referCase = null;
      location.hash = '#/case/' + encodeURIComponent(id);
    } catch (err) {
      showProblem(errors, err);
    }
  });
  return form;
}

// ---------------------------------------------------------------- referral inbox

function viewInbox() {
  const status = field(t('cases.status'), select([['', t('common.any')]].concat(REFERRAL_STATUSES.map((s) => [s, code('status', s)])),
    { name: 'status' }));
  const results = h('div', { id: 'inbox-results' });
  const form = h('form', { class: 'search', role: 'search' }, status.wrap, h('button', { type: 'submit' }, t('common.search')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });
  page(t('inbox.title'), h('p', { class: 'hint' }, t('inbox.hint')), form, results);

  async function load() {
    clear(results);
    results.appendChild(loading());
    try {
      const r = await api('GET', 'referrals' + query({ status: status.input.value, size: 50 }));
      clear(results);
      const mine = r.items.filter((x) => x.side === 'PROVIDER');
      const sent = r.items.filter((x) => x.side !== 'PROVIDER');
      results.appendChild(h('h2', {}, t('inbox.received')));
      results.appendChild(mine.length ? h('ul', { class: 'cards', id: 'inbox-list' }, mine.map((x) => inboxCard(x, load)))
        : h('p', {}, t('inbox.none')));
      if (sent.length) {
        results.appendChild(h('h2', {}, t('inbox.sent')));
        results.appendChild(h('ul', { class: 'cards' }, sent.map((x) => h('li', { class: 'referral' },
          h('p', {}, h('a', { href: '#/case/' + encodeURIComponent(x.caseId) }, (x.provider && x.provider.name) || x.providerId || x.id),
            ' ', statusBadge(x.status), x.overdue ? h('span', { class: 'badge badge-overdue' }, t('referral.overdue')) : null),
          timeline(x.history)))));
      }
    } catch (err) {
      showProblem(results, err);
    }
  }
  load();
}

function inboxCard(x, reload) {
  const p = x.person || {};
  const errors = h('div', { class: 'errors' });
  const act = async (to, reason) => {
    try {
      await api('POST', 'referrals/' + encodeURIComponent(x.id) + '/status', reason ? { status: to, reason } : { status: to });
      say(code('status', to));
      reload();
    } catch (err) {
      showProblem(errors, err);
    }
  };
  const actions = h('div', { class: 'actions' });
  if (x.status === 'SENT') {
    actions.appendChild(h('button', { type: 'button', class: 'primary', 'data-action': 'ACCEPTED', onclick: () => act('ACCEPTED') },
      t('inbox.accept')));
    const reason = field(t('inbox.declineReason'), h('input', { name: 'reason', 'data-field': 'reason' }));
    const decline = h('form', { class: 'inline-form', novalidate: true }, reason.wrap,
      h('button', { type: 'submit', 'data-action': 'DECLINED' }, t('inbox.decline')));
    decline.addEventListener('submit', (ev) => { ev.preventDefault(); act('DECLINED', reason.input.value.trim()); });
    actions.appendChild(decline);
  } else if (x.status === 'ACCEPTED') {
    actions.appendChild(h('button', { type: 'button', class: 'primary', 'data-action': 'IN_PROGRESS', onclick: () => act('IN_PROGRESS') },
      t('inbox.start')));
  } else if (x.status === 'IN_PROGRESS') {
    actions.appendChild(h('button', { type: 'button', class: 'primary', 'data-action': 'COMPLETED', onclick: () => act('COMPLETED') },
      t('inbox.complete')));
  }
  return h('li', { class: 'referral', 'data-referral': x.id, 'data-status': x.status },
    h('p', {}, h('strong', {}, personName(p) || t('inbox.noPerson')), ' ', statusBadge(x.status),
      x.urgency ? ' ' + code('urgency', x.urgency) : '',
      x.consentRevoked ? h('span', { class: 'badge badge-revoked' }, t('referral.consentRevoked')) : null),
    p.role ? h('p', {}, code('role', p.role) + (p.relationship ? ' (' + p.relationship + ')' : '')
      + (p.language ? ' · ' + t('person.language') + ': ' + p.language : '')) : null,
    p.contact ? h('p', {}, contactSummary(p.contact)) : null,
    h('p', {}, t('referral.services') + ': ' + (x.services || []).map((s) => code('service', s)).join(', ')),
    x.note ? h('p', {}, t('referral.note') + ': ' + x.note) : null,
    timeline(x.history), errors, actions);
}

// ---------------------------------------------------------------- supervisor dashboard

async function viewDashboard() {
  const open = h('p', { class: 'metric', id: 'metric-open' }, '…');
  const overdueCount = h('p', { class: 'metric', id: 'metric-overdue' }, '…');
  const overdueList = h('div', {});
  const failedCount = h('p', { class: 'metric', id: 'metric-failed' }, '…');
  const failedList = h('div', { id: 'failed-list' });
  const caseId = field(t('audit.caseId'), h('input', { name: 'case' }), t('audit.caseHint'));
  const auditOut = h('div', { id: 'audit-results' });
  const auditForm = h('form', { class: 'search', role: 'search' }, caseId.wrap, h('button', { type: 'submit' }, t('audit.show')));
  auditForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(auditOut);
    try {
      auditOut.appendChild(auditTable(await api('GET', 'audit' + query({ case: caseId.input.value.trim(), size: 50 }))));
    } catch (err) { showProblem(auditOut, err); }
  });
  page(t('dash.title'),
    h('div', { class: 'metrics' },
      h('section', { class: 'card', 'aria-labelledby': 'm1' }, h('h2', { id: 'm1' }, t('dash.open')), open,
        h('a', { href: '#/cases' }, t('nav.cases'))),
      h('section', { class: 'card', 'aria-labelledby': 'm2' }, h('h2', { id: 'm2' }, t('dash.overdue')), overdueCount),
      h('section', { class: 'card', 'aria-labelledby': 'm3' }, h('h2', { id: 'm3' }, t('dash.failed')), failedCount)),
    h('section', { class: 'card', 'aria-labelledby': 'fl' }, h('h2', { id: 'fl' }, t('dash.failed')), failedList),
    h('section', { class: 'card', 'aria-labelledby': 'od' }, h('h2', { id: 'od' }, t('dash.overdueList')), overdueList),
    h('section', { class: 'card', 'aria-labelledby': 'au' }, h('h2', { id: 'au' }, t('audit.title')), auditForm, auditOut));
  api('GET', 'notifications' + query({ state: 'FAILED,DEAD,WITHHELD', size: 50 })).then((r) => {
    failedCount.textContent = String(r.total);
    failedList.appendChild(r.items.length ? h('ul', { class: 'cards' }, r.items.map((n) => h('li', {},
      h('a', { href: '#/case/' + encodeURIComponent(n.caseId || '') }, n.eventType + ' · ' + (n.channel || '—')),
      ' ', statusBadge(n.state), ' ', n.reason || ''))) : h('p', {}, t('dash.failedNone')));
  }).catch((err) => { failedCount.textContent = '—'; showProblem(failedList, err); });
  api('GET', 'cases' + query({ status: 'OPEN', size: 1 })).then((r) => { open.textContent = String(r.total); })
    .catch((err) => { open.textContent = '—'; showProblem(overdueList, err); });
  try {
    const r = await api('GET', 'referrals' + query({ overdue: 'true', size: 50 }));
    overdueCount.textContent = String(r.total);
    overdueList.appendChild(r.items.length ? h('ul', { class: 'cards' }, r.items.map((x) => h('li', {},
      h('a', { href: '#/case/' + encodeURIComponent(x.caseId || '') }, (x.provider && x.provider.name) || x.providerId || x.id),
      ' ', statusBadge(x.status), ' ', t('referral.sentAt') + ' ' + fmtTime(x.sentAt || (x.history && x.history.length
        ? x.history[x.history.length - 1].at : ''))))) : h('p', {}, t('dash.noOverdue')));
  } catch (err) {
    overdueCount.textContent = '—';
    if (!(err instanceof ApiError && err.status === 404)) showProblem(overdueList, err);
  }
}

// ---------------------------------------------------------------- start

window.addEventListener('hashchange', route);
// module scripts run after parsing; start once
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => { renderShell(); route(); }, { once: true });
} else {
  renderShell();
  route();
}
