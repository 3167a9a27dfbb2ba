import type { Ref } from 'preact';
import type { NotifyChannel } from './notify';

interface Props {
  channel: NotifyChannel;
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string;
  inputRef: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
  /** Staff type someone else's address: the browser should not offer their own. */
  ownAddress?: boolean;
}

/** A mobile number (type tel) or an e-mail address (type email), as the channel needs. */
export function AddressInput({ channel, id, value, invalid, describedBy, inputRef, onInput, ownAddress = true }: Props) {
  const common = {
    id,
    class: 'input',
    value,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return channel === 'sms' ? (
    <input ref={inputRef} type="tel" autocomplete={ownAddress ? 'tel' : 'off'} {...common} />
  ) : (
    <input ref={inputRef} type="email" autocomplete={ownAddress ? 'email' : 'off'} {...common} />
  );
}
