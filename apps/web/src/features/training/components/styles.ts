/** The design system's controls, as the portal's forms draw them. */
export const inputClass =
  'mt-1 block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';
export const selectClass = inputClass;
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
export const checkboxRowClass = 'flex min-h-11 items-start gap-2 rounded-8 px-2 py-2 hover:bg-solid-gray-50';
