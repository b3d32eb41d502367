/** The design system's form controls, as the sign-in form draws them. */
export const inputClass =
  'mt-1 block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';
export const labelClass = 'text-std-16B-170 text-solid-gray-900';
export const hintClass = 'mt-1 text-dns-14N-130 text-solid-gray-700';
export const panelClass = 'rounded-12 border border-solid-gray-200 bg-solid-gray-50 p-4 md:p-5';
export const sectionTitleClass = 'mb-4 text-std-22B-150 text-solid-gray-900';
