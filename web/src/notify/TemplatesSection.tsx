import { useRef, useState } from 'preact/hooks';
import { useStore, useT } from '../context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { channelKey, eventKey, refusalKey, templateErrorKey, templateRefusal } from './forms';
import { EVENTS, templateId, type NotifyEvent, type Template } from './notify';
import { saveTemplate, templates } from './notifyApi';
import { useSave } from '../ui/useSave';

function TemplateForm({ template, onSaved, onCancel }: { template: Template; onSaved: (t: Template) => void; onCancel: () => void }) {
  const store = useStore();
  const { t } = useT();
  const { phase, run } = useSave();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [empty, setEmpty] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const id = `template-${templateId(template)}`;
  const busy = phase.name === 'busy';
  const email = template.channel === 'email';

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (body.trim() === '') {
      setEmpty(true);
      bodyRef.current?.focus();
      return;
    }
    setEmpty(false);
    const saved = await run((signal) => saveTemplate(store.api, template, email ? { subject: subject.trim(), body: body.trim() } : { body: body.trim() }, signal));
    if (saved) onSaved(saved.value);
    // A refusal is told at the text: go there to fix it.
    else requestAnimationFrame(() => bodyRef.current?.focus());
  };

  const failed = phase.name === 'failed' ? phase.error : null;
  const otherKey = failed !== null ? templateErrorKey(failed) : null;
  const refusal = failed !== null && otherKey === null ? templateRefusal(failed) : null;
  const bodyError = empty ? t('templates.refused.empty') : refusal ? t(refusalKey(refusal.reason), { what: refusal.what }) : null;

  return (
    <form class="form form--wide service-row__form" noValidate onSubmit={(e) => void onSubmit(e)}>
      {email && (
        <div class="field">
          <label for={`${id}-subject`}>{t('templates.subject')}</label>
          <input
            id={`${id}-subject`}
            class="input"
            type="text"
            maxLength={200}
            value={subject}
            onInput={(e) => setSubject((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
      )}
      <div class="field">
        <label for={`${id}-body`}>{t('templates.body')}</label>
        <p id={`${id}-body-hint`} class="field__hint">
          {t('templates.bodyHint')}
        </p>
        {bodyError && (
          <p id={`${id}-body-error`} class="field__error">
            {bodyError}
          </p>
        )}
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          class="input input--area"
          rows={4}
          maxLength={2000}
          value={body}
          aria-invalid={bodyError ? 'true' : undefined}
          aria-describedby={bodyError ? `${id}-body-hint ${id}-body-error` : `${id}-body-hint`}
          onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </div>
      {otherKey && <ErrorMessage message={t(otherKey)} />}
      <div class="button-row button-row--start">
        <button type="submit" class="button" aria-disabled={busy ? 'true' : undefined}>
          {t('templates.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('notify.cancel')}
        </button>
      </div>
      <Status>{busy ? t('notify.saving') : ''}</Status>
    </form>
  );
}

function TemplateItem({ template, onSaved }: { template: Template; onSaved: (t: Template) => void }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const id = `template-${templateId(template)}`;
  const title = t('templates.variant', {
    channel: t(channelKey(template.channel)),
    language: t(template.language === 'en' ? 'templates.lang.en' : 'templates.lang.sv'),
  });
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => editRef.current?.focus());
  };
  return (
    <li class="service-row">
      <h4 id={id} class="service-row__name">
        {title} {template.customised && <span class="badge badge--on">{t('templates.customised')}</span>}
      </h4>
      {template.channel === 'email' && template.subject && (
        <p class="small">
          {t('templates.subject')}: <span lang={template.language}>{template.subject}</span>
        </p>
      )}
      <p lang={template.language}>{template.body}</p>
      {editing ? (
        <TemplateForm
          template={template}
          onCancel={close}
          onSaved={(next) => {
            onSaved(next);
            setSaved(true);
            close();
          }}
        />
      ) : (
        <button
          ref={editRef}
          type="button"
          class="button button--secondary"
          aria-describedby={id}
          onClick={() => {
            setSaved(false);
            setEditing(true);
            requestAnimationFrame(() => document.getElementById(`${id}-${template.channel === 'email' ? 'subject' : 'body'}`)?.focus());
          }}
        >
          {t('templates.edit')}
        </button>
      )}
      <Status>{saved && !editing ? t('templates.saved') : ''}</Status>
    </li>
  );
}

/** The message templates per event, channel and language; a change is checked by the server before it is kept. */
export function TemplatesSection() {
  const store = useStore();
  const { t } = useT();
  const { state, reload, setValue } = useLoad((signal) => templates(store.api, signal), 'templates');
  const latest = useRef<Template[] | null>(null);
  latest.current = state.status === 'ready' ? state.value : null;
  const onSaved = (next: Template) => {
    if (!latest.current) return;
    latest.current = latest.current.map((x) => (templateId(x) === templateId(next) ? next : x));
    setValue(latest.current);
  };
  return (
    <section aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <p>{t('templates.intro')}</p>
      <Status>{state.status === 'loading' ? t('templates.loading') : ''}</Status>
      {state.status === 'error' && <ErrorMessage message={t('templates.loadError')} onRetry={reload} />}
      {state.status === 'ready' &&
        EVENTS.map((event: NotifyEvent) => {
          const list = state.value.filter((x) => x.event === event);
          if (list.length === 0) return null;
          const key = eventKey(event);
          return (
            <div key={event} class="eservice-group">
              <h3>{key ? t(key) : event}</h3>
              <ul class="service-list">
                {list.map((x) => (
                  <TemplateItem key={templateId(x)} template={x} onSaved={onSaved} />
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
