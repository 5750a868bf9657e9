// The clinic-site chat widget of the post-IVIG triage bot. One script tag:
//   <script src="https://bot.clinic.example/widget.js" data-server="https://bot.clinic.example"
//           data-clinic-name="..." data-clinic-phone="..." data-emergency-number="911"></script>
// It talks to Rasa's socket.io channel. Everything the bot or the patient wrote is put on the
// page as text (textContent), never as HTML.
import { io } from 'socket.io-client';
import css from './widget.css';
import { MAX_MESSAGE_CHARS, readConfig, telHref } from './config.js';
import { createStore } from './store.js';

const LEVELS = {
  emergency: { words: 'Call emergency services now', icon: 'warning' },
  call_doctor_now: { words: 'Call your doctor now', icon: 'phone' },
  manage_at_home: { words: 'Manage at home', icon: 'home' },
};
const ICONS = { // 24x24 outline paths, drawn with createElementNS
  warning: 'M12 3 2 20h20L12 3zm0 5v6m0 3v.5',
  phone: 'M6.6 3.5 9 8l-2 1.6a11 11 0 0 0 7.4 7.4L16 15l4.5 2.4-1 3.1c-.3.8-1.1 1.3-2 1.2A16 16 0 0 1 2.3 6.5c-.1-.9.4-1.7 1.2-2l3.1-1z',
  home: 'M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5',
  chat: 'M4 4h16v11H8l-4 4V4z',
};
const ANSWER_TIMEOUT_MS = 25000;
const COUNTER_FROM = Math.round(MAX_MESSAGE_CHARS * 0.8); // the character counter shows from here on
const RED_CARD_LEVELS = ['emergency', 'call_doctor_now'];
const count = (n) => n.toLocaleString('en-US');
const SVG_NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function icon(name, className = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** Characters as the server counts them (code points: an emoji is one). */
const lengthOf = (text) => [...text].length;

const strings = (value) => (Array.isArray(value) ? value.filter((x) => typeof x === 'string') : []);

/** A bot message from socket.io as the widget keeps it: {from, text?, buttons?, triage?}, or null. */
export function normalise(message) {
  if (!message || typeof message !== 'object') return null;
  const item = { from: 'bot' };
  if (typeof message.text === 'string' && message.text.trim()) item.text = message.text.trim();
  const buttons = Array.isArray(message.quick_replies) ? message.quick_replies : message.buttons;
  if (Array.isArray(buttons)) {
    const kept = buttons.filter((b) => b && typeof b.title === 'string' && typeof b.payload === 'string')
      .map((b) => ({ title: b.title, payload: b.payload }));
    if (kept.length) item.buttons = kept;
  }
  // Our channel (components/channels/socketio.py) sends a custom payload as `custom`; accept it bare too.
  const custom = (message.custom && typeof message.custom === 'object') ? message.custom : message;
  const triage = custom.triage;
  if (triage && typeof triage === 'object' && Object.prototype.hasOwnProperty.call(LEVELS, triage.level)) {
    item.triage = {
      level: triage.level, red_flags: strings(triage.red_flags), symptoms: strings(triage.symptoms),
      denied: strings(triage.denied), advice: strings(triage.advice),
      // The server writes these words (bot/advice.py), so the card says what the REST text and the
      // nurse hand-off say; the widget never composes a summary of its own.
      why: typeof triage.why === 'string' ? triage.why : '',
      summary: typeof triage.summary === 'string' ? triage.summary : '',
    };
  }
  return (item.text || item.buttons || item.triage) ? item : null;
}

class Widget {
  constructor(config) {
    this.config = config;
    this.store = createStore(config.server);
    this.sessionId = null; // confirmed by the server
    this.queue = []; // messages typed before the session was confirmed
    this.keepOnReplies = false; // the patient answered the last question with a button
    this.answerTimer = null;
  }

  mount() {
    const { config } = this;
    const host = el('div', { id: 'ivig-triage-widget', className: config.container ? 'inline' : 'floating' });
    (config.container || document.body).append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.append(el('style', { text: css }));
    this.root = root;

    this.launcher = el('button', { type: 'button', className: 'launcher', 'aria-expanded': 'false',
      'aria-controls': 'ivig-panel' }, icon('chat'), el('span', { text: config.launcherText }));
    this.launcher.addEventListener('click', () => this.open(true));

    const titleId = 'ivig-title';
    this.restartButton = el('button', { type: 'button', className: 'restart', text: 'Start over',
      'aria-controls': 'ivig-confirm' });
    this.restartButton.addEventListener('click', () => this.askRestart());
    this.closeButton = el('button', { type: 'button', className: 'close', 'aria-label': 'Hide the chat', text: 'Hide' });
    this.closeButton.addEventListener('click', () => this.open(false, true));

    const notice = el('div', { className: 'notice' },
      el('p', {}, el('strong', { text: 'Not for emergencies. ' }),
        document.createTextNode('If you think this may be an emergency:')),
      el('a', { className: 'notice-call', href: telHref(config.emergencyNumber), text: `Call ${config.emergencyNumber} now` }));

    // "Start over" erases the screen: it asks first, and says so when the last answer was "call".
    this.confirmText = el('p', { id: 'ivig-confirm-text' });
    this.confirmCall = el('div', { className: 'calls' });
    this.keepButton = el('button', { type: 'button', className: 'keep', text: 'No, keep this conversation' });
    this.keepButton.addEventListener('click', () => this.closeConfirm(true));
    const eraseButton = el('button', { type: 'button', className: 'erase', text: 'Yes, start over' });
    eraseButton.addEventListener('click', () => { this.closeConfirm(false); this.restart(); });
    this.confirmBox = el('div', { id: 'ivig-confirm', className: 'confirm', role: 'alertdialog',
      'aria-labelledby': 'ivig-confirm-title', 'aria-describedby': 'ivig-confirm-text', hidden: true },
    el('p', { id: 'ivig-confirm-title', className: 'confirm-title', text: 'Start a new conversation?' }),
    this.confirmText, this.confirmCall, el('div', { className: 'confirm-actions' }, this.keepButton, eraseButton));
    this.confirmBox.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeConfirm(true);
    });

    this.log = el('div', { className: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions',
      'aria-label': 'Conversation', tabindex: '0' });
    this.typing = el('div', { className: 'typing', role: 'status' });
    this.status = el('p', { className: 'status', role: 'status' });
    this.alert = el('div', { className: 'sr-only', 'aria-live': 'assertive', 'aria-atomic': 'true' });
    this.replies = el('div', { className: 'replies', role: 'group', 'aria-label': 'Answers you can choose',
      tabindex: '-1', hidden: true });

    // No maxlength: a browser would cut a pasted message silently. The server's limit is shown
    // as a counter near it, and a longer message stays in the box, unsent, with a word why.
    this.counter = el('p', { id: 'ivig-counter', className: 'counter', hidden: true });
    this.input = el('input', { id: 'ivig-input', type: 'text', autocomplete: 'off', enterkeyhint: 'send',
      placeholder: 'Tell me how you feel', 'aria-describedby': 'ivig-counter' });
    this.input.addEventListener('input', () => this.showCount());
    this.sendButton = el('button', { type: 'submit', className: 'send', text: 'Send' });
    const form = el('form', { className: 'composer' },
      el('label', { for: 'ivig-input', text: 'Your message' }),
      el('div', { className: 'row' }, this.input, this.sendButton), this.counter);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) { this.input.focus(); return; }
      if (lengthOf(text) > MAX_MESSAGE_CHARS) {
        this.showCount();
        this.setStatus(this.counter.textContent);
        this.input.focus();
        return;
      }
      this.input.value = '';
      this.showCount();
      this.keepOnReplies = false;
      this.send(text, text);
    });

    const headerTexts = el('div', { className: 'titles' },
      el('h2', { id: titleId, text: config.title }),
      config.clinicName ? el('p', { className: 'subtitle', text: config.clinicName }) : null);
    const header = el('header', {}, headerTexts, this.restartButton, config.container ? null : this.closeButton);
    this.panel = el('section', { id: 'ivig-panel', className: 'panel', 'aria-labelledby': titleId },
      header, this.confirmBox, notice, this.log, this.typing, this.status, this.replies, form, this.alert);
    root.append(this.launcher, this.panel);

    const opened = this.store.get('open');
    this.open(config.container ? true : (opened === null ? config.open : opened === 'true'));
    for (const item of this.store.history(this.store.session())) this.render(item, false);
    this.showReplies();
    this.scroll();
    this.connect();
  }

  open(isOpen, byUser = false) {
    this.panel.hidden = !isOpen;
    this.launcher.hidden = isOpen || Boolean(this.config.container);
    this.launcher.setAttribute('aria-expanded', String(isOpen));
    if (byUser) {
      this.store.set('open', String(isOpen));
      (isOpen ? this.input : this.launcher).focus();
    }
    if (isOpen) this.scroll();
  }

  // ------------------------------------------------------------------ the connection
  connect() {
    // HTTP long-polling only: Rasa 3.6's Sanic cannot serve WebSockets on Python 3.11.
    const socket = io(this.config.server, { path: this.config.socketPath, transports: ['polling'] });
    this.socket = socket;
    socket.on('connect', () => {
      this.setStatus('');
      socket.emit('session_request', { session_id: this.store.session() });
    });
    socket.on('session_check', (ack) => typeof ack === 'function' && ack(true)); // "this tab still holds its session"
    socket.on('session_confirm', (data) => this.confirmed(typeof data === 'string' ? data : data && data.session_id));
    socket.on('bot_uttered', (message) => this.received(message));
    socket.on('connect_error', () => this.setStatus(this.unreachable()));
    socket.on('disconnect', (reason) => {
      this.sessionId = null;
      if (reason !== 'io client disconnect') this.setStatus(this.unreachable());
    });
  }

  confirmed(sessionId) {
    if (!sessionId) return;
    const known = this.store.session();
    this.sessionId = sessionId;
    if (!known) { // a new conversation: keep what was typed while connecting
      const typed = this.store.history(null);
      this.store.forget(null);
      this.store.saveHistory(sessionId, typed);
    } else if (sessionId !== known) { // the server started another conversation
      this.store.forget(known);
      this.store.setSession(sessionId);
      this.log.replaceChildren();
      this.showReplies();
    }
    if (!this.store.history(sessionId).length && !this.queue.length && this.config.initPayload) {
      this.emit(this.config.initPayload); // the greeting, with the "not for emergencies" words
      this.waiting(true);
    }
    for (const message of this.queue.splice(0)) this.emit(message);
  }

  emit(message) {
    this.socket.emit('user_uttered', { message, session_id: this.sessionId });
  }

  send(shown, payload) {
    this.add({ from: 'user', text: shown });
    this.showReplies();
    if (this.sessionId && this.socket.connected) this.emit(payload);
    else this.queue.push(payload);
    this.waiting(true);
  }

  received(message) {
    const item = normalise(message);
    if (!item) return;
    this.waiting(false);
    this.setStatus(''); // an answer came: no "can't reach the helper" any more
    if (item.triage && !item.text) this.foldTextInto(item);
    this.add(item);
    this.showReplies(true); // after the answer buttons appear, so they never cover the question
    if (item.triage && item.triage.level === 'emergency') {
      this.alert.textContent = `${LEVELS.emergency.words}: call ${this.config.emergencyNumber}.`;
    }
  }

  /** Rasa's stock output channels send a message's text and its custom payload one after the
   * other: the disposition text just shown becomes the card's "whole message", not a second copy. */
  foldTextInto(item) {
    const id = this.store.session();
    const history = this.store.history(id);
    const previous = history[history.length - 1];
    const bubble = this.log.lastElementChild;
    if (!previous || previous.from !== 'bot' || !previous.text || previous.buttons || previous.triage) return;
    if (!bubble || !bubble.classList.contains('bot')) return;
    item.text = previous.text;
    this.store.saveHistory(id, history.slice(0, -1));
    bubble.remove();
  }

  /** The card the conversation ends on, if the bot's last answer is one. */
  lastCard() {
    const history = this.store.history(this.store.session());
    const last = [...history].reverse().find((item) => item.from === 'user' || item.triage);
    return last && last.triage ? last.triage : null;
  }

  askRestart() {
    const { clinicName, clinicPhone, emergencyNumber } = this.config;
    const triage = this.lastCard();
    const red = triage && RED_CARD_LEVELS.includes(triage.level);
    this.confirmText.textContent = red
      ? `My last answer was "${LEVELS[triage.level].words}". Starting over clears it from this screen. `
        + 'If you have not called yet, call now.'
      : 'Starting over clears this conversation from the screen.';
    this.confirmCall.replaceChildren();
    if (red) {
      const emergency = triage.level === 'emergency' || !clinicPhone;
      const number = emergency ? emergencyNumber : clinicPhone;
      this.confirmCall.append(el('a', { className: 'call primary', href: telHref(number) }, icon('phone'),
        el('span', { text: `Call ${emergency ? number : (clinicName || 'your clinic')}` })));
    }
    this.confirmBox.classList.toggle('red', Boolean(red));
    this.confirmBox.hidden = false;
    this.restartButton.setAttribute('aria-expanded', 'true');
    this.keepButton.focus(); // the safe answer is the one under the finger
  }

  closeConfirm(refocus) {
    this.confirmBox.hidden = true;
    this.restartButton.setAttribute('aria-expanded', 'false');
    if (refocus) this.restartButton.focus();
  }

  restart() { // a new session id is a new conversation; the old one is left as it was (never a typed /restart)
    this.store.forget(this.store.session());
    this.store.setSession(null);
    this.sessionId = null;
    this.queue = [];
    this.log.replaceChildren();
    this.pinned = null;
    this.alert.textContent = '';
    this.waiting(false);
    this.showReplies();
    this.setStatus('Started a new conversation.');
    this.input.focus();
    // A new socket leaves the old conversation's room; the server then gives a new session id.
    this.socket.disconnect();
    this.socket.connect();
  }

  waiting(on) {
    clearTimeout(this.answerTimer);
    this.typing.replaceChildren();
    if (!on) return;
    this.typing.append(el('span', { className: 'dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
      el('span', { className: 'sr-only', text: 'The helper is typing' }));
    this.answerTimer = setTimeout(() => {
      this.waiting(false);
      this.setStatus(this.noAnswer());
    }, ANSWER_TIMEOUT_MS);
    this.scroll(); // the typing dots take room: the last message stays in view
  }

  whoToCall() {
    const { clinicName, clinicPhone, emergencyNumber } = this.config;
    const clinic = clinicPhone ? ` If you are worried, call ${clinicName || 'your clinic'} at ${clinicPhone}.` : '';
    return `${clinic} In an emergency call ${emergencyNumber}.`;
  }

  /** Not connected: the helper cannot be reached at all. */
  unreachable() {
    return `I can't reach the helper right now: check your internet connection.${this.whoToCall()}`;
  }

  /** Connected, but no answer came in time. */
  noAnswer() {
    return `The helper has not answered after ${ANSWER_TIMEOUT_MS / 1000} seconds. Please try again in a minute.${this.whoToCall()}`;
  }

  showCount() {
    const length = lengthOf(this.input.value.trim());
    const over = length - MAX_MESSAGE_CHARS;
    this.counter.hidden = length < COUNTER_FROM;
    this.counter.classList.toggle('over', over > 0);
    this.counter.textContent = over > 0
      ? `${count(length)} of ${count(MAX_MESSAGE_CHARS)} characters: ${count(over)} too many. `
        + 'Please make your message shorter to send it; nothing has been sent yet.'
      : `${count(length)} of ${count(MAX_MESSAGE_CHARS)} characters`;
  }

  setStatus(text) {
    this.status.textContent = text;
  }

  // ------------------------------------------------------------------ rendering
  add(item) {
    this.store.append(this.store.session(), item);
    this.render(item, true);
  }

  render(item, fresh) {
    let node;
    if (item.triage) node = this.card(item);
    else if (item.text) {
      node = el('div', { className: `msg ${item.from}` },
        el('span', { className: 'sr-only', text: item.from === 'user' ? 'You said: ' : 'Helper: ' }),
        el('span', { className: 'text', text: item.text }));
    }
    if (!node) return;
    this.log.append(node);
    // Keep the latest card's headline and call button in view until the patient writes again.
    if (item.from === 'user') this.pinned = null;
    else if (item.triage) this.pinned = node;
    if (fresh) this.scroll();
  }

  card(item) {
    const { level, why, summary, advice } = item.triage;
    const { clinicName, clinicPhone, emergencyNumber } = this.config;
    const id = `ivig-card-${this.log.childElementCount}`;
    const card = el('article', { className: `card ${level.replace(/_/g, '-')}`, 'aria-labelledby': id });
    card.append(el('div', { className: 'card-head' }, icon(LEVELS[level].icon, 'icon level-icon'),
      el('h3', { id, text: LEVELS[level].words })));
    if (why) card.append(el('p', { className: 'why', text: `Because of ${why}.` }));

    const calls = el('div', { className: 'calls' });
    const clinicCall = (primary) => clinicPhone && el('a', { className: `call ${primary ? 'primary' : 'secondary'}`,
      href: telHref(clinicPhone) }, icon('phone'),
      el('span', { text: `Call ${clinicName || 'your clinic'}` }), el('span', { className: 'number', text: clinicPhone }));
    if (level === 'emergency') {
      calls.append(el('a', { className: 'call primary', href: telHref(emergencyNumber) }, icon('phone'),
        el('span', { text: `Call ${emergencyNumber}` })));
      const second = clinicCall(false);
      if (second) calls.append(second);
    } else {
      const first = clinicCall(level === 'call_doctor_now');
      if (first) calls.append(first);
      if (level === 'call_doctor_now') {
        calls.append(el('a', { className: 'call secondary', href: telHref(emergencyNumber) },
          el('span', { text: `If you get worse, call ${emergencyNumber}` })));
      }
    }
    card.append(calls);

    if (advice.length) {
      card.append(el('h4', { text: level === 'manage_at_home' ? 'What you can do' : 'What to do' }));
      const list = el('ul', { className: 'advice' });
      for (const line of advice) list.append(el('li', { text: line }));
      card.append(list);
    }
    if (summary) card.append(el('div', { className: 'told' }, el('p', { text: summary })));
    card.append(el('p', { className: 'disclaimer',
      text: 'This is not a diagnosis: only a doctor can tell what is causing your symptoms.' }));
    if (item.text) {
      card.append(el('details', {}, el('summary', { text: 'Show the whole message' }),
        el('p', { className: 'text', text: item.text })));
    }
    return card;
  }

  showReplies(arrived = false) {
    this.replies.replaceChildren();
    const history = this.store.history(this.store.session());
    const last = history[history.length - 1];
    const buttons = (last && last.from === 'bot' && last.buttons) || [];
    this.replies.hidden = !buttons.length;
    for (const { title, payload } of buttons) {
      const button = el('button', { type: 'button', className: 'reply', text: title });
      button.addEventListener('click', () => {
        this.keepOnReplies = true;
        this.send(title, payload);
        this.input.focus(); // the button is gone; wait in the text box
      });
      this.replies.append(button);
    }
    // Who answers with the buttons stays on the buttons: the next question's first answer gets
    // the keyboard focus, unless the patient has started typing or gone elsewhere on the page.
    if (arrived && buttons.length && this.keepOnReplies) {
      const active = this.root.activeElement;
      const idle = active === this.input ? !this.input.value : (!active && document.activeElement === document.body);
      if (idle) this.replies.firstChild.focus();
    }
    this.scroll(); // the bar takes room from the conversation: scroll once it is there
  }

  scroll() {
    const bottom = this.log.scrollHeight;
    this.log.scrollTop = this.pinned && this.pinned.isConnected ? Math.min(this.pinned.offsetTop - 8, bottom) : bottom;
  }
}

function start() {
  const script = document.currentScript || document.querySelector('script[src*="widget.js"][data-server]');
  const config = readConfig(script);
  if (!config) return;
  const boot = () => {
    if (config.containerSelector) config.container = document.querySelector(config.containerSelector);
    new Widget(config).mount();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}

start();
