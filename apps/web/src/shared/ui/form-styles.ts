/** The design system's form controls and frames, as every form of the portal draws them. */
export const inputClass =
  'mt-1 block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';
export const selectClass = inputClass;
export const textareaClass = `${inputClass} min-h-28`;
export const labelClass = 'text-std-16B-170 text-solid-gray-900';
export const hintClass = 'mt-1 text-dns-14N-130 text-solid-gray-700';
export const errorClass = 'mt-1 text-dns-14B-130 text-error-1';
export const panelClass = 'rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-4 md:p-5';
export const cardClass = 'rounded-12 border border-solid-gray-200 bg-white p-4 md:p-5';
export const sectionTitleClass = 'mb-4 text-std-22B-150 text-solid-gray-900';
export const linkButtonClass =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-8 border-2 border-blue-900 bg-white px-4 py-2 text-oln-16B-100 text-blue-900 no-underline hover:bg-blue-50';
export const primaryLinkClass =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-8 border-2 border-blue-900 bg-blue-900 px-4 py-2 text-oln-16B-100 text-white no-underline hover:border-blue-1100 hover:bg-blue-1100';
export const badgeClass =
  'inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-dns-14B-130';
/** One of a few choices (minutes, method, a level): big enough to tap, its checked and focus state shown */
export const choiceClass =
  'inline-flex min-h-11 min-w-14 cursor-pointer items-center justify-center rounded-8 border-2 border-solid-gray-420 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 has-[:checked]:border-blue-900 has-[:checked]:bg-blue-50 has-[:checked]:font-bold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-black';
export const noticeClass =
  'rounded-8 border-2 border-green-800 bg-green-50 p-4 text-std-16N-170 text-green-900';
export const warnClass =
  'rounded-8 border-2 border-orange-800 bg-orange-50 p-4 text-std-16N-170 text-solid-gray-900';
export const checkboxRowClass = 'flex min-h-11 items-start gap-2 rounded-8 px-2 py-2 hover:bg-solid-gray-50';
/** Table cells of the portal's data tables */
export const cellClass = 'border-b border-solid-gray-200 px-3 py-2 text-left align-top';
export const headCellClass =
  'border-b-2 border-solid-gray-600 px-3 py-2 text-left align-bottom text-dns-14B-130';
