/** The design system's form controls, as the portal's other forms draw them. */
export const inputClass =
  'mt-1 block w-full min-h-12 rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 text-solid-gray-900 aria-invalid:border-error-1';
export const labelClass = 'block text-std-16B-170 text-solid-gray-900';
export const sectionTitleClass = 'mb-4 text-std-22B-150 text-solid-gray-900';
export const cellClass = 'border-b border-solid-gray-200 px-3 py-2 text-left align-top';
export const headCellClass =
  'border-b-2 border-solid-gray-600 px-3 py-2 text-left align-bottom text-dns-14B-130';
