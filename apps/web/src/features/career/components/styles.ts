/** The design system's controls, as the portal's other forms draw them. */
export const inputClass =
  'mt-1 block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';
export const textareaClass = `${inputClass} min-h-28`;
export const labelClass = 'text-std-16B-170 text-solid-gray-900';
export const hintClass = 'mt-1 text-dns-14N-130 text-solid-gray-700';
export const panelClass = 'rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-4 md:p-5';
export const cardClass = 'rounded-12 border border-solid-gray-200 bg-white p-4 md:p-5';
export const sectionTitleClass = 'text-std-22B-150 text-solid-gray-900';
export const subTitleClass = 'text-std-18B-160 text-solid-gray-900';
export const badgeClass =
  'inline-flex items-center rounded-full border px-2 py-0.5 text-dns-14B-130 whitespace-nowrap';
/** One of a few choices (a level): big enough to tap, its checked and focus state shown */
export const choiceClass =
  'inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-8 border-2 border-solid-gray-420 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50 has-[:checked]:font-bold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-black';
export const noticeClass =
  'rounded-8 border-2 border-green-800 bg-green-50 p-4 text-std-16N-170 text-green-900';
export const warnClass =
  'rounded-8 border-2 border-orange-800 bg-orange-50 p-4 text-std-16N-170 text-solid-gray-900';
