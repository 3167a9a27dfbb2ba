import { useEffect, useRef } from 'preact/hooks';

interface Props {
  stream: MediaStream | null;
  /** "Name, Organisation" (or "You (name)"). */
  label: string;
  /** A short state under the label ("Connecting …"); empty when connected. */
  note?: string;
  /** The own picture: never played back (no echo), and mirrored like a mirror. */
  own?: boolean;
  id?: string;
}

/** One person's picture with their name and organisation under it. The sound plays from the same element. */
export function VideoTile({ stream, label, note, own = false, id }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.srcObject !== stream) el.srcObject = stream;
    if (stream) void el.play().catch(() => undefined);
  }, [stream]);
  return (
    <figure class={own ? 'tile tile--own' : 'tile'} id={id}>
      <video ref={ref} autoPlay playsInline muted={own} aria-label={label} />
      <figcaption class="tile__label">
        <span class="tile__name">{label}</span>
        {note && <span class="tile__note"> – {note}</span>}
      </figcaption>
    </figure>
  );
}
