// The outside world of notifications for tests/notify_test.cpp, on loopback:
// - a real SMTP server (smtp-server) that offers STARTTLS, accepts mail only over TLS and only
//   after AUTH, and keeps each message once per idempotency key (X-Oppenvard-Idempotency-Key);
// - a generic JSON SMS provider (POST /sms) that honours Idempotency-Key like real providers;
// - the fake SMSC behind Kannel (GET /send, Kannel's generic HTTP SMSC), which reports final
//   delivery back to Kannel's SMSC port;
// - GET /messages (what arrived) and POST /control {"delay_ms"} (slow answers, to kill the
//   server while it waits).
// Usage: node peers.mjs SMTP_PORT HTTP_PORT KANNEL_SMSC_PORT CERT KEY USER PASSWORD TOKEN
import fs from 'node:fs';
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

const [smtpPort, httpPort, kannelSmscPort, certFile, keyFile, user, password, token] =
  process.argv.slice(2);
const emails = new Map();
const sms = new Map();
const raw = { smtp: 0, sms: 0 };
let delayMs = 0;
let providerSeq = 0;
const later = (f) => setTimeout(f, delayMs);

function headerValue(head, name) {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodeWord(text) {
  return text.replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
}

const smtp = new SMTPServer({
  secure: false,
  key: fs.readFileSync(keyFile),
  cert: fs.readFileSync(certFile),
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: false,
  logger: false,
  onAuth(auth, session, cb) {
    if (auth.username === user && auth.password === password) return cb(null, { user });
    return cb(new Error('Invalid username or password'));
  },
  onMailFrom(address, session, cb) {
    if (!session.secure) return cb(new Error('Must issue STARTTLS first'));
    if (!session.user) return cb(new Error('Authentication required'));
    return cb();
  },
  onData(stream, session, cb) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split);
      const body = Buffer.from(text.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
      const key = headerValue(head, 'X-Oppenvard-Idempotency-Key');
      raw.smtp += 1;
      if (!emails.has(key)) {
        emails.set(key, {
          key,
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom.address,
          subject: decodeWord(headerValue(head, 'Subject')),
          messageId: headerValue(head, 'Message-ID'),
          tls: session.secure,
          text: body,
        });
      }
      later(() => cb());
    });
  },
});
smtp.on('error', () => {});

function reply(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'Content-Type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'POST' && url.pathname === '/sms') {
      if (req.headers.authorization !== `Bearer ${token}`) return reply(res, 401, { error: 'auth' });
      const key = req.headers['idempotency-key'];
      const m = JSON.parse(body);
      raw.sms += 1;
      if (!sms.has(key)) sms.set(key, { key, via: 'json', to: m.to, from: m.from, text: m.text, id: `prov-${++providerSeq}` });
      return later(() => reply(res, 201, { id: sms.get(key).id }));
    }
    if (req.method === 'GET' && url.pathname === '/send') {
      const q = Object.fromEntries(url.searchParams);
      raw.sms += 1;
      const id = `fake-${++providerSeq}`;
      sms.set(id, { key: id, via: 'kannel', to: q.to, from: q.from, text: q.text });
      reply(res, 200, `OK ID: ${id}\n`, 'text/plain');
      setTimeout(() => {
        const p = new URLSearchParams({ 'dlr-mid': id, 'dlr-mask': '1', to: q.to || '' });
        http.get(`http://127.0.0.1:${kannelSmscPort}/?${p}`, (r) => r.resume()).on('error', () => {});
      }, 100);
      return undefined;
    }
    if (req.method === 'GET' && url.pathname === '/messages') {
      return reply(res, 200, { emails: [...emails.values()], sms: [...sms.values()], raw });
    }
    if (req.method === 'POST' && url.pathname === '/control') {
      delayMs = JSON.parse(body).delay_ms ?? 0;
      return reply(res, 200, { delay_ms: delayMs });
    }
    return reply(res, 404, { error: 'not found' });
  });
});

let listening = 0;
const ready = () => {
  listening += 1;
  if (listening === 2) console.log('ready');
};
smtp.listen(Number(smtpPort), '127.0.0.1', ready);
server.listen(Number(httpPort), '127.0.0.1', ready);
