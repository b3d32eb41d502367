import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal dialog on the native `<dialog>`: focus moves into it and stays there, Escape closes it,
 * and focus returns to what opened it.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-12 border border-solid-gray-200 bg-white p-0 text-solid-gray-900 backdrop:bg-black/50"
    >
      {open ? (
        <div className="p-5 md:p-6">
          <h2 id={titleId} className="mb-4 text-std-20B-150">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
