import { useT } from '../context';
import { formatDateTime } from '../format';
import type { MessageKey } from '../i18n';
import { attachmentUrl } from './casesApi';
import type { CaseMessage } from './model';

function authorKey(m: CaseMessage): MessageKey {
  if (m.author.kind === 'staff') return m.kind === 'question' ? 'thread.staffQuestion' : 'thread.staffReply';
  return m.author.kind === 'guardian' ? 'thread.fromGuardian' : 'thread.fromPatient';
}

/** The messages of a case, oldest first; pictures are shown in place. */
export function CaseThread({
  caseId,
  messages,
  viewer,
  headingId,
}: {
  caseId: string;
  messages: CaseMessage[];
  viewer: 'patient' | 'staff';
  headingId: string;
}) {
  const { t, lang } = useT();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('thread.title')}</h2>
      {messages.length === 0 ? (
        <p>{viewer === 'patient' ? t('thread.emptyPatient') : t('thread.emptyStaff')}</p>
      ) : (
        <ol class="thread">
          {messages.map((m) => (
            <li key={m.id} class={m.author.kind === 'staff' ? 'message message--staff' : 'message'}>
              <p class="message__meta">
                <span class="message__author">{t(authorKey(m), { name: m.author.name })}</span>{' '}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
              </p>
              {m.body !== '' && <p class="message__body">{m.body}</p>}
              {m.attachments.map((a) => (
                <p key={a.id} class="message__image">
                  <a href={attachmentUrl(caseId, a.id)} target="_blank" rel="noopener">
                    <img
                      src={attachmentUrl(caseId, a.id)}
                      alt={t('thread.imageAlt', { name: m.author.name, when: formatDateTime(a.createdAt || m.createdAt, lang) })}
                      loading="lazy"
                    />
                    <span class="small">{t('thread.openImage')}</span>
                  </a>
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
