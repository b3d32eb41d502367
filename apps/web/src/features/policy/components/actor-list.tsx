import type { Actor } from '@portal/contracts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { byPosition } from '../lib/by-position.ts';

/** 各主体の役割・責務 */
export function ActorList({ actors }: { actors: readonly Actor[] }) {
  const l = useLocalized();
  return (
    <ul className="grid gap-6 md:grid-cols-2">
      {byPosition(actors).map((actor) => (
        <li
          key={actor.id}
          className="rounded-12 border border-t-4 border-solid-gray-200 border-t-blue-900 bg-white p-5 md:p-6"
        >
          <h2 className="text-std-20B-150 text-solid-gray-900">{l(actor.name)}</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-std-16N-170">
            {actor.duties.map((duty) => (
              <li key={duty.ja}>{l(duty)}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
