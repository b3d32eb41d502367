import type { StaffImage } from '@portal/contracts';
import { useLocalized } from '../../../shared/i18n/use-language.ts';
import { byPosition } from '../lib/by-position.ts';

export function StaffImageList({ images }: { images: readonly StaffImage[] }) {
  const l = useLocalized();
  return (
    <ol className="grid gap-6 md:grid-cols-2">
      {byPosition(images).map((image, index) => (
        <li
          key={image.id}
          id={`staff-image-${image.code}`}
          className="flex scroll-mt-24 gap-4 rounded-12 border border-solid-gray-200 bg-white p-5 md:p-6"
        >
          <span
            aria-hidden="true"
            className="flex size-10 shrink-0 items-center justify-center rounded-full bg-blue-900 text-std-18B-160 text-white"
          >
            {index + 1}
          </span>
          <div>
            <h2 className="text-std-20B-150 text-solid-gray-900">{l(image.title)}</h2>
            <ul className="mt-3 list-disc space-y-2 pl-5 text-std-16N-170">
              {image.descriptions.map((description) => (
                <li key={description.ja}>{l(description)}</li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}
